import type { Pool } from 'pg';
import type { NewEvent } from '../event-store.port.js';
import { chainHash, fieldsToAppend, GENESIS_HASH } from './hash-chain.js';

const UNIQUE_VIOLATION = '23505';

/**
 * Creates many new streams in one transaction and one INSERT, each from position 1 with its hash chain from the
 * genesis hash, exactly as `append(streamId, events, 0)` writes a new stream (same fields under the chain hash;
 * `verify` checks every chain). For bulk loads (the import of historic records), where one append per stream would
 * cost a round trip and a commit each. All or nothing: false, with nothing written, when any of the streams or event
 * ids already exists (the unique constraints refuse the whole INSERT); the caller then appends stream by stream,
 * which recognises a stream appended before with the same events.
 */
export async function appendNewStreams(
  pool: Pool,
  streams: ReadonlyArray<{ streamId: string; events: readonly NewEvent[] }>,
): Promise<boolean> {
  if (streams.length === 0) return true;
  const recordedAt = new Date().toISOString();
  const rows: unknown[] = [];
  for (const { streamId, events } of streams) {
    let prevHash = GENESIS_HASH;
    events.forEach((event, i) => {
      const fields = fieldsToAppend(streamId, i + 1, event, recordedAt);
      const hash = chainHash(prevHash, fields);
      rows.push({ ...fields, prevHash, hash });
      prevHash = hash;
    });
  }
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // One JSON document for the whole batch: cheaper to build and to send than ten arrays of escaped elements.
    await client.query(
      `INSERT INTO events (stream_id, stream_position, event_id, event_type, schema_version, data, metadata, recorded_at, prev_hash, hash)
       SELECT "streamId", "streamPosition", "eventId", type, "schemaVersion", data, metadata, "recordedAt", "prevHash", hash
         FROM jsonb_to_recordset($1::jsonb) AS r("streamId" text, "streamPosition" int, "eventId" uuid, type text,
           "schemaVersion" int, data jsonb, metadata jsonb, "recordedAt" timestamptz, "prevHash" text, hash text)`,
      [JSON.stringify(rows)],
    );
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) return false;
    throw error;
  } finally {
    client.release();
  }
}
