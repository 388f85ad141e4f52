import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '#test-support/database.js';
import { PostgresEventStore, ProjectionDaemon, ProjectionRunner } from '#event-store';
import { HOTLINE_CALL_EVENT_TYPES } from '#domain';
import { hotlineStatisticsProjection } from './hotline-statistics.projection.js';

const known = new Set<string>(HOTLINE_CALL_EVENT_TYPES);
const silentLogger = { log: () => undefined, error: () => undefined };
/** So long that only a wake-up, never the poll, can make the projection catch up within a test. */
const NEVER_POLL_MS = 10 * 60_000;

function call() {
  const callId = randomUUID();
  return {
    stream: `hotline-call-${callId}`,
    events: [
      {
        eventId: randomUUID(),
        type: 'HotlineCallReceived',
        data: {
          callId,
          receivedAt: '2025-05-05T14:00:00.000Z',
          channel: 'phone',
          language: 'es',
          callerUbigeo: '150101',
          anonymous: true,
          topic: 'trafficking',
          summary: null,
        },
      },
    ],
  };
}

async function counted(db: TestDatabase): Promise<number> {
  return (await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM hotline_call_facts')).rows[0].n;
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<boolean> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) {
    if (await check()) return true;
  }
  return false;
}

describe('projections wake up after an append (read-your-writes)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db.close());

  // The NOTIFY comes from a trigger on events (libs/event-store/src/postgres/notify.ts), so any writer wakes every
  // projector, in this process or another. An A/B of appends with and without it showed no measurable cost
  // (docs/performance.md).
  it('wakes a projector at once on any append, by NOTIFY, without waiting for its poll', async () => {
    const writer = new PostgresEventStore(db.pool);
    const projector = new ProjectionDaemon(
      db.pool,
      [new ProjectionRunner(db.pool, hotlineStatisticsProjection, { knownEventTypes: known })],
      silentLogger,
      NEVER_POLL_MS,
    );
    projector.start();
    try {
      // Idle: its start-up batch is done and the next poll is ten minutes away.
      const state = projector as unknown as { owned: Set<string>; running: Promise<void> | null; timer: unknown };
      await eventually(async () => state.owned.size === 1 && state.running === null && state.timer !== null);
      const before = await counted(db);
      for (let i = 0; i < 5; i++) {
        const { stream, events } = call();
        await writer.append(stream, events, 0);
      }
      expect(await eventually(async () => (await counted(db)) === before + 5)).toBe(true);
    } finally {
      await projector.stop();
    }
  });
});
