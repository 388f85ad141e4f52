import type { Pool, PoolClient } from 'pg';

/** A recorded anchor: the log's stream heads as of a gap-safe position, summarized by one hash. */
export interface Anchor {
  anchorId: number;
  takenAt: string;
  /** The last event the anchor covers, in the gap-safe order (transaction_id, global_position); '0'/0 when empty. */
  transactionId: string;
  globalPosition: number;
  streams: number;
  /** Sum of the heads' positions: the number of events covered, as the chain walk checks positions are gap-free. */
  events: number;
  headsHash: string;
}

export interface LogPoint {
  transactionId: string;
  globalPosition: number;
}

export interface HeadsSummary {
  streams: number;
  events: number;
  headsHash: string;
}

/** Serializes anchor takers (API replicas, the CLI): each anchor's "moved heads" start where the previous ended. */
const ANCHOR_LOCK = 7_314_206_001;

interface AnchorRow {
  anchor_id: string;
  taken_at: Date;
  transaction_id: string;
  global_position: string;
  streams: number;
  events: string;
  heads_hash: string;
}

export const ANCHOR_COLUMNS = 'anchor_id, taken_at, transaction_id::text AS transaction_id, global_position, streams, events, heads_hash';

export const toAnchor = (row: AnchorRow): Anchor => ({
  anchorId: Number(row.anchor_id),
  takenAt: row.taken_at.toISOString(),
  transactionId: row.transaction_id,
  globalPosition: Number(row.global_position),
  streams: row.streams,
  events: Number(row.events),
  headsHash: row.heads_hash,
});

/**
 * Every stream's head (highest position, its hash) among the events at or before `point` in the gap-safe order,
 * hashed in a collation-independent order. The same function takes and re-checks an anchor.
 */
export async function headsAt(db: Pool | PoolClient, point: LogPoint): Promise<HeadsSummary> {
  const { rows } = await db.query<{ streams: number; events: string; heads_hash: string }>(
    `WITH heads AS (
       SELECT DISTINCT ON (stream_id) stream_id, stream_position, hash FROM events
        WHERE (transaction_id, global_position) <= ($1::xid8, $2::bigint)
        ORDER BY stream_id, stream_position DESC)
     SELECT count(*)::int AS streams, coalesce(sum(stream_position), 0)::bigint AS events,
            encode(sha256(convert_to(coalesce(string_agg(stream_id || E'\\t' || stream_position || E'\\t' || hash, E'\\n'
              ORDER BY stream_id COLLATE "C"), ''), 'UTF8')), 'hex') AS heads_hash
       FROM heads`,
    [point.transactionId, point.globalPosition],
  );
  return { streams: rows[0].streams, events: Number(rows[0].events), headsHash: rows[0].heads_hash };
}

export async function latestAnchor(pool: Pool | PoolClient): Promise<Anchor | null> {
  const { rows } = await pool.query<AnchorRow>(`SELECT ${ANCHOR_COLUMNS} FROM integrity_anchors ORDER BY anchor_id DESC LIMIT 1`);
  return rows.length === 0 ? null : toAnchor(rows[0]);
}

/**
 * Anchors the log as of now: every event of a transaction older than the oldest one still running (the gap-safe
 * horizon, so no later commit can land before the anchor). With `onlyIfChanged`, a log that has not moved since
 * the latest anchor is not anchored again and that anchor is returned (`created: false`).
 */
export async function takeAnchor(
  pool: Pool,
  /** `copiedLog`: the events table is a log copy (LogCopier), committed in order by one writer: no horizon to wait for. */
  options: { onlyIfChanged?: boolean; copiedLog?: boolean } = {},
): Promise<{ anchor: Anchor; created: boolean }> {
  const client = await pool.connect();
  try {
    // A session lock taken before the transaction, so its snapshot sees the anchor the previous holder committed.
    await client.query('SELECT pg_advisory_lock($1)', [ANCHOR_LOCK]);
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      try {
        const result = await anchorInTransaction(client, options.onlyIfChanged ?? false, options.copiedLog ?? false);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [ANCHOR_LOCK]);
    }
  } finally {
    client.release();
  }
}

async function anchorInTransaction(
  client: PoolClient,
  onlyIfChanged: boolean,
  copiedLog: boolean,
): Promise<{ anchor: Anchor; created: boolean }> {
  const last = await client.query<{ transaction_id: string; global_position: string }>(
    // Qualified: a bare `transaction_id` in ORDER BY would sort the text output column, not the xid8.
    `SELECT e.transaction_id::text AS transaction_id, e.global_position FROM events e
      ${copiedLog ? '' : 'WHERE e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())'}
      ORDER BY e.transaction_id DESC, e.global_position DESC LIMIT 1`,
  );
  const point: LogPoint =
    last.rows.length === 0
      ? { transactionId: '0', globalPosition: 0 }
      : { transactionId: last.rows[0].transaction_id, globalPosition: Number(last.rows[0].global_position) };
  const previous = await latestAnchor(client);
  if (onlyIfChanged && previous && previous.transactionId === point.transactionId && previous.globalPosition === point.globalPosition) {
    return { anchor: previous, created: false };
  }
  const summary = await headsAt(client, point);
  const inserted = await client.query<AnchorRow>(
    `INSERT INTO integrity_anchors (transaction_id, global_position, streams, events, heads_hash)
     VALUES ($1::xid8, $2, $3, $4, $5) RETURNING ${ANCHOR_COLUMNS}`,
    [point.transactionId, point.globalPosition, summary.streams, summary.events, summary.headsHash],
  );
  const anchor = toAnchor(inserted.rows[0]);
  const since = previous ?? { transactionId: '0', globalPosition: 0 };
  // Only the heads that moved since the previous anchor: the rest are recorded there (or earlier).
  await client.query(
    `INSERT INTO integrity_anchor_heads (anchor_id, stream_id, stream_position, hash)
     SELECT DISTINCT ON (stream_id) $1::bigint, stream_id, stream_position, hash FROM events
      WHERE (transaction_id, global_position) > ($2::xid8, $3::bigint)
        AND (transaction_id, global_position) <= ($4::xid8, $5::bigint)
      ORDER BY stream_id, stream_position DESC`,
    [anchor.anchorId, since.transactionId, since.globalPosition, point.transactionId, point.globalPosition],
  );
  return { anchor, created: true };
}
