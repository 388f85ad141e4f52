import type { MigrationInterface, QueryRunner } from 'typeorm';
import { emptyStatisticsProjection } from './statistics-rebuild.js';

/**
 * Issue 14: criminal networks became statistical units (identified, dismantled, cases and suspects linked, the
 * suspects' roles). Networks recorded before were never counted: the projection is emptied and its checkpoint
 * reset, so the daemon rebuilds it from the log on start (as `cli rebuild` does); the existing tables' cells come
 * out the same at every position. Release points and publications are not part of the projection and stay.
 */
export class StatisticsNetworksRebuild1764201601431 implements MigrationInterface {
  name = 'StatisticsNetworksRebuild1764201601431';

  async up(queryRunner: QueryRunner): Promise<void> {
    await emptyStatisticsProjection(queryRunner);
  }

  async down(): Promise<void> {
    // Earlier code ignores the network units and cells; rebuild after a downgrade to drop them.
  }
}
