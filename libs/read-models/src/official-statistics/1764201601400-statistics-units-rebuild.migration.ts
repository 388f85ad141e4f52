import type { MigrationInterface, QueryRunner } from 'typeorm';
import { emptyStatisticsProjection } from './statistics-rebuild.js';

/**
 * Issue 13: the statistics units gained the qualification, a victim's records and a case's links to its victims,
 * prosecutions and trials, without which a correction cannot move what was registered before. The projection is
 * emptied and its checkpoint reset, so the daemon rebuilds it from the log on start (as `cli rebuild` does): the
 * cells of the existing tables come out the same at every position, the new tables' cells are added where their
 * events were. Release points and publications are not part of the projection and stay.
 */
export class StatisticsUnitsRebuild1764201601400 implements MigrationInterface {
  name = 'StatisticsUnitsRebuild1764201601400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await emptyStatisticsProjection(queryRunner);
  }

  async down(): Promise<void> {
    // Units of this shape are still read by the earlier code as far as it reads them; rebuild after a downgrade.
  }
}
