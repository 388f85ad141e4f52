import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, waitUntilLogVisible, type TestDatabase } from '#test-support/database.js';
import type { NewEvent } from '../event-store.port.js';
import { PostgresEventStore } from '../postgres/postgres-event-store.js';
import type { BatchContext, Projection, TypedRecordedEvent } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';

type Counted = { type: 'Counted'; data: { n: number } };

/** A projection that only remembers what the runner handed it, with the log positions it was given. */
function recorder(): Projection<Counted> & { seen: Array<{ n: number; position: number }> } {
  const seen: Array<{ n: number; position: number }> = [];
  return {
    name: `recorder-${randomUUID()}`,
    tables: [],
    handles: ['Counted'],
    seen,
    async applyBatch(_db, events: readonly TypedRecordedEvent<Counted>[], batch: BatchContext) {
      events.forEach((event, i) => seen.push({ n: event.data.n, position: batch.logPositions[i] }));
    },
  };
}

const event = (type: string, n: number): NewEvent => ({ eventId: randomUUID(), type, data: { n }, metadata: { actor: 'test' } });

describe('ProjectionRunner', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(4);
  });
  afterAll(async () => db.close());

  it('hands a projection only the types it handles, at their positions in the whole log, and moves past the rest', async () => {
    // Log: 1 Counted, 2 Other (known, not handled), 3 Unknown (no version knows it), 4 Counted, 5 Other, 6 Counted.
    await new PostgresEventStore(db.pool).append(
      `s-${randomUUID()}`,
      [event('Counted', 1), event('Other', 2), event('Unknown', 3), event('Counted', 4), event('Other', 5), event('Counted', 6)],
      0,
    );
    await waitUntilLogVisible(db.pool);
    const projection = recorder();
    // Batches of 4 split the log across two transactions: positions must not restart in the second one.
    const runner = new ProjectionRunner(db.pool, projection, { knownEventTypes: new Set(['Counted', 'Other']), batchSize: 4 });
    expect(await runner.catchUp()).toBe(6);
    expect(projection.seen).toEqual([
      { n: 1, position: 1 },
      { n: 4, position: 4 },
      { n: 6, position: 6 },
    ]);
    expect(await runner.status()).toMatchObject({ eventsProcessed: 5, eventsSkippedUnknown: 1 });
  });
});
