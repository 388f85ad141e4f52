import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { takeAnchor } from '../../libs/event-store/src/index.js';
import { IntegrityAnchorTask } from '../../apps/api/src/integrity/integrity-anchor.task.js';
import { waitUntilLogVisible } from '../support/database.js';
import { createTestApp, type TestApp } from '../support/app.js';

/**
 * POST /integrity/verifications starts the walk of the hash chains and the anchors as a job, GET reads its report;
 * POST /integrity/anchors takes an anchor.
 */
describe('integrity of the log over HTTP', () => {
  let t: TestApp;
  const callIds: string[] = [];

  const call = (topic: string) => ({
    receivedAt: '2025-03-03T09:00:00-05:00', channel: 'phone', language: 'es', callerUbigeo: '150101', anonymous: true, topic,
  });
  /** Starts a verification and reads it until it is done: its report. */
  const integrity = async () => {
    const started = (await t.api('auditor').post('/api/v1/integrity/verifications').expect(202)).body;
    for (let i = 0; i < 200; i++) {
      const job = (await t.api('auditor').get(`/api/v1/integrity/verifications/${started.verificationId}`).expect(200)).body;
      if (job.status !== 'running') {
        expect(job.status).toBe('done');
        return job.report;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the verification did not finish');
  };
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

  it('runs the walk as a job: 202 at once, one at a time, its status and report read with GET', async () => {
    const first = await t.api('auditor').post('/api/v1/integrity/verifications').expect(202);
    expect(first.body).toEqual({ verificationId: expect.any(String), status: 'running', startedAt: expect.any(String), finishedAt: null, report: null });
    expect(first.headers.location).toBe(`/api/v1/integrity/verifications/${first.body.verificationId}`);
    // While it runs, a second start answers the running one (the walk may already be over: then it is a new one).
    const second = (await t.api('admin').post('/api/v1/integrity/verifications').expect(202)).body;
    const { rows } = await t.db.pool.query(`SELECT count(*)::int AS n FROM integrity_verifications WHERE status = 'running'`);
    expect(rows[0].n).toBeLessThanOrEqual(1);
    let job = first.body;
    while (job.status === 'running') job = (await t.api('auditor').get(`/api/v1/integrity/verifications/${first.body.verificationId}`).expect(200)).body;
    expect(job).toMatchObject({ status: 'done', finishedAt: expect.any(String), report: { ok: true } });
    const list = (await t.api('auditor').get('/api/v1/integrity/verifications').expect(200)).body.verifications;
    expect(list[list.length - 1].verificationId).toBe(first.body.verificationId);
    expect(list.map((v: { verificationId: string }) => v.verificationId)).toContain(second.verificationId);
    const missing = await t.api('auditor').get('/api/v1/integrity/verifications/6a1f1c62-8d0e-4a5c-9d7e-0b1f2c3d4e5f').expect(404);
    expect(missing.body.code).toBe('verification_not_found');
    await t.api('auditor').get('/api/v1/integrity/verifications/not-a-uuid').expect(404);
    await t.api('operator').post('/api/v1/integrity/verifications').expect(403);
  });

  it('refuses a second walk while one runs (one at a time, across replicas)', async () => {
    // A walk recorded as running by another replica: no new one starts, the running one is answered.
    await t.db.pool.query(`INSERT INTO integrity_verifications (verification_id, status, requested_by) VALUES ('0b6c1d2e-3f40-4a51-8b62-7c8d9e0f1a2b', 'running', 'auditor:other-replica')`);
    const answer = (await t.api('auditor').post('/api/v1/integrity/verifications').expect(202)).body;
    expect(answer).toMatchObject({ verificationId: '0b6c1d2e-3f40-4a51-8b62-7c8d9e0f1a2b', status: 'running' });
    // One left running for over an hour (its replica stopped) no longer blocks.
    await t.db.pool.query(`UPDATE integrity_verifications SET started_at = now() - interval '2 hours' WHERE verification_id = '0b6c1d2e-3f40-4a51-8b62-7c8d9e0f1a2b'`);
    expect((await integrity()).ok).toBe(true);
    expect((await t.api('auditor').get('/api/v1/integrity/verifications/0b6c1d2e-3f40-4a51-8b62-7c8d9e0f1a2b').expect(200)).body.status).toBe('failed');
  });

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
