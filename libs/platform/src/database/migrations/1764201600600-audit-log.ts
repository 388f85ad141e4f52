import { appendOnlySql } from '#event-store';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who read or erased personal data, when, and why. Never the personal data itself: only the record's type and
 * id. Append-only like the event log: the trigger refuses UPDATE, DELETE and TRUNCATE even to the app's role.
 */
export class AuditLog1764201600600 implements MigrationInterface {
  name = 'AuditLog1764201600600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_log (
        audit_id       bigserial   PRIMARY KEY,
        at             timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_subject  text        NOT NULL,
        actor_role     text        NOT NULL,
        action         text        NOT NULL CHECK (action ~ '^[a-z_]+$'),
        record_type    text        NOT NULL,
        record_id      text        NOT NULL,
        purpose        text        NULL CHECK (char_length(purpose) <= 200),
        request_id     text        NULL CHECK (char_length(request_id) <= 200)
      );
      CREATE INDEX audit_log_at_idx ON audit_log (at DESC, audit_id DESC);
      CREATE INDEX audit_log_record_idx ON audit_log (record_id, at DESC);
      CREATE INDEX audit_log_actor_idx ON audit_log (actor_subject, at DESC);

      ${appendOnlySql('audit_log')}
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE audit_log');
  }
}
