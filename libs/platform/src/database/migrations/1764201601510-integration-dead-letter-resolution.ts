import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An operator re-sends a dead-lettered integration event (`npm run cli -- integration retry --position N`): the row
 * stays, as the record that the event once failed, and says when and by whom it was resolved. Resolved once: the
 * trigger refuses any other change to a dead letter (and its deletion), so the record cannot be rewritten later.
 */
export class IntegrationDeadLetterResolution1764201601510 implements MigrationInterface {
  name = 'IntegrationDeadLetterResolution1764201601510';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE integration_dead_letters
        ADD COLUMN resolved_at timestamptz,
        ADD COLUMN resolved_by text CHECK (char_length(resolved_by) <= 200),
        ADD CONSTRAINT integration_dead_letters_resolved_check CHECK ((resolved_at IS NULL) = (resolved_by IS NULL));
      CREATE INDEX integration_dead_letters_unresolved_idx ON integration_dead_letters (relay_name, global_position)
        WHERE resolved_at IS NULL;
      CREATE FUNCTION integration_dead_letters_resolve_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'integration_dead_letters: a dead letter is never deleted';
        END IF;
        IF OLD.resolved_at IS NOT NULL
           OR (to_jsonb(NEW) - 'resolved_at' - 'resolved_by') IS DISTINCT FROM (to_jsonb(OLD) - 'resolved_at' - 'resolved_by') THEN
          RAISE EXCEPTION 'integration_dead_letters: only an unresolved dead letter may be marked resolved, once';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER integration_dead_letters_resolve_only BEFORE UPDATE OR DELETE ON integration_dead_letters
        FOR EACH ROW EXECUTE FUNCTION integration_dead_letters_resolve_only();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER integration_dead_letters_resolve_only ON integration_dead_letters;
      DROP FUNCTION integration_dead_letters_resolve_only();
      DROP INDEX integration_dead_letters_unresolved_idx;
      ALTER TABLE integration_dead_letters
        DROP CONSTRAINT integration_dead_letters_resolved_check, DROP COLUMN resolved_by, DROP COLUMN resolved_at;
    `);
  }
}
