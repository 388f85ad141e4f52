import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPublicKey, verify } from 'node:crypto';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { canonicalJson, takeAnchor } from '#event-store';
import { AuditLog } from '#platform';
import { IntegrityAnchorTask } from '../../apps/api/src/integrity/integrity-anchor.task.js';
import { waitUntilLogVisible } from '../support/database.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { hotlineCall } from '../support/fixtures.js';
import { testAnchorExport } from '../support/anchors.js';
import { asOwnerWithoutTriggers, rewriteStreamAsOwner } from '../support/tamper.js';

/** Starts a verification (the integrity job) and reads it until it is done: its report. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a report read as JSON, checked by each test
async function verifyNow(t: TestApp): Promise<any> {
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
}

/**
 * POST /integrity/verifications starts the walk of the hash chains and the anchors as a job, GET reads its report;
 * POST /integrity/anchors takes an anchor.
 */
describe('integrity of the log over HTTP', () => {
  let t: TestApp;
  const callIds: string[] = [];

  const integrity = () => verifyNow(t);
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
      callIds.push((await t.api('operator').post('/api/v1/hotline-calls').send(hotlineCall({ topic })).expect(201)).body.callId);
    }
    await t
      .api('operator')
      .post(`/api/v1/hotline-calls/${callIds[1]}/closure`)
      .send({ closedAt: '2025-03-03T10:00:00-05:00', outcome: 'information_provided' })
      .expect(200);
    await waitUntilLogVisible(t.db.pool);
  });
  afterAll(async () => t.close());

  it('runs the walk as a job: 202 at once, one at a time, its status and report read with GET', async () => {
    const first = await t.api('auditor').post('/api/v1/integrity/verifications').expect(202);
    expect(first.body).toEqual({
      verificationId: expect.any(String),
      status: 'running',
      startedAt: expect.any(String),
      finishedAt: null,
      report: null,
    });
    expect(first.headers.location).toBe(`/api/v1/integrity/verifications/${first.body.verificationId}`);
    // While it runs, a second start answers the running one (the walk may already be over: then it is a new one).
    const second = (await t.api('admin').post('/api/v1/integrity/verifications').expect(202)).body;
    const { rows } = await t.db.pool.query(`SELECT count(*)::int AS n FROM integrity_verifications WHERE status = 'running'`);
    expect(rows[0].n).toBeLessThanOrEqual(1);
    let job = first.body;
    while (job.status === 'running')
      job = (await t.api('auditor').get(`/api/v1/integrity/verifications/${first.body.verificationId}`).expect(200)).body;
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
    await t.db.pool.query(
      `INSERT INTO integrity_verifications (verification_id, status, requested_by) VALUES ('0b6c1d2e-3f40-4a51-8b62-7c8d9e0f1a2b', 'running', 'auditor:other-replica')`,
    );
    const answer = (await t.api('auditor').post('/api/v1/integrity/verifications').expect(202)).body;
    expect(answer).toMatchObject({ verificationId: '0b6c1d2e-3f40-4a51-8b62-7c8d9e0f1a2b', status: 'running' });
    // One left running for over an hour (its replica stopped) no longer blocks.
    await t.db.pool.query(
      `UPDATE integrity_verifications SET started_at = now() - interval '2 hours' WHERE verification_id = '0b6c1d2e-3f40-4a51-8b62-7c8d9e0f1a2b'`,
    );
    expect((await integrity()).ok).toBe(true);
    expect(
      (await t.api('auditor').get('/api/v1/integrity/verifications/0b6c1d2e-3f40-4a51-8b62-7c8d9e0f1a2b').expect(200)).body.status,
    ).toBe('failed');
  });

  it('finds an intact log intact, and anchors it on request', async () => {
    expect(await integrity()).toMatchObject({
      ok: true,
      chains: { ok: true, streamsChecked: 3, eventsChecked: 4, firstBrokenLink: null },
      anchors: { ok: true, anchorsChecked: 0, latestAnchor: null, firstMismatch: null },
    });
    const anchor = (await t.api('admin').post('/api/v1/integrity/anchors').expect(201)).body;
    expect(anchor).toMatchObject({ anchorId: 1, streams: 3, events: 4, headsHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await integrity()).toMatchObject({
      ok: true,
      anchors: { ok: true, anchorsChecked: 1, anchorsRecomputed: 1, latestAnchor: anchor },
    });
  });

  it.each([
    [
      'a byte of its data',
      `UPDATE events SET data = jsonb_set(data, '{language}', '"qu"') WHERE stream_id = $1`,
      `UPDATE events SET data = jsonb_set(data, '{language}', '"es"') WHERE stream_id = $1`,
    ],
    [
      'a byte of its hash',
      "UPDATE events SET hash = overlay(hash placing (CASE WHEN substr(hash, 9, 1) = '0' THEN '1' ELSE '0' END) from 9 for 1) WHERE stream_id = $1",
      null,
    ],
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
    await t
      .api('operator')
      .post('/api/v1/hotline-calls')
      .send(hotlineCall({ topic: 'other' }))
      .expect(201);
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
      ok: false,
      chains: { ok: true },
      anchors: { ok: false, firstMismatch: { reason: 'head_missing', streamId: stream, anchoredPosition: 2, currentPosition: 1 } },
    });
  });
});

/**
 * Each anchor is signed with a key the database never holds and exported outside it; the integrity job checks the
 * database against the export, and the audit log's own chain. Tampering with the owner's rights (the triggers
 * off, the chains recomputed, the anchors in the database rewritten to match) passes every check inside the
 * database, and not the exported anchor.
 */
describe('integrity against the signed anchors kept outside the database, and the audit log chain', () => {
  let t: TestApp;
  let exportFile: string;
  let keyFile: string;
  const callIds: string[] = [];
  const integrity = () => verifyNow(t);
  const audited = (recordId: string) =>
    t.app.get(AuditLog).record({
      actorSubject: 'test-police',
      actorRole: 'police',
      action: 'read_personal_data',
      recordType: 'case',
      recordId,
      purpose: 'Verificación',
      requestId: null,
    });

  beforeAll(async () => {
    const anchors = testAnchorExport();
    ({ ANCHOR_EXPORT_FILE: exportFile, ANCHOR_SIGNING_KEY_FILE: keyFile } = anchors.env);
    t = await createTestApp(anchors.env);
    for (const topic of ['trafficking', 'information']) {
      callIds.push((await t.api('operator').post('/api/v1/hotline-calls').send(hotlineCall({ topic })).expect(201)).body.callId);
    }
    for (const recordId of ['c-1', 'c-2', 'c-3']) await audited(recordId);
    await waitUntilLogVisible(t.db.pool);
  });
  afterAll(async () => t.close());

  it('signs each anchor it takes with a key outside the database, and exports it as a JSON line', async () => {
    expect(await integrity()).toMatchObject({
      ok: true,
      audit: { ok: true, entriesChecked: 3, firstBrokenLink: null },
      exported: { ok: true, anchorsExported: 0, lastExported: null, firstMismatch: null },
    });
    const anchor = (await t.api('admin').post('/api/v1/integrity/anchors').expect(201)).body;
    const lines = readFileSync(exportFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(1);
    const [{ signature, ...signed }] = lines;
    const head = (await t.db.pool.query('SELECT audit_id, hash FROM audit_log ORDER BY audit_id DESC LIMIT 1')).rows[0];
    expect(signed).toEqual({
      ...anchor,
      auditHead: { auditId: Number(head.audit_id), hash: head.hash },
      keyId: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    const publicKey = createPublicKey(readFileSync(keyFile));
    expect(verify(null, Buffer.from(canonicalJson(signed)), publicKey, Buffer.from(signature, 'base64'))).toBe(true);
    // The key is nowhere in the database.
    const pem = readFileSync(keyFile, 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('-----'))
      .join('');
    expect(await dumpContains(t, pem)).toBe(false);
    expect(await integrity()).toMatchObject({
      ok: true,
      exported: { ok: true, anchorsExported: 1, lastExported: lines[0], firstMismatch: null },
    });
  });

  it('breaks the audit chain at an altered entry, and at the entry after a removed one', async () => {
    const ids = (await t.db.pool.query('SELECT audit_id FROM audit_log ORDER BY audit_id')).rows.map((r) => Number(r.audit_id));
    const original = (await t.db.pool.query('SELECT purpose FROM audit_log WHERE audit_id = $1', [ids[1]])).rows[0].purpose;
    await asOwnerWithoutTriggers(t.db.pool, ['audit_log'], async (db) => {
      await db.query("UPDATE audit_log SET purpose = 'otra cosa' WHERE audit_id = $1", [ids[1]]);
    });
    expect(await integrity()).toMatchObject({
      ok: false,
      chains: { ok: true },
      anchors: { ok: true },
      audit: { ok: false, entriesChecked: 1, firstBrokenLink: { auditId: ids[1], reason: 'hash_mismatch' } },
    });
    await asOwnerWithoutTriggers(t.db.pool, ['audit_log'], async (db) => {
      await db.query('UPDATE audit_log SET purpose = $2 WHERE audit_id = $1', [ids[1], original]);
    });
    expect((await integrity()).ok).toBe(true);

    const row = (await t.db.pool.query('SELECT to_json(a)::text AS json FROM audit_log a WHERE audit_id = $1', [ids[0]])).rows[0].json; // microseconds kept
    await asOwnerWithoutTriggers(t.db.pool, ['audit_log'], async (db) => {
      await db.query('DELETE FROM audit_log WHERE audit_id = $1', [ids[0]]);
    });
    expect((await integrity()).audit).toMatchObject({ ok: false, firstBrokenLink: { auditId: ids[1], reason: 'prev_hash_mismatch' } });
    // Put back exactly as it was (the chain trigger would renumber and rechain an insert: off for the restore).
    await t.db.pool.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_chain');
    try {
      await t.db.pool.query(`INSERT INTO audit_log SELECT * FROM json_populate_record(NULL::audit_log, $1::json)`, [row]);
    } finally {
      await t.db.pool.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_chain');
    }
    expect((await integrity()).ok).toBe(true);
  });

  it('catches the last audit entries removed after an exported anchor, which no chain can', async () => {
    await audited('c-4');
    await t
      .api('operator')
      .post('/api/v1/hotline-calls')
      .send(hotlineCall({ topic: 'other' }))
      .expect(201);
    await waitUntilLogVisible(t.db.pool);
    await t.api('admin').post('/api/v1/integrity/anchors').expect(201);
    const last = (await t.db.pool.query('SELECT audit_id, to_json(a)::text AS json FROM audit_log a ORDER BY audit_id DESC LIMIT 1'))
      .rows[0];
    await asOwnerWithoutTriggers(t.db.pool, ['audit_log'], async (db) => {
      await db.query('DELETE FROM audit_log WHERE audit_id = $1', [last.audit_id]);
    });
    expect(await integrity()).toMatchObject({
      ok: false,
      audit: { ok: true },
      exported: { ok: false, firstMismatch: { reason: 'audit_head_differs', line: 2 } },
    });
    await t.db.pool.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_chain');
    try {
      await t.db.pool.query(`INSERT INTO audit_log SELECT * FROM json_populate_record(NULL::audit_log, $1::json)`, [last.json]);
    } finally {
      await t.db.pool.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_chain');
    }
    expect((await integrity()).ok).toBe(true);
  });

  it("refuses an exported line not signed by the registry's key", async () => {
    const before = readFileSync(exportFile, 'utf8');
    const lines = before
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const forged = { ...lines[lines.length - 1], headsHash: 'f'.repeat(64) };
    appendFileSync(exportFile, `${JSON.stringify(forged)}\n`);
    try {
      expect((await integrity()).exported).toMatchObject({
        ok: false,
        firstMismatch: { reason: 'signature_invalid', line: lines.length + 1 },
      });
    } finally {
      writeFileSync(exportFile, before);
    }
    expect((await integrity()).ok).toBe(true);
  });

  it('catches a rewrite by the owner of the log, its chain and the anchors in the database, against the exported anchor', async () => {
    const stream = `hotline-call-${callIds[0]}`;
    await rewriteStreamAsOwner(t.db.pool, stream, (data) => ({ ...data, topic: 'information' }));
    const report = await integrity();
    // Everything inside the database checks out again: the rewrite is complete.
    expect(report).toMatchObject({
      chains: { ok: true, firstBrokenLink: null },
      anchors: { ok: true, firstMismatch: null },
      audit: { ok: true },
    });
    // …and the signed anchors exported outside it do not.
    expect(report).toMatchObject({
      ok: false,
      exported: { ok: false, firstMismatch: { reason: 'anchor_differs', anchorId: 1, line: 1, fields: ['headsHash'] } },
    });
  });
});

/** Whether `text` appears anywhere in the database's tables (as text). */
async function dumpContains(t: TestApp, text: string): Promise<boolean> {
  const { rows } = await t.db.pool.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
  );
  for (const { table_name } of rows) {
    const found = await t.db.pool.query(`SELECT 1 FROM "${table_name}" x WHERE x::text LIKE '%' || $1 || '%' LIMIT 1`, [text.slice(0, 40)]);
    if (found.rows.length > 0) return true;
  }
  return false;
}

/** ANCHOR_EXPORT_URL: each signed anchor is also POSTed (as its JSON line) to an external service. */
describe('signed anchors sent to ANCHOR_EXPORT_URL', () => {
  let t: TestApp;
  let server: Server;
  const received: Array<{ contentType: string | undefined; body: string }> = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
      });
      request.on('end', () => {
        received.push({ contentType: request.headers['content-type'], body });
        response.writeHead(received.length === 1 ? 201 : 503).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    t = await createTestApp({ ...testAnchorExport().env, ANCHOR_EXPORT_URL: `http://127.0.0.1:${port}/anchors` });
    await t
      .api('operator')
      .post('/api/v1/hotline-calls')
      .send(hotlineCall({ topic: 'information' }))
      .expect(201);
    await waitUntilLogVisible(t.db.pool);
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('POSTs the same signed line it appends to the file; a refusal there does not fail the anchor', async () => {
    const anchor = (await t.api('admin').post('/api/v1/integrity/anchors').expect(201)).body;
    expect(received).toHaveLength(1);
    expect(received[0].contentType).toBe('application/json');
    const sent = JSON.parse(received[0].body);
    expect(sent).toMatchObject({ ...anchor, signature: expect.any(String), keyId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect((await integrity()).exported).toMatchObject({ ok: true, anchorsExported: 1, lastExported: sent });
    await t.api('admin').post('/api/v1/integrity/anchors').expect(201); // the service answers 503: logged, anchor kept
    expect(received).toHaveLength(2);
    expect(await integrity()).toMatchObject({ ok: true, exported: { anchorsExported: 2 } });
  });

  const integrity = () => verifyNow(t);
});
