import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, waitUntilLogVisible, type TestDatabase } from '#test-support/database.js';
import { PostgresEventStore, ProjectionDaemon, ProjectionRunner } from '#event-store';
import { HOTLINE_CALL_EVENT_TYPES } from '#domain';
import { hotlineStatisticsProjection } from './hotline-statistics.projection.js';

const known = new Set<string>(HOTLINE_CALL_EVENT_TYPES);
const silentLogger = { log: () => undefined, error: () => undefined };

async function tableSnapshot(db: TestDatabase): Promise<{ facts: unknown[]; counts: unknown[] }> {
  const facts = await db.pool.query('SELECT * FROM hotline_call_facts ORDER BY call_id');
  const counts = await db.pool.query('SELECT * FROM hotline_call_counts ORDER BY received_month, department');
  return { facts: facts.rows, counts: counts.rows };
}

/** A year of varied calls written straight to the store (the decider has its own tests). */
async function writeCalls(store: PostgresEventStore, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const callId = randomUUID();
    const stream = `hotline-call-${callId}`;
    const receivedAt = new Date(Date.UTC(2025, i % 12, 1 + (i % 28), (i * 7) % 24)).toISOString();
    const events = [
      {
        eventId: randomUUID(),
        type: 'HotlineCallReceived',
        data: {
          callId,
          receivedAt,
          channel: 'phone',
          language: 'es',
          callerUbigeo: i % 3 ? '150101' : null,
          anonymous: false,
          topic: i % 4 ? 'information' : 'trafficking',
          summary: null,
        },
      },
    ];
    if (i % 5 === 0)
      events.push({
        eventId: randomUUID(),
        type: 'HotlineCallClassified',
        data: { callId, topic: 'trafficking', previousTopic: 'information', reason: null } as never,
      });
    if (i % 7 === 0)
      events.push({
        eventId: randomUUID(),
        type: 'HotlineCallCorrected',
        data: { callId, changes: { callerUbigeo: '080101', receivedAt: '2025-01-01T04:00:00.000Z' }, reason: 'typo' } as never,
      });
    if (i % 2 === 0)
      events.push({
        eventId: randomUUID(),
        type: 'HotlineCallClosed',
        data: { callId, closedAt: receivedAt, outcome: 'information_provided' } as never,
      });
    if (i % 11 === 0) events.push({ eventId: randomUUID(), type: 'SomethingFromTheFuture', data: { callId } as never });
    await store.append(stream, events, 0);
  }
}

describe('hotline statistics projection', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
    await writeCalls(store, 120);
    await waitUntilLogVisible(db.pool);
  });
  afterAll(async () => db.close());

  it('gives the same tables incrementally, after a mid-way stop, and after a rebuild from zero', async () => {
    // Stop after two small batches, as if the process died; a new runner resumes from the checkpoint.
    const first = new ProjectionRunner(db.pool, hotlineStatisticsProjection, { knownEventTypes: known, batchSize: 25 });
    expect(await first.processBatch()).toBe(25);
    expect(await first.processBatch()).toBe(25);
    await writeCalls(store, 30); // more traffic arrives meanwhile
    await waitUntilLogVisible(db.pool);
    const second = new ProjectionRunner(db.pool, hotlineStatisticsProjection, { knownEventTypes: known, batchSize: 40 });
    await second.catchUp();
    const incremental = await tableSnapshot(db);
    const statusAfterIncremental = await second.status();

    expect(incremental.facts).toHaveLength(150);
    const total = await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM events');
    expect(statusAfterIncremental.eventsProcessed + statusAfterIncremental.eventsSkippedUnknown).toBe(Number(total.rows[0].n));
    expect(statusAfterIncremental.eventsSkippedUnknown).toBe(11 + 3); // i % 11 === 0 in 120 and in 30 calls

    await second.rebuild();
    expect(await tableSnapshot(db)).toEqual(incremental);
    expect(await second.status()).toEqual(statusAfterIncremental);
  });

  it('keeps the pre-aggregated counts equal to counting the facts', async () => {
    const counted = await db.pool.query(
      `SELECT received_month, department, count(*)::int AS received,
              count(*) FILTER (WHERE trafficking_related)::int AS trafficking_related, count(*) FILTER (WHERE closed)::int AS closed
         FROM hotline_call_facts GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect((await tableSnapshot(db)).counts).toEqual(counted.rows);
  });

  it('counts what the events say', async () => {
    const result = await db.pool.query(
      `SELECT count(*)::int AS calls, count(*) FILTER (WHERE trafficking_related)::int AS trafficking,
              count(*) FILTER (WHERE closed)::int AS closed, count(*) FILTER (WHERE department = 'unknown')::int AS unknown
         FROM hotline_call_facts`,
    );
    // 120 + 30 calls; trafficking: topic trafficking (i % 4 == 0) or re-classified (i % 5 == 0).
    const expected = (n: number, keep: (i: number) => boolean) => Array.from({ length: n }, (_, i) => i).filter(keep).length;
    const both = (keep: (i: number) => boolean) => expected(120, keep) + expected(30, keep);
    expect(result.rows[0]).toEqual({
      calls: 150,
      trafficking: both((i) => i % 4 === 0 || i % 5 === 0),
      closed: both((i) => i % 2 === 0),
      unknown: both((i) => i % 3 === 0 && i % 7 !== 0),
    });
  });

  it('lets only one process run a projection at a time', async () => {
    const runner = new ProjectionRunner(db.pool, hotlineStatisticsProjection, { knownEventTypes: known });
    const a = new ProjectionDaemon(db.pool, [runner], silentLogger);
    const b = new ProjectionDaemon(db.pool, [runner], silentLogger);
    await a.tick();
    await b.tick();
    const locks = await db.pool.query(
      `SELECT count(*)::int AS n FROM pg_locks
        WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    expect(locks.rows[0].n).toBe(1);
    expect((a as unknown as { owned: Set<string> }).owned.size).toBe(1);
    expect((b as unknown as { owned: Set<string> }).owned.size).toBe(0);
    await a.stop();
    await b.tick(); // the standby takes over once the active runner is gone
    expect((b as unknown as { owned: Set<string> }).owned.size).toBe(1);
    await b.stop();
  });
});
