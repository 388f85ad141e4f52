import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, waitUntilLogVisible, type TestDatabase } from '#test-support/database.js';
import type { NewEvent } from '../event-store.port.js';
import { PostgresEventStore } from '../postgres/postgres-event-store.js';
import type { BatchContext, Projection, TypedRecordedEvent } from './projection.js';
import { ProjectionEventFailed, ProjectionRunner } from './projection-runner.js';

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

/** Applies `Counted` events and throws on the one whose `n` is `poison`, as a projection with a bug would. */
function poisoned(poison: number): Projection<Counted> & { seen: number[]; attempts: number } {
  const state = {
    name: `poisoned-${randomUUID()}`,
    tables: [] as string[],
    handles: ['Counted' as const],
    seen: [] as number[],
    attempts: 0,
    async applyBatch(_db: unknown, events: readonly TypedRecordedEvent<Counted>[]) {
      const batch: number[] = [];
      for (const e of events) {
        if (e.data.n === poison) {
          state.attempts++;
          throw new Error(`cannot apply "victim name ${e.data.n}" 12345678`);
        }
        batch.push(e.data.n);
      }
      state.seen.push(...batch);
    },
  };
  return state;
}

describe('ProjectionRunner failures', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(4);
  });
  afterAll(async () => db.close());

  it('records the exact event at fault, stops FAILED after maxAttempts, and passes over a skipped event (rebuild too)', async () => {
    const store = new PostgresEventStore(db.pool);
    await store.append(
      `s-${randomUUID()}`,
      [1, 2, 3, 4, 5].map((n) => event('Counted', n)),
      0,
    );
    await waitUntilLogVisible(db.pool);
    const { rows } = await db.pool.query<{ global_position: string; event_id: string }>(
      "SELECT global_position, event_id FROM events WHERE data->>'n' = '3' ORDER BY global_position DESC LIMIT 1",
    );
    const poisonPosition = Number(rows[0].global_position);
    const projection = poisoned(3);
    const runner = new ProjectionRunner(db.pool, projection, { knownEventTypes: new Set(['Counted']), batchSize: 100, maxAttempts: 3 });

    const first = await runner.catchUp().catch((error: unknown) => error);
    expect(first).toBeInstanceOf(ProjectionEventFailed);
    expect((first as ProjectionEventFailed).failure).toMatchObject({
      globalPosition: poisonPosition,
      eventId: rows[0].event_id,
      attempts: 1,
    });
    // The batch was retried one event at a time: those before the poison are applied, the checkpoint stands before it.
    expect(projection.seen).toEqual([1, 2]);
    let status = await runner.status();
    expect(status.state).toBe('retrying');
    // No personal data in what is stored: quoted values and digit runs are gone.
    expect(status.failure?.message).toBe('Error: cannot apply "…" #');

    await expect(runner.catchUp()).rejects.toMatchObject({ state: 'retrying', failure: { attempts: 2 } });
    await expect(runner.catchUp()).rejects.toMatchObject({ state: 'failed', failure: { attempts: 3 } });
    status = await runner.status();
    expect(status).toMatchObject({ state: 'failed', failure: { globalPosition: poisonPosition, eventType: 'Counted', attempts: 3 } });
    // Stopped: no further attempt, no error, nothing applied.
    const attempts = projection.attempts;
    expect(await runner.catchUp()).toBe(0);
    expect(projection.attempts).toBe(attempts);

    // The operator's skip (what `projections skip` writes), then the failure cleared: the runner resumes past it.
    await db.pool.query(
      `INSERT INTO projection_skips (projection_name, global_position, event_id, event_type, reason, skipped_by)
       VALUES ($1, $2, $3, 'Counted', 'test', 'tester')`,
      [projection.name, poisonPosition, rows[0].event_id],
    );
    await runner.clearFailure();
    await runner.catchUp();
    expect(projection.seen).toEqual([1, 2, 4, 5]);
    expect(await runner.status()).toMatchObject({ state: 'running', failure: null, eventsProcessed: 5 });

    // A rebuild honours the skip as well.
    projection.seen.length = 0;
    await runner.rebuild();
    expect(projection.seen).toEqual([1, 2, 4, 5]);
    expect((await runner.status()).state).toBe('running');
  });

  it('clears a failure by itself once the event applies (a transient error)', async () => {
    await new PostgresEventStore(db.pool).append(`s-${randomUUID()}`, [event('Counted', 7)], 0);
    await waitUntilLogVisible(db.pool);
    let fail = true;
    const projection: Projection<Counted> = {
      name: `flaky-${randomUUID()}`,
      tables: [],
      handles: ['Counted'],
      async applyBatch() {
        if (fail) throw new Error('connection reset');
      },
    };
    const runner = new ProjectionRunner(db.pool, projection, { knownEventTypes: new Set(['Counted']) });
    const error = await runner.catchUp().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProjectionEventFailed);
    expect((await runner.status()).state).toBe('retrying');
    fail = false;
    await runner.catchUp();
    expect(await runner.status()).toMatchObject({ state: 'running', failure: null });
  });
});
