import { describe, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { createTestDatabase } from '#test-support/database.js';
import { eventStoreContract } from '../contract/event-store.contract.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';

const url = process.env.KURRENTDB_URL;

if (url) {
  // A prefix of its own per run, so `$all` filtered to it holds only this run's events even on a long-lived server.
  const prefix = `contract-${randomUUID().slice(0, 8)}-`;
  eventStoreContract(`KurrentDB (${new URL(url).host})`, async () => {
    const client = KurrentDBClient.connectionString(url);
    // The read models (tables and checkpoints) stay in PostgreSQL: the run's embedded server.
    const readModels = await createTestDatabase(20);
    return {
      store: new KurrentDbEventStore(client, [prefix]),
      streamPrefix: prefix,
      readModels: readModels.pool,
      close: async () => {
        await client.dispose();
        await readModels.close();
      },
    };
  });
} else {
  describe('EventStore contract: KurrentDB', () => {
    it('is skipped without KURRENTDB_URL (KURRENTDB_URL=kurrentdb://localhost:2113?tls=false)', () => {
      console.log('skipped: no KurrentDB configured');
    });
  });
}
