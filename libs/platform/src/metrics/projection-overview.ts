import type pg from 'pg';
import { projectionStatuses, type ProjectionFailure, type ProjectionState } from '#event-store';

/** An operator's decision to pass over one event in one projection (`projections skip`), as recorded. */
export interface ProjectionSkip {
  position: number;
  eventId: string;
  eventType: string;
  reason: string;
  skippedBy: string;
  skippedAt: string;
}

/** What `projections status`, GET /health/status and the metrics say of a projection: no event data. */
export interface ProjectionOverview {
  name: string;
  state: ProjectionState;
  /** The global position of the last event processed (0: none). */
  position: number;
  eventsProcessed: number;
  /** Events in the log not processed yet, and seconds since the oldest of them was recorded (0 when caught up). */
  lagEvents: number;
  lagSeconds: number;
  failure: ProjectionFailure | null;
  skips: ProjectionSkip[];
}

/** Every named projection (one without a checkpoint yet is at the start of the log). */
export async function projectionOverview(pool: Pick<pg.Pool, 'query'>, names: readonly string[]): Promise<ProjectionOverview[]> {
  const statuses = new Map((await projectionStatuses(pool)).map((s) => [s.projection, s]));
  const lags = await pool.query<{ name: string; events: string; seconds: number | null }>(
    `SELECT p.name,
            count(e.global_position) AS events,
            extract(epoch FROM now() - min(e.recorded_at))::float8 AS seconds
       FROM unnest($1::text[]) AS p(name)
       LEFT JOIN projection_checkpoints c ON c.projection_name = p.name
       LEFT JOIN events e
         ON (e.transaction_id, e.global_position) > (coalesce(c.transaction_id, '0'::xid8), coalesce(c.global_position, 0))
      GROUP BY p.name`,
    [names],
  );
  const lag = new Map(lags.rows.map((r) => [r.name, r]));
  const skips = await pool.query<{
    projection_name: string;
    global_position: string;
    event_id: string;
    event_type: string;
    reason: string;
    skipped_by: string;
    skipped_at: Date;
  }>('SELECT * FROM projection_skips WHERE projection_name = ANY($1::text[]) ORDER BY skip_id', [names]);
  return names.map((name) => {
    const status = statuses.get(name);
    const behind = lag.get(name);
    return {
      name,
      state: status?.state ?? 'running',
      position: status?.position.globalPosition ?? 0,
      eventsProcessed: status?.eventsProcessed ?? 0,
      lagEvents: Number(behind?.events ?? 0),
      lagSeconds: Math.max(0, Math.round((behind?.seconds ?? 0) * 10) / 10),
      failure: status?.failure ?? null,
      skips: skips.rows
        .filter((s) => s.projection_name === name)
        .map((s) => ({
          position: Number(s.global_position),
          eventId: s.event_id,
          eventType: s.event_type,
          reason: s.reason,
          skippedBy: s.skipped_by,
          skippedAt: s.skipped_at.toISOString(),
        })),
    };
  });
}

/** A projection failing (retrying or stopped) for longer than `seconds`: what makes GET /health/ready fail. */
export function failingLongerThan(projection: ProjectionOverview, seconds: number, now = Date.now()): boolean {
  if (projection.state === 'running' || projection.failure === null) return false;
  return now - Date.parse(projection.failure.since) > seconds * 1000;
}

/** The event at a global position, to record a skip of it; null when there is none. */
export async function eventAt(pool: Pick<pg.Pool, 'query'>, position: number): Promise<{ eventId: string; eventType: string } | null> {
  const { rows } = await pool.query<{ event_id: string; event_type: string }>(
    'SELECT event_id, event_type FROM events WHERE global_position = $1',
    [position],
  );
  return rows[0] ? { eventId: rows[0].event_id, eventType: rows[0].event_type } : null;
}

/**
 * Records the operator's skip (append-only) and, when the projection is failing on that very event, clears the
 * failure in the same transaction so its runner goes on past it at the next tick.
 */
export async function recordSkip(
  pool: pg.Pool,
  skip: { projection: string; position: number; eventId: string; eventType: string; reason: string; by: string },
): Promise<{ clearedFailure: boolean }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO projection_skips (projection_name, global_position, event_id, event_type, reason, skipped_by)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [skip.projection, skip.position, skip.eventId, skip.eventType, skip.reason, skip.by],
    );
    const cleared = await client.query(
      `UPDATE projection_checkpoints SET ${CLEAR_FAILURE} WHERE projection_name = $1 AND failed_global_position = $2`,
      [skip.projection, skip.position],
    );
    await client.query('COMMIT');
    return { clearedFailure: cleared.rowCount === 1 };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Clears a projection's failure (`projections retry`): its runner tries the event again, with a fresh count. */
export async function retryProjection(pool: Pick<pg.Pool, 'query'>, projection: string): Promise<{ wasFailing: boolean }> {
  const { rowCount } = await pool.query(
    `UPDATE projection_checkpoints SET ${CLEAR_FAILURE} WHERE projection_name = $1 AND state <> 'running'`,
    [projection],
  );
  return { wasFailing: rowCount === 1 };
}

const CLEAR_FAILURE = `state = 'running', failure_count = 0, failing_since = NULL, failed_global_position = NULL,
  failed_event_id = NULL, failed_event_type = NULL, failure_message = NULL`;
