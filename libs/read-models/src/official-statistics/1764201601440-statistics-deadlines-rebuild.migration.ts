import type { MigrationInterface, QueryRunner } from 'typeorm';
import { emptyStatisticsProjection } from './statistics-rebuild.js';

/**
 * Issue 14: a referral's unit remembers its deadline and first answer, and adds the cells of the monthly table
 * `referral_deadlines` (answered on time or late, hours to answer, overdue at month end). Units stored before have
 * no deadline and would add none: the projection is emptied and its checkpoint reset, so the daemon rebuilds it
 * from the log on start (as `cli rebuild` does); the existing tables' cells come out the same at every position.
 * Release points and publications are not part of the projection and stay.
 */
export class StatisticsDeadlinesRebuild1764201601440 implements MigrationInterface {
  name = 'StatisticsDeadlinesRebuild1764201601440';

  async up(queryRunner: QueryRunner): Promise<void> {
    await emptyStatisticsProjection(queryRunner);
  }

  async down(): Promise<void> {
    // Earlier code ignores the deadline fields and cells; rebuild after a downgrade to drop them.
  }
}
