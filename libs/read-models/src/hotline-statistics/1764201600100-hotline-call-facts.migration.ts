import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HotlineCallFacts1764201600100 implements MigrationInterface {
  name = 'HotlineCallFacts1764201600100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE hotline_call_facts (
        call_id             uuid PRIMARY KEY,
        received_at         timestamptz NOT NULL,
        received_month      char(7)     NOT NULL,
        department          text        NOT NULL,
        topic               text        NOT NULL,
        trafficking_related boolean     NOT NULL,
        closed              boolean     NOT NULL
      );
      CREATE INDEX hotline_call_facts_month_idx ON hotline_call_facts (received_month, department);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE hotline_call_facts');
  }
}
