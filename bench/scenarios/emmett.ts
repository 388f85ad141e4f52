import { isExpectedVersionConflictError } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore, type PostgresEventStore } from '@event-driven-io/emmett-postgresql';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { BenchServer } from '../lib/database.js';
import { hotlineCallData } from '../lib/events.js';
import { measure, type Contender, type Measurement } from '../lib/measure.js';
import type { BenchOptions } from '../run.js';

/** The peer: Emmett's PostgreSQL event store, same events, same pool size, same server. */
export async function emmettContender(server: BenchServer): Promise<Contender & { store: PostgresEventStore }> {
  const url = await server.createEmptyDatabase('bench_emmett');
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  pool.on('error', () => undefined); // connections closed when the server stops
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pooled: true, pool }, schema: { autoMigration: 'CreateOrUpdate' } });
  await store.schema.migrate();
  return {
    name: 'emmett: appendToStream, new streams',
    store,
    async operation(_, i) {
      const data = hotlineCallData(i);
      await store.appendToStream(`hotline-call-${data.callId}`, [{ type: 'HotlineCallReceived', data }], { expectedStreamVersion: 0n });
    },
    async close() {
      await store.close();
      await pool.end().catch(() => undefined);
    },
  };
}

export async function emmettHotStream(store: PostgresEventStore, options: BenchOptions): Promise<Measurement> {
  const hot = `hotline-call-${randomUUID()}`;
  await store.appendToStream(hot, [{ type: 'HotlineCallReceived', data: hotlineCallData(0) }]);
  const result = await measure(
    'emmett: appendToStream, one hot stream',
    { concurrency: 16, durationMs: options.durationMs },
    async (_, i) => {
      // Without an expected version Emmett still refuses a lost race for the next position; retry it, as our
      // store does internally for 'any'.
      for (let attempt = 1; ; attempt++) {
        try {
          await store.appendToStream(hot, [{ type: 'HotlineCallClassified', data: hotlineCallData(i) }]);
          return;
        } catch (error) {
          if (!isExpectedVersionConflictError(error) || attempt >= 1000) throw error;
        }
      }
    },
  );
  return { ...result, notes: 'no expected version; lost races retried' };
}
