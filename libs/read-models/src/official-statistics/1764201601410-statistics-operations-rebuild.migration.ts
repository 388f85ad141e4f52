import type { MigrationInterface, QueryRunner } from 'typeorm';
import { emptyStatisticsProjection } from './statistics-rebuild.js';

/**
 * Issue 14: police operations became statistical units (operations, people rescued and detained), and a case's
 * unit remembers its operations so a correction of its department moves them. Operations recorded before were
 * never counted: the projection is emptied and its checkpoint reset, so the daemon rebuilds it from the log on
 * start (as `cli rebuild` does); the existing tables' cells come out the same at every position. Release points
 * and publications are not part of the projection and stay.
 */
export class StatisticsOperationsRebuild1764201601410 implements MigrationInterface {
  name = 'StatisticsOperationsRebuild1764201601410';

  async up(queryRunner: QueryRunner): Promise<void> {
    await emptyStatisticsProjection(queryRunner);
  }

  async down(): Promise<void> {
    // Earlier code ignores the operation units and cells; rebuild after a downgrade to drop them.
  }
}
