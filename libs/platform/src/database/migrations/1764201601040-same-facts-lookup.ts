import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case's view lists the cases marked as reporting the same facts as it (GET /cases/{caseId}: `sameFactsCases`),
 * read from the log itself so a mark made a moment ago is already shown: a partial expression index keeps that an
 * index scan, like the record id lookups.
 */
export class SameFactsLookup1764201601040 implements MigrationInterface {
  name = 'SameFactsLookup1764201601040';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX events_same_as_case_id_idx ON events ((data->>'sameAsCaseId')) WHERE event_type = 'CaseMarkedSameFacts'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX events_same_as_case_id_idx');
  }
}
