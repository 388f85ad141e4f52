import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NetworkLinks1764201601430 implements MigrationInterface {
  name = 'NetworkLinks1764201601430';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE network_links (
        network_id  uuid NOT NULL,
        case_id     uuid NOT NULL,
        linked_at   timestamptz NOT NULL,
        PRIMARY KEY (case_id, network_id)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE network_links');
  }
}
