import type { MigrationInterface, QueryRunner } from 'typeorm';
import { emptyStatisticsProjection } from './statistics-rebuild.js';

/**
 * Issue 14: a victim's assistance acts became statistical units (victim_assistance_* tables), and voiding a victim
 * or correcting her case's department moves them. The projection is emptied and its checkpoint reset, so the
 * daemon rebuilds it from the log on start (as `cli rebuild` does); the existing tables' cells come out the same at
 * every position. Release points and publications are not part of the projection and stay.
 */
export class StatisticsAssistanceRebuild1764201601450 implements MigrationInterface {
  name = 'StatisticsAssistanceRebuild1764201601450';

  async up(queryRunner: QueryRunner): Promise<void> {
    await emptyStatisticsProjection(queryRunner);
  }

  async down(): Promise<void> {
    // Earlier code ignores the assistance units and cells; rebuild after a downgrade to drop them.
  }
}
