import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Searches by identity document are audited too; a search that matched nothing names no record (record_id NULL). */
export class AuditSearches1764201600820 implements MigrationInterface {
  name = 'AuditSearches1764201600820';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE audit_log ALTER COLUMN record_id DROP NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE audit_log ALTER COLUMN record_id SET NOT NULL');
  }
}
