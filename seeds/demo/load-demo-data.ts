import type { LoggerService } from '@nestjs/common';
import type pg from 'pg';
import { performance } from 'node:perf_hooks';
import type { UbigeoCatalog } from '#domain';
import { STATISTICS_PROJECTION } from '#read-models';
import { DEMO_SEED, DEMO_YEAR, type DemoJourney, type DemoRequest } from './demo-request.js';
import { generateDemoYear } from './demo-year.js';

const CONCURRENCY = 8;

/** The subject of the token the registry signs for its own demo load (main.ts), always an administrator. */
export const DEMO_LOADER_SUBJECT = 'demo-loader';
/** How the demo's events are recognised in the log: `metadata.actor` is `role:subject`. */
const DEMO_ACTOR = `admin:${DEMO_LOADER_SUBJECT}`;

export interface DemoTarget {
  /** The API's own base URL, e.g. http://127.0.0.1:3000/api/v1: the demo goes through the same HTTP path as any client. */
  baseUrl: string;
  pool: pg.Pool;
  ubigeo: UbigeoCatalog;
  /** The Authorization header the demo sends (`Bearer <token>`, an admin token the API minted for itself). */
  authorization: string;
  /** Aborted on shutdown: no new request is sent (one under way finishes). */
  signal?: AbortSignal;
}

/**
 * Loads the demo year into a registry that holds no real data, by sending the API the requests a user would
 * (validation, decider, append), never by inserting rows. Ids and idempotency keys are deterministic, so an
 * interrupted load simply runs again: what is already there is recognised as a retry. A finished load leaves
 * its seed in `demo_loads`, so later starts skip it at once.
 */
export async function loadDemoDataIfEmpty(target: DemoTarget, logger: LoggerService, seed = DEMO_SEED): Promise<void> {
  const correlationId = `demo-${seed}`;
  // The demo's own events carry its actor and a `demo-` correlation id; any other event is someone else's data.
  const { rows } = await target.pool.query<{ real: boolean; loaded: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM events WHERE metadata->>'actor' IS DISTINCT FROM $2
                                          OR metadata->>'correlationId' IS NULL
                                          OR metadata->>'correlationId' NOT LIKE 'demo-%') AS real,
            EXISTS (SELECT 1 FROM demo_loads WHERE seed = $1) AS loaded`,
    [seed, DEMO_ACTOR],
  );
  if (rows[0].real) {
    logger.log(
      'el registro ya contiene datos que no son de la demostración: no se cargan / the registry already holds data of another origin: demo data not loaded',
    );
    return;
  }
  if (rows[0].loaded) return;
  const journeys = generateDemoYear(target.ubigeo, new Date().toISOString(), seed);
  const total = journeys.reduce((n, j) => n + j.requests.length, 0);
  logger.log(
    `loading the demo year ${DEMO_YEAR} through the API: ${journeys.length} journeys, ${total} requests (skip with --no-demo or SEED_DEMO=false)`,
  );
  const started = performance.now();
  await sendAll(target, journeys, correlationId, (done) => {
    if (done % 1000 === 0) logger.log(`demo: ${done}/${journeys.length} journeys`);
  });
  const { rows: counted } = await target.pool.query<{ events: string }>(
    `SELECT count(*) AS events FROM events WHERE metadata->>'correlationId' = $1`,
    [correlationId],
  );
  await target.pool.query('INSERT INTO demo_loads (seed, journeys, completed_at) VALUES ($1, $2, now()) ON CONFLICT (seed) DO NOTHING', [
    seed,
    journeys.length,
  ]);
  const seconds = (performance.now() - started) / 1000;
  logger.log(`demo loaded: ${journeys.length} journeys, ${total} requests, ${counted[0].events} events in ${seconds.toFixed(1)} s`);
  await releaseDemoStatistics(target, logger);
}

/**
 * Analysts read the statistics only at release points (a month close or one an administrator declares), and the
 * demo year is recorded today, so no month has closed yet: once the statistics have read the whole demo, the demo
 * declares one, through the API as an administrator would, so the analyst's screens have figures at once.
 */
async function releaseDemoStatistics(target: DemoTarget, logger: LoggerService, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await target.pool.query<{ read: string | null; head: string }>(
      `SELECT (SELECT events_processed + events_skipped_unknown FROM projection_checkpoints WHERE projection_name = $1) AS read,
              (SELECT count(*) FROM events) AS head`,
      [STATISTICS_PROJECTION],
    );
    if (rows[0].read !== null && Number(rows[0].read) >= Number(rows[0].head)) break;
    if (Date.now() > deadline || target.signal?.aborted) {
      logger.log(
        'demo: the statistics did not catch up in time; an admin can declare a release point (POST /api/v1/statistics/release-points)',
      );
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const response = await fetch(`${target.baseUrl}/statistics/release-points`, {
    method: 'POST',
    headers: { authorization: target.authorization, 'x-request-id': 'demo-release-point' },
  });
  if (!response.ok) throw new Error(`demo data: POST /statistics/release-points answered ${response.status}: ${await response.text()}`);
  const point = (await response.json()) as { position: number };
  logger.log(`demo: statistics released for analysts at log position ${point.position}`);
}

/** Journeys run CONCURRENCY at a time; the requests of one journey run in order. The first failure stops all. */
async function sendAll(target: DemoTarget, journeys: DemoJourney[], correlationId: string, progress: (done: number) => void) {
  const failed = new AbortController();
  const signal = target.signal ? AbortSignal.any([target.signal, failed.signal]) : failed.signal;
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let i = next++; i < journeys.length; i = next++) {
      for (const request of journeys[i].requests) {
        signal.throwIfAborted();
        await send(target, request, correlationId);
      }
      progress(++done);
    }
  };
  await Promise.all(
    Array.from({ length: CONCURRENCY }, () =>
      worker().catch((error: unknown) => {
        failed.abort(error);
        throw error;
      }),
    ),
  );
}

// No signal for fetch: each would leave a listener on the shared one; a request takes milliseconds anyway.
async function send(target: DemoTarget, request: DemoRequest, correlationId: string): Promise<void> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-request-id': correlationId,
    authorization: target.authorization,
  };
  if (request.idempotencyKey) headers['idempotency-key'] = request.idempotencyKey;
  const response = await fetch(`${target.baseUrl}${request.path}`, { method: request.method, headers, body: JSON.stringify(request.body) });
  const answer = await response.text();
  if (!response.ok) {
    throw new Error(`demo data: ${request.method} ${request.path} answered ${response.status}: ${answer}`);
  }
}
