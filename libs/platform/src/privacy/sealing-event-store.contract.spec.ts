import { randomBytes, randomUUID } from 'node:crypto';
import { hotlineCallStreamName } from '#domain';
import { PostgresEventStore, type EventStore } from '#event-store';
import { createTestDatabase } from '#test-support/database.js';
import { eventStoreContract } from '../../../event-store/src/contract/event-store.contract.js';
import { linkageKeyOf } from './document-linkage.js';
import { LocalKeyWrapper } from './key-wrapper.js';
import { SealingEventStore } from './sealing-event-store.js';
import { SubjectKeyStore } from './subject-key-store.js';

// The event-store contract on PostgreSQL with sealing through the decorator the API uses (the event-store library
// may not import the platform, so this case is supplied here): a hotline call's summary is stored sealed.
let wrap: (log: EventStore) => EventStore = () => {
  throw new Error('the database is not open yet');
};

eventStoreContract(
  'PostgreSQL with SealingEventStore',
  async () => {
    const db = await createTestDatabase(20);
    const master = randomBytes(32);
    const keys = new SubjectKeyStore(db.pool, new LocalKeyWrapper(master), linkageKeyOf(master));
    wrap = (log) => new SealingEventStore(log, keys);
    return { store: new PostgresEventStore(db.pool), streamPrefix: 'contract-', readModels: db.pool, close: () => db.close() };
  },
  {
    sealing: {
      wrap: (log) => wrap(log),
      streamId: () => hotlineCallStreamName(randomUUID()),
      event: () => {
        const summary = 'Rosa Huamán Quispe llamó desde Wanchaq, +51 984 111 222';
        return {
          event: { eventId: randomUUID(), type: 'HotlineCallReceived', data: { callId: randomUUID(), summary } },
          personalValues: ['Rosa Huamán', '984 111 222'],
        };
      },
    },
  },
);
