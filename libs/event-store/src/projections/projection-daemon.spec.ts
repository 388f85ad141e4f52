import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, waitUntilLogVisible, type TestDatabase } from '#test-support/database.js';
import type { NewEvent } from '../event-store.port.js';
import { PostgresEventStore } from '../postgres/postgres-event-store.js';
import type { Projection, TypedRecordedEvent } from './projection.js';
import { ProjectionDaemon } from './projection-daemon.js';
import { ProjectionEventFailed, ProjectionRunner } from './projection-runner.js';

type Counted = { type: 'Counted'; data: { n: number } };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const event = (n: number): NewEvent => ({ eventId: randomUUID(), type: 'Counted', data: { n }, metadata: { actor: 'test' } });

describe('ProjectionDaemon failures', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(6);
  });
  afterAll(async () => db.close());

  it('retries a failing event with doubling backoff, stops that projection FAILED, and keeps the others going', async () => {
    const store = new PostgresEventStore(db.pool);
    await store.append(
      `s-${randomUUID()}`,
      [1, 2, 3].map((n) => ({ eventId: randomUUID(), type: 'Counted', data: { n } })),
      0,
    );
    await waitUntilLogVisible(db.pool);
    const attemptsAt: number[] = [];
    const poisoned: Projection<Counted> = {
      name: `poisoned-${randomUUID()}`,
      tables: [],
      handles: ['Counted'],
      async applyBatch(_db, events: readonly TypedRecordedEvent<Counted>[]) {
        if (events.some((e) => e.data.n === 2)) {
          if (events.length === 1) attemptsAt.push(Date.now());
          throw new Error('bug');
        }
      },
    };
    const healthySeen: number[] = [];
    const healthy: Projection<Counted> = {
      name: `healthy-${randomUUID()}`,
      tables: [],
      handles: ['Counted'],
      async applyBatch(_db, events: readonly TypedRecordedEvent<Counted>[]) {
        healthySeen.push(...events.map((e) => e.data.n));
      },
    };
    const options = { knownEventTypes: new Set(['Counted']), maxAttempts: 4 };
    const bad = new ProjectionRunner(db.pool, poisoned, options);
    const good = new ProjectionRunner(db.pool, healthy, options);
    const failures: ProjectionEventFailed[] = [];
    const errors: string[] = [];
    const daemon = new ProjectionDaemon(db.pool, [bad, good], { log: () => undefined, error: (m) => errors.push(m) }, 10, {
      initialMs: 40,
      maxMs: 120,
      onFailure: (failure) => failures.push(failure),
    });
    daemon.start();
    try {
      const deadline = Date.now() + 10_000;
      while ((await bad.status()).state !== 'failed' && Date.now() < deadline) await sleep(20);
      const stoppedAt = attemptsAt.length;
      await sleep(400); // several polls: a FAILED projection is not tried again
      expect(attemptsAt.length).toBe(stoppedAt);
    } finally {
      await daemon.stop();
    }
    expect(await bad.status()).toMatchObject({ state: 'failed', failure: { attempts: 4, eventType: 'Counted' } });
    expect(attemptsAt).toHaveLength(4);
    // Backoff between attempts: 40, 80, then capped at 120 ms (not the 10 ms poll).
    const gaps = attemptsAt.slice(1).map((t, i) => t - attemptsAt[i]);
    expect(gaps[0]).toBeGreaterThanOrEqual(35);
    expect(gaps[1]).toBeGreaterThanOrEqual(75);
    expect(gaps[2]).toBeGreaterThanOrEqual(115);
    expect(gaps[2]).toBeLessThan(1000);
    expect(failures.map((f) => f.failure.attempts)).toEqual([1, 2, 3, 4]);
    expect(errors.some((m) => m.includes(`projection ${poisoned.name} stopped (FAILED)`))).toBe(true);
    // The other projection went on to the end of the log.
    expect(healthySeen).toEqual([1, 2, 3]);
    expect((await good.status()).state).toBe('running');
  });
});

describe('ProjectionDaemon.stop', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(4);
  });
  afterAll(async () => db.close());

  it('ends a long catch-up at the next batch boundary, the checkpoint on that batch, without logging a failure', async () => {
    await new PostgresEventStore(db.pool).append(
      `s-${randomUUID()}`,
      Array.from({ length: 40 }, (_, i) => event(i)),
      0,
    );
    await waitUntilLogVisible(db.pool);
    let stop: Promise<void> | null = null;
    let batches = 0;
    const daemon: ProjectionDaemon = new ProjectionDaemon(
      db.pool,
      [
        new ProjectionRunner(
          db.pool,
          {
            name: `slow-${randomUUID()}`,
            tables: [],
            handles: ['Counted'],
            async applyBatch() {
              // The stop arrives while the second batch is being applied: that batch finishes, no third starts.
              if (++batches === 2) stop = daemon.stop();
              await new Promise((resolve) => setTimeout(resolve, 50));
            },
          } satisfies Projection,
          { knownEventTypes: new Set(['Counted']), batchSize: 5 },
        ),
      ],
      { log: () => undefined, error: (message) => errors.push(message) },
    );
    const errors: string[] = [];
    daemon.start();
    for (let waited = 0; !stop && waited < 10_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    await stop;
    const { rows } = await db.pool.query<{ events_processed: string }>(
      "SELECT events_processed FROM projection_checkpoints WHERE projection_name LIKE 'slow-%'",
    );
    expect(batches).toBe(2);
    expect(Number(rows[0].events_processed)).toBe(10); // two whole batches, committed
    expect(errors).toEqual([]);
  });
});
