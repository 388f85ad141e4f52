import type pg from 'pg';
import { readCopiedLog, Upcasters } from '#event-store';
import { toIntegrationMessage } from './integration-contract.js';
import type { IntegrationPublisher } from './integration-publisher.js';
import { relayLag } from './relay-lag.js';

/** A dead letter as an operator sees it: where, what and why; never the event's data. */
export interface DeadLetter {
  relay: string;
  position: number;
  eventType: string;
  eventId: string;
  attempts: number;
  error: string;
  deadLetteredAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export async function listDeadLetters(pool: Pick<pg.Pool, 'query'>, options: { includeResolved?: boolean } = {}): Promise<DeadLetter[]> {
  const { rows } = await pool.query<Record<string, string | number | Date | null>>(
    `SELECT relay_name, global_position, event_type, event_id, attempts, error, dead_lettered_at, resolved_at, resolved_by
       FROM integration_dead_letters ${options.includeResolved ? '' : 'WHERE resolved_at IS NULL'}
      ORDER BY relay_name, global_position, dead_letter_id`,
  );
  return rows.map((r) => ({
    relay: String(r.relay_name),
    position: Number(r.global_position),
    eventType: String(r.event_type),
    eventId: String(r.event_id),
    attempts: Number(r.attempts),
    error: String(r.error),
    deadLetteredAt: (r.dead_lettered_at as Date).toISOString(),
    resolvedAt: r.resolved_at === null ? null : (r.resolved_at as Date).toISOString(),
    resolvedBy: r.resolved_by === null ? null : String(r.resolved_by),
  }));
}

export interface RelayStatus {
  relay: string;
  /** null: the relay never ran against this database (no checkpoint yet). */
  checkpoint: number | null;
  eventsPublished: number;
  updatedAt: string | null;
  logHead: number;
  lagEvents: number;
  deadLetters: number;
}

/** Every relay that has a checkpoint or a dead letter, and the default one even before it ever ran. */
export async function relayStatuses(pool: pg.Pool, defaultRelay = 'kafka'): Promise<RelayStatus[]> {
  const { rows } = await pool.query<{ relay: string; checkpoint: string | null; published: string | null; updated_at: Date | null }>(
    `SELECT r.relay, c.global_position AS checkpoint, c.events_published AS published, c.updated_at
       FROM (SELECT relay_name AS relay FROM integration_relay_checkpoints
             UNION SELECT relay_name FROM integration_dead_letters UNION SELECT $1) r
       LEFT JOIN integration_relay_checkpoints c ON c.relay_name = r.relay
      ORDER BY r.relay`,
    [defaultRelay],
  );
  const head = await pool.query<{ head: string }>('SELECT COALESCE(max(global_position), 0) AS head FROM events');
  const dead = await pool.query<{ relay: string; count: number }>(
    'SELECT relay_name AS relay, count(*)::int AS count FROM integration_dead_letters WHERE resolved_at IS NULL GROUP BY relay_name',
  );
  const statuses: RelayStatus[] = [];
  for (const row of rows)
    statuses.push({
      relay: row.relay,
      checkpoint: row.checkpoint === null ? null : Number(row.checkpoint),
      eventsPublished: Number(row.published ?? 0),
      updatedAt: row.updated_at?.toISOString() ?? null,
      logHead: Number(head.rows[0].head),
      lagEvents: (await relayLag(pool, row.relay)).events,
      deadLetters: dead.rows.find((d) => d.relay === row.relay)?.count ?? 0,
    });
  return statuses;
}

export type RetryOutcome = { outcome: 'published' | 'not-published'; deadLetter: DeadLetter };

/**
 * Sends one dead-lettered event again, alone, through the publisher, and marks its dead letter resolved (by whom,
 * when) only once the broker acknowledged it. The rest of its stream went out long ago: this message arrives after
 * them, and consumers order a record's events by their own fields, deduplicating by id. An event the contract no
 * longer publishes is marked resolved without sending anything. Null: no unresolved dead letter at that position.
 */
export async function retryDeadLetter(
  pool: pg.Pool,
  publisher: IntegrationPublisher,
  request: { position: number; relay: string; source: string; by: string; upcasters?: Upcasters },
): Promise<RetryOutcome | null> {
  const letter = (await listDeadLetters(pool)).find((d) => d.relay === request.relay && d.position === request.position);
  if (!letter) return null;
  const { rows } = await pool.query<{ tx: string }>('SELECT transaction_id::text AS tx FROM events WHERE global_position = $1', [
    request.position,
  ]);
  if (rows.length === 0) throw new Error(`no event at position ${request.position}`);
  // The read is exclusive: from just before the event in the log's (transaction, position) order.
  // The event was read (and dead-lettered) long ago: no horizon to wait for; the plain ordered read serves both logs.
  const [event] = await readCopiedLog(pool, { transactionId: rows[0].tx, globalPosition: request.position - 1 }, 1, request.upcasters);
  if (event?.eventId !== letter.eventId) throw new Error(`the event at position ${request.position} is not ${letter.eventId}`);
  const message = toIntegrationMessage(event, request.source);
  if (message) await publisher.publish([message]);
  const resolved = await pool.query<{ resolved_at: Date }>(
    `UPDATE integration_dead_letters SET resolved_at = now(), resolved_by = $3
      WHERE relay_name = $1 AND global_position = $2 AND resolved_at IS NULL
      RETURNING resolved_at`,
    [request.relay, request.position, request.by.slice(0, 200)],
  );
  if (resolved.rows.length === 0) return null; // resolved meanwhile by another operator, who re-sent it
  const resolvedAt = resolved.rows[0].resolved_at.toISOString();
  return { outcome: message ? 'published' : 'not-published', deadLetter: { ...letter, resolvedAt, resolvedBy: request.by.slice(0, 200) } };
}
