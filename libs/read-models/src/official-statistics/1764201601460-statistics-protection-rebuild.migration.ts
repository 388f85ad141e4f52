import type { MigrationInterface, QueryRunner } from 'typeorm';
import { emptyStatisticsProjection } from './statistics-rebuild.js';

/**
 * Issue 14: witness protection became statistical units (measures granted, people protected, Gesell interviews),
 * and a case's unit remembers them so a correction of its department moves them. The projection is emptied and
 * its checkpoint reset, so the daemon rebuilds it from the log on start (as `cli rebuild` does); the existing
 * tables' cells come out the same at every position. Release points and publications are not part of the
 * projection and stay.
 */
export class StatisticsProtectionRebuild1764201601460 implements MigrationInterface {
  name = 'StatisticsProtectionRebuild1764201601460';

  async up(queryRunner: QueryRunner): Promise<void> {
    await emptyStatisticsProjection(queryRunner);
  }

  async down(): Promise<void> {
    // Earlier code ignores the protection units and cells; rebuild after a downgrade to drop them.
  }
}
