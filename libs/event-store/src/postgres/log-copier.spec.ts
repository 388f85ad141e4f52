import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, waitUntilLogVisible, type TestDatabase } from '#test-support/database.js';
import { LOG_START } from '../event-store.port.js';
import { CopiedLog, LogCopier } from './log-copier.js';
import { PostgresEventStore } from './postgres-event-store.js';
import { takeAnchor } from './anchors.js';
import { verifyHashChains } from './verify.js';

/**
 * The log copier against a real source through the port (another database's PostgreSQL log: the same `readAll`
 * contract KurrentDB's adapter passes): the copy is the source, row by row, and its chains verify.
 */
describe('the log copier', () => {
  let source: TestDatabase;
  let copy: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    [source, copy] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    store = new PostgresEventStore(source.pool);
  });
  afterAll(async () => Promise.all([source?.close(), copy?.close()]));

  const appendMany = async (streams: string[], rounds: number) => {
    for (let round = 0; round < rounds; round++)
      for (const stream of streams)
        await store.append(
          stream,
          [{ eventId: randomUUID(), type: 'Copied', data: { round, text: 'ñandú "x"' }, metadata: { actor: 't' } }],
          'any',
        );
    await waitUntilLogVisible(source.pool);
  };
  const rows = (db: TestDatabase) =>
    db.pool
      .query(
        `SELECT global_position, transaction_id::text, stream_id, stream_position, event_id, event_type, schema_version, data, metadata,
                recorded_at, prev_hash, hash FROM events ORDER BY global_position`,
      )
      .then((r) => r.rows);

  it('copies every event once, in order, with its positions and hashes; resumes after a restart; two copiers at once copy each once', async () => {
    const streams = [`case-${randomUUID()}`, `referral-${randomUUID()}`, `hotline-call-${randomUUID()}`];
    await appendMany(streams, 5);
    expect(await new LogCopier(copy.pool, store, 4).catchUp()).toBe(15);
    expect(await rows(copy)).toEqual(await rows(source));

    await appendMany(streams, 4);
    // A restart (a new copier knows only the checkpoint) and a second process at the same time.
    const copied = await Promise.all([new LogCopier(copy.pool, store, 3).catchUp(), new LogCopier(copy.pool, store, 3).catchUp()]);
    expect(copied[0] + copied[1]).toBe(12);
    expect(await rows(copy)).toEqual(await rows(source));
    expect(await verifyHashChains(copy.pool)).toMatchObject({ ok: true, eventsChecked: 27, firstBrokenLink: null });
    // Read back from the copy, in pages, it is the source's ordered read.
    const pages = [];
    for (
      let after = LOG_START, page = await new CopiedLog(copy.pool).readAll(after, 5);
      page.length > 0;
      page = await new CopiedLog(copy.pool).readAll(after, 5)
    ) {
      pages.push(...page);
      after = { transactionId: page.at(-1)!.transactionId, globalPosition: page.at(-1)!.globalPosition };
    }
    expect(pages).toEqual(await store.readAll(LOG_START, 1000));
    // An integrity anchor of the copy covers every stream head the source has.
    const [ofCopy, ofSource] = [await takeAnchor(copy.pool, { copiedLog: true }), await takeAnchor(source.pool)];
    expect(ofCopy.anchor).toMatchObject({ streams: 3, events: 27, headsHash: ofSource.anchor.headsHash });
  });
});
