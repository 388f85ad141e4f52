import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TrialLinks1764201600310 implements MigrationInterface {
  name = 'TrialLinks1764201600310';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE trial_links (
        trial_id        uuid PRIMARY KEY,
        prosecution_id  uuid NOT NULL,
        case_id         uuid
      );
      CREATE INDEX trial_links_prosecution_idx ON trial_links (prosecution_id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE trial_links');
  }
}
