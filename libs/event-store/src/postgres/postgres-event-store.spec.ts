import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, countEvents, waitUntilLogVisible, type TestDatabase } from '#test-support/database.js';
import { IdempotencyConflict, LOG_START, WrongExpectedVersion, type NewEvent } from '../event-store.port.js';
import { PostgresEventStore } from './postgres-event-store.js';
import { verifyHashChains } from './verify.js';

/**
 * The gap-safe read stops at the oldest transaction running anywhere in the cluster, and other test files run
 * in parallel on the same server: wait (bounded) until what we expect has become visible.
 */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const event = (type = 'Something', data: Record<string, unknown> = { n: 1 }): NewEvent => ({
  eventId: randomUUID(),
  type,
  data,
  metadata: { actor: 'test' },
});

describe('PostgresEventStore', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase(60);
    store = new PostgresEventStore(db.pool);
  });
  afterAll(async () => db.close());

  it('appends at the expected version and reads the stream back in order', async () => {
    const stream = `s-${randomUUID()}`;
    const first = await store.append(stream, [event('A'), event('B')], 0);
    expect(first).toMatchObject({ nextExpectedVersion: 2, replayed: false });
    await store.append(stream, [event('C')], 2);
    const read = await store.readStream(stream);
    expect(read.map((e) => [e.type, e.streamPosition])).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 3],
    ]);
  });

  it('refuses a stale expected version with a typed conflict and writes nothing', async () => {
    const stream = `s-${randomUUID()}`;
    await store.append(stream, [event()], 0);
    const before = await countEvents(db.pool);
    await expect(store.append(stream, [event()], 0)).rejects.toThrow(WrongExpectedVersion);
    await expect(store.append(stream, [event()], 5)).rejects.toMatchObject({ expected: 5, actual: 1 });
    expect(await countEvents(db.pool)).toBe(before);
  });

  it('lets exactly one of 50 concurrent appends at the same version win, leaving no gap', async () => {
    const stream = `s-${randomUUID()}`;
    await store.append(stream, [event()], 0);
    const outcomes = await Promise.allSettled(Array.from({ length: 50 }, () => store.append(stream, [event()], 1)));
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o) => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const o of lost) expect((o as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersion);
    expect((await store.readStream(stream)).map((e) => e.streamPosition)).toEqual([1, 2]);
  });

  it('retries appends with "any" until each lands, positions contiguous', async () => {
    const stream = `s-${randomUUID()}`;
    await Promise.all(Array.from({ length: 20 }, () => store.append(stream, [event()], 'any')));
    expect((await store.readStream(stream)).map((e) => e.streamPosition)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('treats a re-append of the same events as a no-op returning the original result', async () => {
    const stream = `s-${randomUUID()}`;
    const events = [event('A', { x: 1, y: [1, 2] }), event('B')];
    const original = await store.append(stream, events, 0);
    await store.append(stream, [event('C')], 2);
    const before = await countEvents(db.pool);
    const retried = await store.append(stream, events, 0);
    expect(retried).toEqual({ ...original, replayed: true });
    expect(await countEvents(db.pool)).toBe(before);
  });

  it('recognises concurrent identical retries: one write, the same result for all', async () => {
    const stream = `s-${randomUUID()}`;
    const events = [event('A')];
    const results = await Promise.all(Array.from({ length: 10 }, () => store.append(stream, events, 0)));
    expect(new Set(results.map((r) => r.lastGlobalPosition)).size).toBe(1);
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it('refuses the same event id with different content, or in another stream', async () => {
    const stream = `s-${randomUUID()}`;
    const original = event('A', { amount: 1 });
    await store.append(stream, [original], 0);
    const before = await countEvents(db.pool);
    await expect(store.append(stream, [{ ...original, data: { amount: 2 } }], 0)).rejects.toThrow(IdempotencyConflict);
    await expect(store.append(`s-${randomUUID()}`, [original], 0)).rejects.toThrow(IdempotencyConflict);
    expect(await countEvents(db.pool)).toBe(before);
    // Same id and content at a later expected version is still the same event delivered twice: a no-op.
    await expect(store.append(stream, [original], 1)).resolves.toMatchObject({ nextExpectedVersion: 1, replayed: true });
  });

  it('chains hashes computed in SQL by group commit exactly as the verifier recomputes them', async () => {
    const stream = `s-${randomUUID()}`;
    for (let v = 0; v < 5; v++) await store.append(stream, [event('Step', { v, text: 'ñandú "quoted" \\ \n' })], v);
    await Promise.all(Array.from({ length: 100 }, () => store.append(`s-${randomUUID()}`, [event()], 0)));
    const report = await verifyHashChains(db.pool);
    expect(report).toMatchObject({ ok: true, firstBrokenLink: null });
    expect(report.eventsChecked).toBe(await countEvents(db.pool));
  });

  it('creates many new streams at once, chained as single appends, and writes nothing when any already exists', async () => {
    const streams = Array.from({ length: 3 }, () => ({ streamId: `s-${randomUUID()}`, events: [event('A'), event('B', { n: 2 })] }));
    expect(await store.appendNewStreams(streams)).toBe(true);
    for (const { streamId, events } of streams) {
      const read = await store.readStream(streamId);
      expect(read.map((e) => [e.streamPosition, e.eventId, e.type])).toEqual(events.map((e, i) => [i + 1, e.eventId, e.type]));
    }
    expect(await verifyHashChains(db.pool)).toMatchObject({ ok: true, firstBrokenLink: null });
    // The streams continue through the ordinary append at their version.
    await expect(store.append(streams[0].streamId, [event('C')], 2)).resolves.toMatchObject({ nextExpectedVersion: 3 });

    const before = await countEvents(db.pool);
    const fresh = { streamId: `s-${randomUUID()}`, events: [event()] };
    expect(await store.appendNewStreams([fresh, { streamId: streams[1].streamId, events: [event()] }])).toBe(false);
    expect(await countEvents(db.pool)).toBe(before);
    expect(await store.readStream(fresh.streamId)).toEqual([]);
  });

  it('keeps a verifiable hash chain and names the first event changed behind its back', async () => {
    const stream = `s-${randomUUID()}`;
    await store.append(stream, [event('A'), event('B'), event('C')], 0);
    expect(await verifyHashChains(db.pool, 7)).toMatchObject({ ok: true, firstBrokenLink: null });
    const [, tampered] = await store.readStream(stream);
    // The log refuses updates even to the application's role; an attacker with superuser rights disables that.
    await expect(db.pool.query(`UPDATE events SET data = '{"n":2}' WHERE event_id = $1`, [tampered.eventId])).rejects.toThrow(
      /append-only/,
    );
    await db.pool.query('ALTER TABLE events DISABLE TRIGGER events_no_update_delete');
    await db.pool.query(`UPDATE events SET data = '{"n":2}' WHERE event_id = $1`, [tampered.eventId]);
    await db.pool.query('ALTER TABLE events ENABLE TRIGGER events_no_update_delete');
    const report = await verifyHashChains(db.pool, 7);
    expect(report.ok).toBe(false);
    expect(report.firstBrokenLink).toMatchObject({
      streamId: stream,
      streamPosition: 2,
      eventId: tampered.eventId,
      reason: 'hash_mismatch',
    });
  });

  it('delivers a late-committing append after it commits, never skipping or delivering it early', async () => {
    const readAllAfter = async (after = LOG_START) => store.readAll(after, 100000);
    // Earlier tests' events may still sit behind another test file's open transaction: start after all of them.
    await waitUntilLogVisible(db.pool);
    const startPosition = (await readAllAfter()).at(-1);
    const after = startPosition ? { transactionId: startPosition.transactionId, globalPosition: startPosition.globalPosition } : LOG_START;

    const slow = await db.pool.connect();
    await slow.query('BEGIN');
    await slow.query(
      `INSERT INTO events (stream_id, stream_position, event_id, event_type, data, recorded_at, prev_hash, hash)
       VALUES ('slow-stream', 1, $1, 'Slow', '{}', now(), repeat('0', 64), repeat('0', 64))`,
      [randomUUID()],
    );
    const fastStream = `fast-${randomUUID()}`;
    await store.append(fastStream, [event('Fast')], 0);

    // The fast append committed but the slow one, with an earlier position, is still open: neither is delivered
    // yet, since delivering 'Fast' would let a reader's checkpoint pass the slow event's position.
    const whileOpen = await readAllAfter(after);
    expect(whileOpen.map((e) => e.type)).not.toContain('Slow');
    expect(whileOpen.map((e) => e.type)).not.toContain('Fast');

    await slow.query('COMMIT');
    slow.release();
    const afterCommit = await eventually(
      () => readAllAfter(after),
      (events) => events.length >= 2,
    );
    expect(afterCommit.map((e) => e.type)).toEqual(['Slow', 'Fast']);
  });

  it('orders by transaction id as a number, not as text, across a change in digit count', async () => {
    const { rows } = await db.pool.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid');
    const boundary = 10 ** String(rows[0].xid).length;
    const first = `order-${randomUUID()}`;
    await store.append(first, [event('BeforeBoundary')], 0);
    // Burn transaction ids until the next append's id has one more digit.
    await db.pool.query(`DO $$ BEGIN WHILE pg_current_xact_id()::text::bigint < ${boundary} LOOP COMMIT; END LOOP; END $$`);
    await store.append(first, [event('AfterBoundary')], 1);
    const all = await eventually(
      () => store.readAll(LOG_START, 1_000_000),
      (events) => events.some((e) => e.type === 'AfterBoundary'),
    );
    const types = all.map((e) => e.type).filter((t) => t.endsWith('Boundary'));
    expect(types).toEqual(['BeforeBoundary', 'AfterBoundary']);
    const page = all.findIndex((e) => e.type === 'BeforeBoundary');
    const next = await store.readAll({ transactionId: all[page].transactionId, globalPosition: all[page].globalPosition }, 1_000_000);
    expect(next.map((e) => e.type)).toContain('AfterBoundary');
  });
});
