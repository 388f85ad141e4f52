import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { takeAnchor } from '../../libs/event-store/src/index.js';
import { IntegrityAnchorTask } from '../../apps/api/src/integrity/integrity-anchor.task.js';
import { waitUntilLogVisible } from '../support/database.js';
import { createTestApp, type TestApp } from '../support/app.js';

/** GET /integrity walks the hash chains and checks the anchors; POST /integrity/anchors takes one. */
describe('integrity of the log over HTTP', () => {
  let t: TestApp;
  const callIds: string[] = [];

  const call = (topic: string) => ({
    receivedAt: '2025-03-03T09:00:00-05:00', channel: 'phone', language: 'es', callerUbigeo: '150101', anonymous: true, topic,
  });
  const integrity = async () => (await t.api('auditor').get('/api/v1/integrity').expect(200)).body;
  /** What someone with the database owner's rights could do, with the log's append-only trigger switched off. */
  const tamper = async (sql: string, params: unknown[]) => {
    await t.db.pool.query('ALTER TABLE events DISABLE TRIGGER events_no_update_delete');
    try {
      await t.db.pool.query(sql, params);
    } finally {
      await t.db.pool.query('ALTER TABLE events ENABLE TRIGGER events_no_update_delete');
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    for (const topic of ['trafficking', 'information', 'trafficking']) {
      callIds.push((await t.api('operator').post('/api/v1/hotline-calls').send(call(topic)).expect(201)).body.callId);
    }
    await t.api('operator').post(`/api/v1/hotline-calls/${callIds[1]}/closure`)
      .send({ closedAt: '2025-03-03T10:00:00-05:00', outcome: 'information_provided' }).expect(200);
    await waitUntilLogVisible(t.db.pool);
  });
  afterAll(async () => t.close());

  it('finds an intact log intact, and anchors it on request', async () => {
    expect(await integrity()).toMatchObject({
      ok: true, chains: { ok: true, streamsChecked: 3, eventsChecked: 4, firstBrokenLink: null },
      anchors: { ok: true, anchorsChecked: 0, latestAnchor: null, firstMismatch: null },
    });
    const anchor = (await t.api('admin').post('/api/v1/integrity/anchors').expect(201)).body;
    expect(anchor).toMatchObject({ anchorId: 1, streams: 3, events: 4, headsHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await integrity()).toMatchObject({ ok: true, anchors: { ok: true, anchorsChecked: 1, anchorsRecomputed: 1, latestAnchor: anchor } });
  });

  it.each([
    ['a byte of its data', `UPDATE events SET data = jsonb_set(data, '{language}', '"qu"') WHERE stream_id = $1`, `UPDATE events SET data = jsonb_set(data, '{language}', '"es"') WHERE stream_id = $1`],
    ['a byte of its hash', "UPDATE events SET hash = overlay(hash placing (CASE WHEN substr(hash, 9, 1) = '0' THEN '1' ELSE '0' END) from 9 for 1) WHERE stream_id = $1",
      null],
  ])('names the event whose %s changed', async (_what, change, undo) => {
    const stream = `hotline-call-${callIds[0]}`;
    const before = (await t.db.pool.query('SELECT hash FROM events WHERE stream_id = $1', [stream])).rows[0].hash;
    await tamper(change, [stream]);
    const report = await integrity();
    expect(report.ok).toBe(false);
    expect(report.chains.firstBrokenLink).toMatchObject({ streamId: stream, streamPosition: 1, reason: 'hash_mismatch' });
    await tamper(undo ?? 'UPDATE events SET hash = $2 WHERE stream_id = $1', undo ? [stream] : [stream, before]);
    expect((await integrity()).ok).toBe(true);
  });

  it('anchors on its timer only when the log has moved', async () => {
    const task = t.app.get(IntegrityAnchorTask);
    const count = async () => (await t.db.pool.query('SELECT count(*)::int AS n FROM integrity_anchors')).rows[0].n;
    const before = await count();
    await task.tick();
    expect(await count()).toBe(before); // nothing appended since the anchor taken on request
    await t.api('operator').post('/api/v1/hotline-calls').send(call('other')).expect(201);
    await waitUntilLogVisible(t.db.pool);
    await task.tick();
    expect(await count()).toBe(before + 1);
    expect((await integrity()).ok).toBe(true);
  });

  it('detects the last event of a stream deleted after an anchor', async () => {
    const stream = `hotline-call-${callIds[1]}`;
    await takeAnchor(t.db.pool, { onlyIfChanged: true }); // as the API's timer or `verify` would
    await tamper('DELETE FROM events WHERE stream_id = $1 AND stream_position = 2', [stream]);
    const report = await integrity();
    expect(report).toMatchObject({
      ok: false, chains: { ok: true },
      anchors: { ok: false, firstMismatch: { reason: 'head_missing', streamId: stream, anchoredPosition: 2, currentPosition: 1 } },
    });
  });
});
