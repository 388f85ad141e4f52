import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PostgresEventStore, ProjectionRunner } from '#event-store';
import { createDataSource, KNOWN_EVENT_TYPES } from '#platform';
import { hotlineStatisticsProjection, queryHotlineStatistics } from '#read-models';
import type { BenchServer } from '../lib/database.js';
import { hotlineCallData, METADATA } from '../lib/events.js';
import { fillLog } from '../lib/fill.js';
import { measure, type Measurement } from '../lib/measure.js';
import type { BenchOptions } from '../run.js';

const LEVELS = [0, 1_000_000, 5_000_000, 10_000_000];

/** How cost grows with the log: append rate and statistics latency at 0, 1M, 5M and 10M events; disk per million. */
export async function scaleScenarios(server: BenchServer, options: BenchOptions, log: (m: string) => void): Promise<Measurement[]> {
  const url = await server.createRegistryDatabase('bench_scale');
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  pool.on('error', () => undefined); // connections closed when the server stops
  const store = new PostgresEventStore(pool);
  const dataSource = await createDataSource(url, 2).initialize();
  const runner = new ProjectionRunner(pool, hotlineStatisticsProjection, { knownEventTypes: KNOWN_EVENT_TYPES, batchSize: 2000 });
  const departments = Array.from({ length: 25 }, (_, i) => String(i + 1).padStart(2, '0'));
  const results: Measurement[] = [];
  for (const level of LEVELS) {
    if (level > 0) {
      log(`scale: growing the log to ${level.toLocaleString('en')} events…`);
      await fillLog(url, level, (done) => done % 1_000_000 === 0 && log(`  ${done.toLocaleString('en')}`));
      await pool.query('VACUUM ANALYZE events');
      await runner.catchUp();
    }
    const label = level === 0 ? 'empty' : `${level / 1_000_000}M`;
    const appended = await measure(`scale: append at ${label}`, { concurrency: 16, durationMs: options.durationMs }, async (_, i) => {
      const data = hotlineCallData(i);
      await store.append(
        `hotline-call-${data.callId}`,
        [{ eventId: randomUUID(), type: 'HotlineCallReceived', data, metadata: METADATA }],
        0,
      );
    });
    const size = await pool.query<{ bytes: string; events: string }>(
      "SELECT pg_total_relation_size('events') AS bytes, (SELECT count(*) FROM events) AS events",
    );
    const mbPerMillion = Number(size.rows[0].bytes) / 1024 / 1024 / (Number(size.rows[0].events) / 1_000_000);
    results.push({
      ...appended,
      notes: `log ${Number(size.rows[0].events).toLocaleString('en')} events; ${mbPerMillion.toFixed(0)} MB per million events (table + indexes)`,
    });
    await runner.catchUp();
    results.push(
      await measure(`scale: statistics by month at ${label}`, { concurrency: 1, durationMs: options.durationMs / 2 }, async () => {
        await queryHotlineStatistics(dataSource, { from: '2025-01', to: '2025-12', by: 'month', departments });
      }),
    );
  }
  await dataSource.destroy();
  await pool.end();
  return results;
}
