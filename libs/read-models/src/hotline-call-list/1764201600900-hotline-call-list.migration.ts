import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The operators' list of calls (GET /hotline-calls): no summary, no personal field. */
export class HotlineCallList1764201600900 implements MigrationInterface {
  name = 'HotlineCallList1764201600900';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE hotline_call_list (
        call_id             uuid        PRIMARY KEY,
        received_at         timestamptz NOT NULL,
        channel             text        NOT NULL,
        language            text        NOT NULL,
        caller_ubigeo       text        NULL,
        department          text        NOT NULL,
        anonymous           boolean     NOT NULL,
        topic               text        NOT NULL,
        trafficking_related boolean     NOT NULL,
        status              text        NOT NULL,
        outcome             text        NULL,
        referrals           integer     NOT NULL,
        version             integer     NOT NULL,
        recorded_by         text        NULL
      );
      CREATE INDEX hotline_call_list_received_idx ON hotline_call_list (received_at DESC, call_id DESC);
      CREATE INDEX hotline_call_list_department_idx ON hotline_call_list (department, received_at DESC, call_id DESC);
      CREATE INDEX hotline_call_list_recorded_by_idx ON hotline_call_list (recorded_by, received_at DESC, call_id DESC);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE hotline_call_list');
  }
}
