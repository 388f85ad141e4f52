import type { Pool } from 'pg';
import { chainHash, fieldsOfRow, GENESIS_HASH } from './hash-chain.js';

export interface BrokenLink {
  streamId: string;
  streamPosition: number;
  eventId: string;
  globalPosition: number;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'position_gap';
}

export interface VerifyReport {
  ok: boolean;
  streamsChecked: number;
  eventsChecked: number;
  firstBrokenLink: BrokenLink | null;
}

interface ChainRow {
  global_position: string;
  stream_id: string;
  stream_position: number;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: unknown;
  metadata: unknown;
  recorded_at: Date;
  prev_hash: string;
  hash: string;
}

/**
 * Walks every stream's hash chain in (stream, position) order, in keyset pages so memory stays flat on a
 * large log, and stops at the first broken link: a changed event, a changed link, or a missing position.
 */
export async function verifyHashChains(pool: Pool, pageSize = 5000): Promise<VerifyReport> {
  let cursor: { streamId: string; position: number } = { streamId: '', position: 0 };
  let expectedPrev = GENESIS_HASH;
  let expectedPosition = 1;
  let currentStream: string | null = null;
  let streams = 0;
  let checked = 0;
  for (;;) {
    const page = await pool.query<ChainRow>(
      `SELECT global_position, stream_id, stream_position, event_id, event_type, schema_version, data, metadata,
              recorded_at, prev_hash, hash
         FROM events WHERE (stream_id, stream_position) > ($1, $2)
        ORDER BY stream_id, stream_position LIMIT $3`,
      [cursor.streamId, cursor.position, pageSize],
    );
    for (const row of page.rows) {
      if (row.stream_id !== currentStream) {
        currentStream = row.stream_id;
        expectedPrev = GENESIS_HASH;
        expectedPosition = 1;
        streams++;
      }
      const broken = (reason: BrokenLink['reason']): VerifyReport => ({
        ok: false,
        streamsChecked: streams,
        eventsChecked: checked,
        firstBrokenLink: {
          streamId: row.stream_id,
          streamPosition: row.stream_position,
          eventId: row.event_id,
          globalPosition: Number(row.global_position),
          reason,
        },
      });
      if (row.stream_position !== expectedPosition) return broken('position_gap');
      if (row.prev_hash !== expectedPrev) return broken('prev_hash_mismatch');
      const recomputed = chainHash(row.prev_hash, fieldsOfRow(row));
      if (recomputed !== row.hash) return broken('hash_mismatch');
      checked++;
      expectedPrev = row.hash;
      expectedPosition++;
    }
    if (page.rows.length < pageSize) break;
    const last = page.rows[page.rows.length - 1];
    cursor = { streamId: last.stream_id, position: last.stream_position };
  }
  return { ok: true, streamsChecked: streams, eventsChecked: checked, firstBrokenLink: null };
}
