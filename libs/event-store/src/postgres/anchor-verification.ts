import type { Pool } from 'pg';
import { ANCHOR_COLUMNS, headsAt, latestAnchor, toAnchor, type Anchor } from './anchors.js';
import { verifyHashChains, type VerifyReport } from './verify.js';

export interface AnchorMismatch {
  anchorId: number;
  takenAt: string;
  globalPosition: number;
  /**
   * head_missing: a stream now ends before the head the anchor recorded (events deleted);
   * head_changed: the anchored head event is there but its hash differs (the stream was rewritten);
   * heads_differ: the heads recomputed at the anchor's position no longer hash to the anchor's heads_hash.
   */
  reason: 'head_missing' | 'head_changed' | 'heads_differ';
  /** The stream at fault, when it can be named. */
  streamId: string | null;
  anchoredPosition: number | null;
  /** Where that stream ends now (null: the stream is gone, or not at the anchor's position). */
  currentPosition: number | null;
  anchored: { streams: number; events: number };
  /** What the log holds at the anchor's position today (only when recomputed). */
  current: { streams: number; events: number } | null;
}

export interface AnchorReport {
  ok: boolean;
  anchorsChecked: number;
  anchorsRecomputed: number;
  latestAnchor: Anchor | null;
  firstMismatch: AnchorMismatch | null;
}

export interface IntegrityReport {
  ok: boolean;
  chains: VerifyReport;
  anchors: AnchorReport;
}

export interface AnchorCheckOptions {
  /** How many of the latest anchors get their heads fully recomputed (one pass over the log each). */
  recompute?: number;
}

/** Walks every hash chain, then checks the anchors: the log is intact only if both hold. */
export async function verifyIntegrity(pool: Pool, options: AnchorCheckOptions = {}): Promise<IntegrityReport> {
  const chains = await verifyHashChains(pool);
  const anchors = await verifyAnchors(pool, options);
  return { ok: chains.ok && anchors.ok, chains, anchors };
}

/**
 * 1. Every anchored head (all anchors; one indexed lookup per moved head) must still be in the log with its
 *    hash: a deleted last event names its stream. 2. For the latest `recompute` anchors, the heads at the
 *    anchor's position are recomputed and must hash to heads_hash: this also catches an event slipped in before
 *    an anchor or a head record that was itself tampered with.
 */
export async function verifyAnchors(pool: Pool, options: AnchorCheckOptions = {}): Promise<AnchorReport> {
  const recompute = options.recompute ?? 3;
  const latest = await latestAnchor(pool);
  const count = Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM integrity_anchors')).rows[0].n);
  const report = (firstMismatch: AnchorMismatch | null, anchorsRecomputed: number): AnchorReport => ({
    ok: firstMismatch === null,
    anchorsChecked: count,
    anchorsRecomputed,
    latestAnchor: latest,
    firstMismatch,
  });
  const lost = await firstLostHead(pool);
  if (lost) return report(lost, 0);

  const { rows } = await pool.query(
    `SELECT * FROM (SELECT ${ANCHOR_COLUMNS} FROM integrity_anchors ORDER BY anchor_id DESC LIMIT $1) a ORDER BY anchor_id`,
    [recompute],
  );
  let recomputed = 0;
  for (const anchor of rows.map(toAnchor)) {
    const current = await headsAt(pool, anchor);
    recomputed++;
    if (current.headsHash !== anchor.headsHash) {
      const stream = await firstDifferingStream(pool, anchor);
      return report(
        {
          anchorId: anchor.anchorId,
          takenAt: anchor.takenAt,
          globalPosition: anchor.globalPosition,
          reason: 'heads_differ',
          streamId: stream?.streamId ?? null,
          anchoredPosition: stream?.anchoredPosition ?? null,
          currentPosition: stream?.currentPosition ?? null,
          anchored: { streams: anchor.streams, events: anchor.events },
          current: { streams: current.streams, events: current.events },
        },
        recomputed,
      );
    }
  }
  return report(null, recomputed);
}

/** The first anchored head (oldest anchor first) that is no longer in the log as recorded. */
async function firstLostHead(pool: Pool): Promise<AnchorMismatch | null> {
  const { rows } = await pool.query<{
    anchor_id: string;
    taken_at: Date;
    global_position: string;
    streams: number;
    events: string;
    stream_id: string;
    stream_position: number;
    missing: boolean;
    current_position: number | null;
  }>(
    `SELECT h.anchor_id, a.taken_at, a.global_position, a.streams, a.events, h.stream_id, h.stream_position,
            e.hash IS NULL AS missing,
            (SELECT max(x.stream_position) FROM events x WHERE x.stream_id = h.stream_id) AS current_position
       FROM integrity_anchor_heads h
       JOIN integrity_anchors a ON a.anchor_id = h.anchor_id
       LEFT JOIN events e ON e.stream_id = h.stream_id AND e.stream_position = h.stream_position
      WHERE e.hash IS DISTINCT FROM h.hash
      ORDER BY h.anchor_id, h.stream_id LIMIT 1`,
  );
  if (rows.length === 0) return null;
  const row = rows[0];
  return {
    anchorId: Number(row.anchor_id),
    takenAt: row.taken_at.toISOString(),
    globalPosition: Number(row.global_position),
    reason: row.missing ? 'head_missing' : 'head_changed',
    streamId: row.stream_id,
    anchoredPosition: row.stream_position,
    currentPosition: row.current_position,
    anchored: { streams: row.streams, events: Number(row.events) },
    current: null,
  };
}

/** Heads as recorded (latest moved head per stream up to the anchor) against heads recomputed from the log. */
async function firstDifferingStream(pool: Pool, anchor: Anchor) {
  const { rows } = await pool.query<{ stream_id: string; anchored: number | null; current: number | null }>(
    `WITH anchored AS (
       SELECT DISTINCT ON (stream_id) stream_id, stream_position, hash FROM integrity_anchor_heads
        WHERE anchor_id <= $1 ORDER BY stream_id, anchor_id DESC),
     current AS (
       SELECT DISTINCT ON (stream_id) stream_id, stream_position, hash FROM events
        WHERE (transaction_id, global_position) <= ($2::xid8, $3::bigint) ORDER BY stream_id, stream_position DESC)
     SELECT stream_id, a.stream_position AS anchored, c.stream_position AS current
       FROM anchored a FULL JOIN current c USING (stream_id)
      WHERE a.hash IS DISTINCT FROM c.hash
      ORDER BY stream_id COLLATE "C" LIMIT 1`,
    [anchor.anchorId, anchor.transactionId, anchor.globalPosition],
  );
  return rows.length === 0 ? null : { streamId: rows[0].stream_id, anchoredPosition: rows[0].anchored, currentPosition: rows[0].current };
}
