import type { QueryRunner } from 'typeorm';

/**
 * What a migration does when the statistics units or cells change shape: empties the official-statistics
 * projection and resets its checkpoint, so the daemon rebuilds it from the log on the next start (as `cli rebuild`
 * does). Release points and publications are not part of the projection and stay.
 */
export async function emptyStatisticsProjection(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
    TRUNCATE stat_units, stat_ledger, stat_cells, stat_log_times;
    UPDATE projection_checkpoints SET transaction_id = '0', global_position = 0, events_processed = 0,
           events_skipped_unknown = 0, updated_at = now()
     WHERE projection_name = 'official-statistics';
  `);
}
