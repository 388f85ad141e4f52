import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The police and prosecutors' list of cases (GET /cases), and each victim's documentHash (a keyed hash, never the
 * document) so a search by document finds the cases of a person without reading any personal field.
 */
export class CaseList1764201600910 implements MigrationInterface {
  name = 'CaseList1764201600910';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_list (
        case_id           uuid        PRIMARY KEY,
        registered_at     timestamptz NOT NULL,
        police_unit       text        NOT NULL,
        police_unit_key   text        NOT NULL,
        ubigeo            text        NOT NULL,
        department        text        NOT NULL,
        source            text        NOT NULL,
        purposes          text[]      NOT NULL,
        status            text        NOT NULL,
        victims           integer     NOT NULL,
        suspects          integer     NOT NULL,
        prosecution_id    uuid        NULL,
        referral_id       uuid        NULL
      );
      CREATE INDEX case_list_registered_idx ON case_list (registered_at DESC, case_id DESC);
      CREATE INDEX case_list_department_idx ON case_list (department, registered_at DESC, case_id DESC);
      CREATE TABLE case_list_victims (
        case_id        uuid NOT NULL,
        victim_id      uuid NOT NULL,
        document_hash  text NULL,
        PRIMARY KEY (case_id, victim_id)
      );
      CREATE INDEX case_list_victims_document_idx ON case_list_victims (document_hash) WHERE document_hash IS NOT NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE case_list_victims; DROP TABLE case_list');
  }
}
