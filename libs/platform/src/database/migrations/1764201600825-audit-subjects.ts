import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Need-to-know: an audit entry names the data subjects (victims, callers) whose records the answer disclosed or
 * pointed at, not only the record read, so "who saw anything about this person" is one query.
 */
export class AuditSubjects1764201600825 implements MigrationInterface {
  name = 'AuditSubjects1764201600825';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE audit_log ADD COLUMN subject_ids text[] NOT NULL DEFAULT '{}';
      CREATE INDEX audit_log_subjects_idx ON audit_log USING gin (subject_ids);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE audit_log DROP COLUMN subject_ids');
  }
}
