import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, waitUntilLogVisible, type TestDatabase } from '#test-support/database.js';
import type { NewEvent } from '../event-store.port.js';
import { PostgresEventStore } from '../postgres/postgres-event-store.js';
import type { Projection } from './projection.js';
import { ProjectionDaemon } from './projection-daemon.js';
import { ProjectionRunner } from './projection-runner.js';

const event = (n: number): NewEvent => ({ eventId: randomUUID(), type: 'Counted', data: { n }, metadata: { actor: 'test' } });

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
