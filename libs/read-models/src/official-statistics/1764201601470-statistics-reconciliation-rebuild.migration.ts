import type { MigrationInterface, QueryRunner } from 'typeorm';
import { emptyStatisticsProjection } from './statistics-rebuild.js';

/**
 * Issue 14: the reconciliation of institutions. Denunciations, prosecutions opened and first-instance rulings now
 * carry their link in their cells, trials opened are counted, and prosecutions and trials remember the victims of
 * their denunciation. Units stored before have none of it: the projection is emptied and its checkpoint reset, so
 * the daemon rebuilds it from the log on start (as `cli rebuild` does); the existing tables' cells come out the
 * same at every position. Release points and publications are not part of the projection and stay.
 */
export class StatisticsReconciliationRebuild1764201601470 implements MigrationInterface {
  name = 'StatisticsReconciliationRebuild1764201601470';

  async up(queryRunner: QueryRunner): Promise<void> {
    await emptyStatisticsProjection(queryRunner);
  }

  async down(): Promise<void> {
    // Earlier code ignores the new cells and fields (its sums read across the link); rebuild after a downgrade to drop them.
  }
}
