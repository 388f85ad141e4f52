import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { LOG_START, ProjectionRunner, readAllGapSafe, type LogPosition } from '#event-store';
import { KNOWN_EVENT_TYPES, type DatabaseUrls } from '#platform';
import { PROJECTIONS } from '#read-models';
import { startApp } from '../lib/app-process.js';
import type { BenchServer } from '../lib/database.js';
import { fillLog } from '../lib/fill.js';
import { measure, RssSampler, type Measurement } from '../lib/measure.js';
import type { BenchOptions } from '../run.js';

export const REPLAY_BATCH = 2000;

/** Rebuild of every projection from zero, against the limit: reading the same events in the same order. */
export async function replayAndQueryScenarios(
  server: BenchServer,
  options: BenchOptions,
  log: (m: string) => void,
): Promise<Measurement[]> {
  const url = await server.createRegistryDatabase('bench_log');
  const events = options.quick ? 100_000 : 1_000_000;
  log(`filling the log with ${events.toLocaleString('en')} events…`);
  await fillLog(url, events, (done) => log(`  ${done.toLocaleString('en')} events`));
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on('error', () => undefined); // connections closed when the server stops
  await pool.query('VACUUM ANALYZE events');
  const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM events'); // whole journeys: a few over
  const total = Number(rows[0].n);
  const results = [await rawRead(pool, total), ...(await rebuildAll(pool, total))];
  results.push(...(await queries(server.serving(url), options, Math.floor(total / 2))));
  await pool.end();
  return results;
}

async function rawRead(pool: pg.Pool, expected: number): Promise<Measurement> {
  const sampler = new RssSampler();
  const started = performance.now();
  let position: LogPosition = LOG_START;
  let read = 0;
  for (
    let batch = await readAllGapSafe(pool, position, REPLAY_BATCH);
    batch.length > 0;
    batch = await readAllGapSafe(pool, position, REPLAY_BATCH)
  ) {
    read += batch.length;
    const last = batch[batch.length - 1];
    position = { transactionId: last.transactionId, globalPosition: last.globalPosition };
  }
  if (read !== expected) throw new Error(`raw read saw ${read} events, expected ${expected}`);
  const seconds = (performance.now() - started) / 1000;
  return replayMeasurement('limit: gap-safe SELECT + JSON parse', read, seconds, sampler.stop(), `batches of ${REPLAY_BATCH}`);
}

async function rebuildAll(pool: pg.Pool, expected: number): Promise<Measurement[]> {
  const results: Measurement[] = [];
  for (const projection of PROJECTIONS) {
    const runner = new ProjectionRunner(pool, projection, { knownEventTypes: KNOWN_EVENT_TYPES, batchSize: REPLAY_BATCH });
    const sampler = new RssSampler();
    const started = performance.now();
    const processed = await runner.rebuild();
    const seconds = (performance.now() - started) / 1000;
    if (processed !== expected) throw new Error(`${projection.name} replayed ${processed} events, expected ${expected}`);
    results.push(replayMeasurement(`rebuild: ${projection.name}`, processed, seconds, sampler.stop(), `batches of ${REPLAY_BATCH}`));
  }
  return results;
}

function replayMeasurement(scenario: string, events: number, seconds: number, peakRssMb: number, notes: string): Measurement {
  return {
    scenario,
    concurrency: 1,
    operations: events,
    seconds,
    throughput: events / seconds,
    p50Ms: null,
    p95Ms: null,
    p99Ms: null,
    peakRssMb,
    notes,
  };
}

/** Every statistics endpoint over HTTP (JSON and the exports), one request at a time, on the filled log. */
async function queries(database: DatabaseUrls, options: BenchOptions, halfway: number): Promise<Measurement[]> {
  const app = await startApp(database, { LOG_LEVEL: 'warn' });
  const results: Measurement[] = [];
  try {
    const endpoints = [
      'hotline?from=2025-01&to=2025-12&by=month',
      'hotline?from=2025-01&to=2025-12&by=department',
      'referrals?from=2025-01&to=2025-12&by=destination',
      'referrals?from=2025-01&to=2025-12&by=department',
      'monthly?year=2025&month=6',
      'monthly?year=2025&month=6&department=15',
      'inei/2025',
      'inei/2025?format=csv',
      'inei/2025?format=xlsx',
      `hotline?from=2025-01&to=2025-12&by=month&asOf=${halfway}`,
      `monthly?year=2025&month=6&asOf=${halfway}`,
    ];
    for (const endpoint of endpoints) {
      const path = `/api/v1/statistics/${endpoint}`;
      const measured = await measure(
        `query: GET statistics/${endpoint.replace('from=2025-01&to=2025-12&', '')}`,
        { concurrency: 1, durationMs: options.durationMs / 2 },
        async () => {
          const response = await fetch(`${app.baseUrl}${path}`, { headers: { authorization: app.authorization } });
          if (!response.ok) throw new Error(`${path} answered ${response.status}`);
          await response.arrayBuffer();
        },
      );
      results.push({ ...measured, notes: 'sequential requests' });
    }
  } finally {
    await app.stop();
  }
  return results;
}
