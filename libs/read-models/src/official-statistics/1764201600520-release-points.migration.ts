import { appendOnlySql } from '#event-store';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Release points declared by an administrator ("close period" now): log positions analysts may read the
 * statistics at, besides the automatic period closes (derived from stat_log_times). Not a read model (never
 * rebuilt): append-only, like the publications.
 */
export class ReleasePoints1764201600520 implements MigrationInterface {
  name = 'ReleasePoints1764201600520';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE stat_release_points (
        log_position bigint      PRIMARY KEY,
        declared_at  timestamptz NOT NULL
      );
      ${appendOnlySql('stat_release_points')}
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE stat_release_points');
  }
}
