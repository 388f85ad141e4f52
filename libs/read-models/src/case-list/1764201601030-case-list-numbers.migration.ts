import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case list gains what issue 13 added to a case: its registry number, the other institutions' references (shown
 * as given, searched by a key without case or spaces), the case it reports the same facts as, and the statistical
 * categories of its offences. Rows of earlier cases read as "no number, no references" until the rebuild replays
 * their events (the projection's new event types start it).
 */
export class CaseListNumbers1764201601030 implements MigrationInterface {
  name = 'CaseListNumbers1764201601030';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE case_list
        ADD COLUMN registry_number    text   NULL,
        ADD COLUMN "references"       jsonb  NOT NULL DEFAULT '{}'::jsonb,
        ADD COLUMN reference_keys     text[] NOT NULL DEFAULT '{}',
        ADD COLUMN same_as_case_id    uuid   NULL,
        ADD COLUMN offence_categories text[] NOT NULL DEFAULT '{}';
      CREATE INDEX case_list_registry_number_idx ON case_list (registry_number) WHERE registry_number IS NOT NULL;
      CREATE INDEX case_list_reference_keys_idx ON case_list USING gin (reference_keys);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX case_list_reference_keys_idx;
      DROP INDEX case_list_registry_number_idx;
      ALTER TABLE case_list DROP COLUMN registry_number, DROP COLUMN "references", DROP COLUMN reference_keys,
        DROP COLUMN same_as_case_id, DROP COLUMN offence_categories;
    `);
  }
}
