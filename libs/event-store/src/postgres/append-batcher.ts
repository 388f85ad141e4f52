import type { Pool } from 'pg';
import type { NewEvent } from '../event-store.port.js';
import { canonicalEvent, fieldsToAppend } from './hash-chain.js';

export interface SingleAppend {
  streamId: string;
  event: NewEvent;
  expectedVersion: number;
}

/** Where a single-event append landed, or null when it did not (version moved, or the event id exists). */
export type SingleAppendOutcome = { globalPosition: number } | null;

interface Pending extends SingleAppend {
  resolve(outcome: SingleAppendOutcome): void;
  reject(error: unknown): void;
}

/**
 * Group commit for the common case: one event, one stream, a known expected version. Appends that arrive while
 * earlier ones are being written are sent together as one INSERT … SELECT in one transaction, so they share a
 * commit (one WAL flush) instead of paying one each. Nothing waits for a timer: a lone append goes out at once,
 * batches form only under load. Each append resolves after its transaction commits.
 *
 * Each row checks its own stream head inside the statement (version must equal the expected one) and chains its
 * hash to that head; ON CONFLICT DO NOTHING drops a row whose position or event id is taken, and the caller
 * looks at why (a version conflict, or a retry of the same event).
 *
 * Two statements in flight measured best on a 2-core machine under 64 concurrent HTTP commands (1: 2,111/s,
 * 2: 2,552/s, 4: 2,133/s, 8: 1,835/s, 16: 1,517/s): fewer, larger commits leave more CPU to everything else.
 */
export class AppendBatcher {
  private queue: Pending[] = [];
  private inFlight = 0;

  constructor(
    private readonly pool: Pool,
    private readonly maxInFlight = 2,
    private readonly maxBatch = 256,
  ) {}

  submit(append: SingleAppend): Promise<SingleAppendOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...append, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight++;
      void this.write(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async write(batch: Pending[]): Promise<void> {
    const recordedAt = new Date().toISOString();
    const columns = {
      streams: [] as string[],
      ids: [] as string[],
      types: [] as string[],
      versions: [] as number[],
      data: [] as string[],
      metadata: [] as string[],
      canonical: [] as string[],
      expected: [] as number[],
    };
    for (const { streamId, event, expectedVersion } of batch) {
      const fields = fieldsToAppend(streamId, expectedVersion + 1, event, recordedAt);
      columns.streams.push(streamId);
      columns.ids.push(fields.eventId);
      columns.types.push(fields.type);
      columns.versions.push(fields.schemaVersion);
      columns.data.push(JSON.stringify(fields.data));
      columns.metadata.push(JSON.stringify(fields.metadata));
      columns.canonical.push(canonicalEvent(fields));
      columns.expected.push(expectedVersion);
    }
    try {
      // Named statements are parsed and planned once per connection. A lone append (always the case at low
      // load) uses scalar parameters: encoding and parsing arrays of JSON costs more than the insert itself.
      const result = await this.pool.query<{ event_id: string; global_position: string }>(
        batch.length === 1
          ? {
              name: 'registro-append-one',
              text: SINGLE_INSERT,
              values: [
                columns.streams[0],
                columns.ids[0],
                columns.types[0],
                columns.versions[0],
                columns.data[0],
                columns.metadata[0],
                recordedAt,
                columns.canonical[0],
                columns.expected[0],
              ],
            }
          : {
              name: 'registro-append-batch',
              text: BATCH_INSERT,
              values: [
                columns.streams,
                columns.ids,
                columns.types,
                columns.versions,
                columns.data,
                columns.metadata,
                recordedAt,
                columns.canonical,
                columns.expected,
              ],
            },
      );
      const landed = new Map(result.rows.map((row) => [row.event_id, Number(row.global_position)]));
      batch.forEach((pending, i) => {
        const position = landed.get(columns.ids[i]);
        pending.resolve(position === undefined ? null : { globalPosition: position });
      });
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    }
  }
}

// The hash is computed in SQL from the head's hash and the canonical form prepared in JavaScript (which already
// contains the position, expected + 1): sha256(prev_hash ‖ '\n' ‖ canonical), the same bytes as chainHash().
const BATCH_INSERT = `
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::int[], $5::jsonb[], $6::jsonb[], $8::text[], $9::int[])
    WITH ORDINALITY AS t(stream_id, event_id, event_type, schema_version, data, metadata, canonical, expected, ord)
), placed AS (
  SELECT input.*, coalesce(head.hash, repeat('0', 64)) AS prev_hash
    FROM input
    LEFT JOIN LATERAL (
      SELECT e.stream_position, e.hash FROM events e WHERE e.stream_id = input.stream_id
       ORDER BY e.stream_position DESC LIMIT 1
    ) head ON true
   WHERE coalesce(head.stream_position, 0) = input.expected
)
INSERT INTO events (stream_id, stream_position, event_id, event_type, schema_version, data, metadata, recorded_at,
                    prev_hash, hash)
SELECT stream_id, expected + 1, event_id, event_type, schema_version, data, metadata, $7::timestamptz, prev_hash,
       encode(sha256(convert_to(prev_hash || E'\\n' || canonical, 'UTF8')), 'hex')
  FROM placed ORDER BY ord
ON CONFLICT DO NOTHING
RETURNING event_id, global_position`;

const SINGLE_INSERT = `
WITH head AS (
  SELECT stream_position, hash FROM events WHERE stream_id = $1 ORDER BY stream_position DESC LIMIT 1
), placed AS (
  SELECT coalesce((SELECT hash FROM head), repeat('0', 64)) AS prev_hash
   WHERE coalesce((SELECT stream_position FROM head), 0) = $9
)
INSERT INTO events (stream_id, stream_position, event_id, event_type, schema_version, data, metadata, recorded_at,
                    prev_hash, hash)
SELECT $1, $9 + 1, $2, $3, $4, $5::jsonb, $6::jsonb, $7::timestamptz, prev_hash,
       encode(sha256(convert_to(prev_hash || E'\\n' || $8, 'UTF8')), 'hex')
  FROM placed
ON CONFLICT DO NOTHING
RETURNING event_id, global_position`;
