import { createTestDatabase } from '#test-support/database.js';
import { eventStoreContract } from '../contract/event-store.contract.js';
import { PostgresEventStore } from './postgres-event-store.js';

// The shared contract on real (embedded) PostgreSQL; sealing through the decorator runs in the platform's spec
// (libs/platform/src/privacy/sealing-event-store.contract.spec.ts), which may import SealingEventStore.
eventStoreContract('PostgreSQL', async () => {
  const db = await createTestDatabase(20);
  return { store: new PostgresEventStore(db.pool), streamPrefix: 'contract-', readModels: db.pool, close: () => db.close() };
});
