import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The official statistics' read model. stat_ledger holds every change of every cell with the log position that
 * caused it (insert-only: reports as of any past position sum it); stat_cells holds the current sums, so the
 * current report reads a few hundred rows; stat_units holds each counted unit's state between batches (JSON kept
 * as text: only this projection reads it, whole); stat_log_times holds when each event was recorded, one row
 * per batch, so a report can say when the log reached its position.
 */
export class StatisticsLedger1764201600500 implements MigrationInterface {
  name = 'StatisticsLedger1764201600500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE stat_units (
        unit_key text PRIMARY KEY,
        state    text NOT NULL
      );
      CREATE TABLE stat_ledger (
        log_position bigint      NOT NULL,
        recorded_at  timestamptz NOT NULL,
        measure      text        NOT NULL,
        period       char(7)     NOT NULL,
        department   text        NOT NULL,
        d1           text        NOT NULL,
        d2           text        NOT NULL,
        d3           text        NOT NULL,
        sign         smallint    NOT NULL CHECK (sign IN (-1, 1))
      );
      CREATE INDEX stat_ledger_period_idx ON stat_ledger (period, log_position);
      CREATE TABLE stat_log_times (
        first_position bigint        PRIMARY KEY,
        positions      bigint[]      NOT NULL,
        recorded_at    timestamptz[] NOT NULL
      );
      CREATE TABLE stat_cells (
        period     char(7) NOT NULL,
        measure    text    NOT NULL,
        department text    NOT NULL,
        d1         text    NOT NULL,
        d2         text    NOT NULL,
        d3         text    NOT NULL,
        n          integer NOT NULL,
        PRIMARY KEY (period, measure, department, d1, d2, d3)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE stat_log_times; DROP TABLE stat_cells; DROP TABLE stat_ledger; DROP TABLE stat_units');
  }
}
