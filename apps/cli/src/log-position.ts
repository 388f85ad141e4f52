import type pg from 'pg';
import { ProjectionRunner } from '#event-store';
import { KNOWN_EVENT_TYPES } from '#platform';
import { statisticsLedgerProjection } from '#read-models';
import type { CliDatabase } from './cli-database.js';

/** Events in the log (the total a rebuild walks through). */
export async function countEvents(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM events');
  return Number(rows[0].n);
}

/**
 * Reports read the statistics ledger, which a projection keeps. When this process started the database nobody
 * else runs that projection, so it is caught up here first; otherwise (the API runs it) a lag is only reported.
 */
export async function bringStatisticsUpToDate(db: CliDatabase, log: (message: string) => void): Promise<void> {
  const runner = new ProjectionRunner(db.pool, statisticsLedgerProjection, { knownEventTypes: KNOWN_EVENT_TYPES });
  if (db.ownsServer) {
    const applied = await runner.catchUp();
    if (applied > 0) log(`estadísticas puestas al día / statistics caught up: ${applied} eventos/events`);
    return;
  }
  const status = await runner.status();
  const reached = status.eventsProcessed + status.eventsSkippedUnknown;
  const total = await countEvents(db.pool);
  if (reached < total) {
    log(
      `aviso: las estadísticas van en la posición ${reached} de ${total} del registro / warning: the statistics are at log position ${reached} of ${total}`,
    );
  }
}
