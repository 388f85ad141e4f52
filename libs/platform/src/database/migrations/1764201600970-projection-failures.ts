import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlySql } from '#event-store';

/**
 * Projection failures you can see (issue 12): each checkpoint carries its failure (the event at fault, a message
 * without personal data, since when, how many attempts) and whether the runner stopped on it (`failed`); the
 * operator's skips are an append-only record (who, when, which event, why) that every runner, rebuilds included,
 * honours.
 */
export class ProjectionFailures1764201600970 implements MigrationInterface {
  name = 'ProjectionFailures1764201600970';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE projection_checkpoints
        ADD COLUMN state                  text        NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'retrying', 'failed')),
        ADD COLUMN failure_count          integer     NOT NULL DEFAULT 0,
        ADD COLUMN failing_since          timestamptz,
        ADD COLUMN failed_global_position bigint,
        ADD COLUMN failed_event_id        uuid,
        ADD COLUMN failed_event_type      text,
        ADD COLUMN failure_message        text CHECK (char_length(failure_message) <= 500);
      CREATE TABLE projection_skips (
        skip_id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        projection_name  text        NOT NULL,
        global_position  bigint      NOT NULL,
        event_id         uuid        NOT NULL,
        event_type       text        NOT NULL,
        reason           text        NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 200),
        skipped_by       text        NOT NULL CHECK (char_length(skipped_by) <= 200),
        skipped_at       timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX projection_skips_projection ON projection_skips (projection_name, global_position);
      ${appendOnlySql('projection_skips')}
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE projection_skips;
      ALTER TABLE projection_checkpoints DROP COLUMN state, DROP COLUMN failure_count, DROP COLUMN failing_since,
        DROP COLUMN failed_global_position, DROP COLUMN failed_event_id, DROP COLUMN failed_event_type, DROP COLUMN failure_message;
    `);
  }
}
