import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PostgresEventStore } from '#event-store';
import type { BenchServer } from '../lib/database.js';
import { hotlineCallData, METADATA } from '../lib/events.js';
import { measure, type Contender, type Measurement } from '../lib/measure.js';
import type { BenchOptions } from '../run.js';

/** Our append with everything on: expected version, idempotent event id, hash chain, append-only trigger. */
export async function ourAppendContender(server: BenchServer): Promise<Contender & { store: PostgresEventStore }> {
  const url = await server.createRegistryDatabase('bench_ours');
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  pool.on('error', () => undefined); // connections closed when the server stops
  const store = new PostgresEventStore(pool);
  return {
    name: 'ours: append, new streams',
    store,
    async operation(_, i) {
      const data = hotlineCallData(i);
      await store.append(
        `hotline-call-${data.callId}`,
        [{ eventId: randomUUID(), type: 'HotlineCallReceived', data, metadata: METADATA }],
        0,
      );
    },
    close: () => pool.end(),
  };
}

export async function ourHotStream(store: PostgresEventStore, options: BenchOptions): Promise<Measurement> {
  const hot = `hotline-call-${randomUUID()}`;
  const result = await measure('ours: append, one hot stream', { concurrency: 16, durationMs: options.durationMs }, async (_, i) => {
    await store.append(
      hot,
      [{ eventId: randomUUID(), type: 'HotlineCallClassified', data: hotlineCallData(i), metadata: METADATA }],
      'any',
    );
  });
  return { ...result, notes: "expected version 'any': writers queue on the stream" };
}
