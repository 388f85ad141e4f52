import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, waitUntilLogVisible, type TestDatabase } from '#test-support/database.js';
import type { NewEvent } from '../event-store.port.js';
import { verifyAnchors, verifyIntegrity } from './anchor-verification.js';
import { latestAnchor, takeAnchor } from './anchors.js';
import { chainHash, GENESIS_HASH } from './hash-chain.js';
import { PostgresEventStore } from './postgres-event-store.js';

const event = (n: number): NewEvent => ({ eventId: randomUUID(), type: 'Something', data: { n }, metadata: { actor: 'test' } });

/** Runs `change` with the log's append-only trigger off: what someone with the database owner's rights could do. */
async function tamper(db: TestDatabase, change: string, params: unknown[]): Promise<void> {
  await db.pool.query('ALTER TABLE events DISABLE TRIGGER events_no_update_delete');
  try {
    await db.pool.query(change, params);
  } finally {
    await db.pool.query('ALTER TABLE events ENABLE TRIGGER events_no_update_delete');
  }
}

/** Each test gets its own database: anchors cover the whole log, so tampering in one test would leak into the next. */
describe('integrity anchors', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const streams: string[] = [];

  const fresh = async () => {
    await db?.close();
    db = await createTestDatabase(5);
    store = new PostgresEventStore(db.pool);
    streams.length = 0;
    for (let i = 0; i < 5; i++) {
      const stream = `s-${randomUUID()}`;
      streams.push(stream);
      await store.append(stream, [event(1), event(2), event(3)].slice(0, 1 + (i % 3)), 0);
    }
    await waitUntilLogVisible(db.pool);
  };

  beforeAll(fresh);
  afterAll(async () => db.close());

  it('anchors the heads of every stream; an intact log verifies; an unchanged log is not anchored again', async () => {
    const { anchor, created } = await takeAnchor(db.pool);
    expect(created).toBe(true);
    expect(anchor).toMatchObject({
      anchorId: 1,
      streams: 5,
      events: 1 + 2 + 3 + 1 + 2,
      headsHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await takeAnchor(db.pool, { onlyIfChanged: true })).toEqual({ anchor, created: false });

    await store.append(streams[0], [event(2)], 1);
    await waitUntilLogVisible(db.pool);
    const second = await takeAnchor(db.pool, { onlyIfChanged: true });
    expect(second).toMatchObject({ created: true, anchor: { anchorId: 2, streams: 5, events: 10 } });
    // Only the head that moved is recorded with the second anchor.
    const heads = await db.pool.query('SELECT stream_id, stream_position FROM integrity_anchor_heads WHERE anchor_id = 2');
    expect(heads.rows).toEqual([{ stream_id: streams[0], stream_position: 2 }]);

    const report = await verifyIntegrity(db.pool);
    expect(report).toMatchObject({
      ok: true,
      chains: { ok: true, eventsChecked: 10 },
      anchors: { ok: true, anchorsChecked: 2, anchorsRecomputed: 2 },
    });
  });

  it('refuses to change or delete an anchor', async () => {
    await expect(db.pool.query('UPDATE integrity_anchors SET streams = 0')).rejects.toThrow(/append-only/);
    await expect(db.pool.query('DELETE FROM integrity_anchor_heads')).rejects.toThrow(/append-only/);
    await expect(db.pool.query('TRUNCATE integrity_anchors CASCADE')).rejects.toThrow(/append-only/);
  });

  it('detects a stream whose last event was deleted after an anchor, and names it', async () => {
    await fresh();
    await takeAnchor(db.pool);
    const victim = streams[2]; // three events
    expect((await verifyIntegrity(db.pool)).ok).toBe(true);
    await tamper(db, 'DELETE FROM events WHERE stream_id = $1 AND stream_position = 3', [victim]);

    const report = await verifyIntegrity(db.pool);
    expect(report.chains.ok).toBe(true); // the chain itself is still a valid chain: only the anchor can tell
    expect(report.ok).toBe(false);
    expect(report.anchors.firstMismatch).toMatchObject({
      anchorId: 1,
      reason: 'head_missing',
      streamId: victim,
      anchoredPosition: 3,
      currentPosition: 2,
    });
  });

  it('detects a stream rewritten with a valid chain, and an event slipped in before an anchor', async () => {
    await fresh();
    await takeAnchor(db.pool);
    const [rewritten] = await store.readStream(streams[0]);
    const data = { n: 99 };
    const hash = chainHash(GENESIS_HASH, {
      streamId: rewritten.streamId,
      streamPosition: 1,
      eventId: rewritten.eventId,
      type: rewritten.type,
      schemaVersion: rewritten.schemaVersion,
      data,
      metadata: rewritten.metadata,
      recordedAt: rewritten.recordedAt,
    });
    await tamper(db, 'UPDATE events SET data = $2, hash = $3 WHERE event_id = $1', [rewritten.eventId, data, hash]);
    let report = await verifyIntegrity(db.pool);
    expect(report.chains.ok).toBe(true);
    expect(report.anchors.firstMismatch).toMatchObject({ anchorId: 1, reason: 'head_changed', streamId: streams[0] });

    await fresh();
    const anchor = (await takeAnchor(db.pool)).anchor;
    // A later append, back-dated into the anchored part of the log (an old transaction id and position).
    const [head] = (await store.readStream(streams[1])).slice(-1);
    const forged = {
      streamId: streams[1],
      streamPosition: 3,
      eventId: randomUUID(),
      type: 'Something',
      schemaVersion: 1,
      data: { n: 3 },
      metadata: { actor: 'test' },
      recordedAt: new Date().toISOString(),
    };
    await db.pool.query(
      `INSERT INTO events (transaction_id, stream_id, stream_position, event_id, event_type, schema_version, data, metadata, recorded_at, prev_hash, hash)
       VALUES ($1::xid8, $2, 3, $3, 'Something', 1, $4, $5, $6, $7, $8)`,
      ['1', streams[1], forged.eventId, forged.data, forged.metadata, forged.recordedAt, head.hash, chainHash(head.hash, forged)],
    );
    report = await verifyIntegrity(db.pool);
    expect(report.chains.ok).toBe(true);
    expect(report.anchors.firstMismatch).toMatchObject({
      anchorId: anchor.anchorId,
      reason: 'heads_differ',
      streamId: streams[1],
      anchoredPosition: 2,
      currentPosition: 3,
      anchored: { streams: 5, events: 9 },
      current: { streams: 5, events: 10 },
    });
  });

  it('without anchors, the chains alone decide; an empty log can be anchored', async () => {
    await fresh();
    expect(await latestAnchor(db.pool)).toBeNull();
    expect(await verifyAnchors(db.pool)).toEqual({
      ok: true,
      anchorsChecked: 0,
      anchorsRecomputed: 0,
      latestAnchor: null,
      firstMismatch: null,
    });
    const empty = await createTestDatabase(2);
    try {
      expect((await takeAnchor(empty.pool)).anchor).toMatchObject({ transactionId: '0', globalPosition: 0, streams: 0, events: 0 });
      expect((await verifyIntegrity(empty.pool)).ok).toBe(true);
    } finally {
      await empty.close();
    }
  });
});
