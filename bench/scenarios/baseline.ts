import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { BenchServer } from '../lib/database.js';
import { fakeHash, hotlineCallData, METADATA } from '../lib/events.js';
import { RssSampler, type Contender, type Measurement } from '../lib/measure.js';

/** The same row shape as `events`, without the store's constraints, checks or chain: the physical limit. */
const RAW_TABLE = `
CREATE TABLE raw_events (
  global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  stream_id text NOT NULL, stream_position integer NOT NULL, event_id uuid NOT NULL, event_type text NOT NULL,
  schema_version integer NOT NULL DEFAULT 1, data jsonb NOT NULL, metadata jsonb NOT NULL,
  recorded_at timestamptz NOT NULL, prev_hash char(64) NOT NULL, hash char(64) NOT NULL)`;

const INSERT = `INSERT INTO raw_events (stream_id, stream_position, event_id, event_type, data, metadata, recorded_at,
  prev_hash, hash) VALUES ($1, 1, $2, 'HotlineCallReceived', $3, $4, now(), $5, $6)`;

/** One row per transaction (autocommit), prepared: the cheapest way PostgreSQL can take and keep a row. */
export async function rawInsertContender(server: BenchServer): Promise<Contender & { url: string }> {
  const url = await server.createEmptyDatabase('bench_raw');
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  pool.on('error', () => undefined); // connections closed when the server stops
  await pool.query(RAW_TABLE);
  return {
    name: 'baseline: INSERT+COMMIT',
    url,
    async operation(_, i) {
      const data = hotlineCallData(i);
      await pool.query({
        name: 'raw-insert',
        text: INSERT,
        values: [`hotline-call-${data.callId}`, randomUUID(), data, METADATA, fakeHash(`p${i}`), fakeHash(`h${i}`)],
      });
    },
    close: () => pool.end(),
  };
}

/** Bulk COPY of the same rows in one transaction. */
export async function copyScenario(url: string, rows: number): Promise<Measurement> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const lines = Array.from({ length: rows }, (_, i) => {
    const data = hotlineCallData(i);
    return (
      [
        `hotline-call-${data.callId}`,
        1,
        randomUUID(),
        'HotlineCallReceived',
        JSON.stringify(data),
        JSON.stringify(METADATA),
        new Date().toISOString(),
        fakeHash(`p${i}`),
        fakeHash(`h${i}`),
      ].join('\t') + '\n'
    );
  });
  const sampler = new RssSampler();
  const started = performance.now();
  await pipeline(
    Readable.from(lines),
    client.query(
      copyFrom(
        'COPY raw_events (stream_id, stream_position, event_id, event_type, data, metadata, recorded_at, prev_hash, hash) FROM STDIN',
      ),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  await client.end();
  return {
    scenario: 'baseline: COPY (bulk)',
    concurrency: 1,
    operations: rows,
    seconds,
    throughput: rows / seconds,
    p50Ms: null,
    p95Ms: null,
    p99Ms: null,
    peakRssMb: sampler.stop(),
    notes: 'rows/s, one transaction',
  };
}
