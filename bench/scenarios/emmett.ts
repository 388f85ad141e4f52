import { isExpectedVersionConflictError } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { BenchServer } from '../lib/database.js';
import { hotlineCallData } from '../lib/events.js';
import { measure, type Measurement } from '../lib/measure.js';
import type { BenchOptions } from '../run.js';

/** The peer: Emmett's PostgreSQL event store, same events, same pool size, same server. */
export async function emmettScenarios(server: BenchServer, options: BenchOptions): Promise<Measurement[]> {
  const url = await server.createEmptyDatabase('bench_emmett');
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  pool.on('error', () => undefined); // connections closed when the server stops
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pooled: true, pool }, schema: { autoMigration: 'CreateOrUpdate' } });
  await store.schema.migrate();
  const results: Measurement[] = [];
  for (const concurrency of [1, 16]) {
    results.push(await measure('emmett: appendToStream, new streams', { concurrency, durationMs: options.durationMs }, async (_, i) => {
      const data = hotlineCallData(i);
      await store.appendToStream(`hotline-call-${data.callId}`, [{ type: 'HotlineCallReceived', data }], { expectedStreamVersion: 0n });
    }));
  }
  const hot = `hotline-call-${randomUUID()}`;
  await store.appendToStream(hot, [{ type: 'HotlineCallReceived', data: hotlineCallData(0) }]);
  results.push(await measure('emmett: appendToStream, one hot stream', { concurrency: 16, durationMs: options.durationMs }, async (_, i) => {
    // Without an expected version Emmett still refuses a lost race for the next position; retry it, as our
    // store does internally for 'any'.
    for (let attempt = 1; ; attempt++) {
      try {
        await store.appendToStream(hot, [{ type: 'HotlineCallClassified', data: hotlineCallData(i) }]);
        return;
      } catch (error) {
        if (!isExpectedVersionConflictError(error) || attempt >= 100) throw error;
      }
    }
  }));
  results.at(-1)!.notes = 'no expected version; lost races retried';
  await store.close();
  await pool.end().catch(() => undefined);
  return results;
}
