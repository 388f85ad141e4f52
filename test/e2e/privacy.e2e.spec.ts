import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { to as copyTo } from 'pg-copy-streams';
import request from 'supertest';
import { verifyHashChains } from '#event-store';
import { loadCatalogs, loadConfig } from '#platform';
import { OfficialStatistics } from '#read-models';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseRegistration, hotlineCall, victim as anyVictim, type VictimBody } from '../support/fixtures.js';

const NAME = 'Yolanda Ccori Huamán';
const DOCUMENT = '07654321';
const SUMMARY = 'Resumen confidencial Zeta-7781 sobre la llamante';
/** Personal fields are answered only on a stated purpose (X-Purpose). */
const PURPOSE = 'Verificación de protección de datos';

/** Every row of every table of the public schema, as `COPY … TO STDOUT` writes it: what a backup would hold. */
async function dumpAllTables(t: TestApp): Promise<string> {
  const { rows } = await t.db.pool.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  const client = await t.db.pool.connect();
  try {
    let dump = '';
    for (const { table_name: table } of rows) {
      const stream = client.query(copyTo(`COPY public."${table}" TO STDOUT`));
      for await (const chunk of stream) dump += (chunk as Buffer).toString('utf8');
    }
    return dump;
  } finally {
    client.release();
  }
}

/** pg_dump too, when the installed client can talk to the server (the system's v15 refuses a v18 server). */
async function pgDump(url: string): Promise<string | null> {
  try {
    return (await promisify(execFile)('pg_dump', ['--data-only', url], { maxBuffer: 256 * 1024 * 1024 })).stdout;
  } catch {
    return null;
  }
}

describe('personal data: sealed per data subject, erasable, linked without exposure', () => {
  let t: TestApp;
  const victimId = randomUUID();
  const linkedVictimId = randomUUID();
  let caseId: string;
  let linkedCaseId: string;
  let callId: string;
  const victim = (id: string, documentNumber: string) =>
    anyVictim({ victimId: id, age: 23, fullName: NAME, documentType: 'DNI', documentNumber, phone: '987654321' });
  const registerCase = async (source: string, registeredAt: string, victims: VictimBody[]) =>
    (
      await t
        .api('admin')
        .post('/api/v1/cases')
        .send(caseRegistration({ registeredAt, policeUnit: 'DIRCTPTIM Cusco', ubigeo: '080101', source, victims }))
        .expect(201)
    ).body.caseId as string;

  beforeAll(async () => {
    t = await createTestApp();
    callId = (
      await t
        .api('admin')
        .post('/api/v1/hotline-calls')
        .send(hotlineCall({ receivedAt: '2025-05-02T10:00:00-05:00', callerUbigeo: '080101', anonymous: false, summary: SUMMARY }))
        .expect(201)
    ).body.callId;
    // One person, denounced by two institutions, the document written two ways.
    caseId = await registerCase('walk_in', '2025-05-10T10:00:00-05:00', [victim(victimId, DOCUMENT)]);
    linkedCaseId = await registerCase('other_institution', '2025-05-20T10:00:00-05:00', [victim(linkedVictimId, '07.654-321')]);
    await t.project();
  });
  afterAll(async () => t.close());

  it('keeps no name, document number or summary in clear anywhere in the database', async () => {
    const read = (await t.api('admin').get(`/api/v1/cases/${caseId}`).set('X-Purpose', PURPOSE).expect(200)).body;
    expect(read.victims[0].personal).toEqual({
      fullName: NAME,
      documentType: 'DNI',
      documentNumber: DOCUMENT,
      phone: '987654321',
      address: null,
    });
    expect((await t.api('admin').get(`/api/v1/hotline-calls/${callId}`).set('X-Purpose', PURPOSE).expect(200)).body.summary).toBe(SUMMARY);

    const dumps = [await dumpAllTables(t), await pgDump(t.db.url)].filter((d): d is string => d !== null);
    for (const dump of dumps) {
      expect(dump).toContain(`sealed:v2:${victimId}:`);
      for (const secret of [
        NAME,
        'Ccori',
        DOCUMENT,
        '07.654-321',
        '987654321',
        SUMMARY,
        'Zeta-7781',
        Buffer.from(NAME).toString('base64'),
      ]) {
        expect({ secret, found: dump.includes(secret) }).toEqual({ secret, found: false });
      }
    }
  });

  it('links the two reports by a random link id in the events, the document hash only in document_links, and counts the victim once', async () => {
    const { rows } = await t.db.pool.query<{ link: string | null; hash: string | null }>(
      "SELECT data->>'linkId' AS link, data->>'documentHash' AS hash FROM events WHERE event_type = 'VictimIdentified' ORDER BY global_position",
    );
    expect(rows).toHaveLength(2);
    expect(rows[0].link).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(rows[1].link).toBe(rows[0].link);
    expect(rows.map((r) => r.hash)).toEqual([null, null]);
    const links = await t.db.pool.query<{ link_id: string; document_hash: string }>('SELECT link_id, document_hash FROM document_links');
    expect(links.rows).toEqual([{ link_id: rows[0].link, document_hash: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    // The hash is in no other table (events, case list, statistics' units and ledger).
    const dump = await dumpAllTables(t);
    expect(dump.split(links.rows[0].document_hash).length - 1).toBe(1);

    const statistics = new OfficialStatistics(t.db.dataSource, loadCatalogs(loadConfig({}, []).seedsDir));
    const report = await statistics.report(
      { kind: 'monthly', period: '2025-05', department: null },
      { disclosure: { k: 5, applied: false } },
    );
    const byNationality = report.tables.find((table) => table.id === 'victims_by_nationality')!;
    expect(byNationality.rows.find((row) => row.key === 'total')!.values).toEqual([1]);
    const denunciations = report.tables.find((table) => table.id === 'denunciations_by_source')!;
    expect(denunciations.rows.find((row) => row.key === 'total')!.values[0]).toBe(2);
  });

  it('erases a person across all her linked records once a second admin approves; the log and the statistics stay as they were', async () => {
    const monthly = '/api/v1/statistics/monthly?year=2025&month=5';
    const before = (await t.api('admin').get(monthly).expect(200)).text;
    const reason = 'Solicitud de supresión de la titular, Ley 29733 art. 20';
    const {
      rows: [{ document_hash: hash }],
    } = await t.db.pool.query<{ document_hash: string }>('SELECT document_hash FROM document_links');

    const asked = (await t.api('admin').post(`/api/v1/subjects/${victimId}/erasure-requests`).send({ reason }).expect(201)).body;
    expect(asked).toMatchObject({
      subjectId: victimId,
      subjectKind: 'victim',
      reason,
      requestedBy: 'test-admin',
      status: 'pending',
      approvedBy: null,
      erasures: [],
      backupsExpireBy: null,
    });
    expect([...asked.linkedSubjects].sort()).toEqual([victimId, linkedVictimId].sort());
    // Pending: nothing is erased yet.
    expect(
      (await t.api('admin').get(`/api/v1/cases/${caseId}`).set('X-Purpose', PURPOSE).expect(200)).body.victims[0].personal.fullName,
    ).toBe(NAME);
    const same = await t.api('admin').post(`/api/v1/erasure-requests/${asked.requestId}/approval`).expect(409);
    expect(same.body).toMatchObject({ code: 'erasure_needs_second_admin', fields: [{ field: 'requestId' }] });

    const second = () =>
      request(t.app.getHttpServer())
        .post(`/api/v1/erasure-requests/${asked.requestId}/approval`)
        .set('Authorization', `Bearer ${t.token('admin', { subject: 'second-admin' })}`);
    const approved = (await second().expect(200)).body;
    expect(approved).toMatchObject({
      requestId: asked.requestId,
      status: 'approved',
      requestedBy: 'test-admin',
      approvedBy: 'second-admin',
    });
    expect(approved.erasures.map((e: { subjectId: string }) => e.subjectId).sort()).toEqual([victimId, linkedVictimId].sort());
    expect(approved.erasures[0]).toMatchObject({ subjectKind: 'victim', reason, erasedBy: 'second-admin' });
    expect(Date.parse(approved.backupsExpireBy) - Date.parse(approved.approvedAt)).toBe(30 * 86_400_000);
    expect((await second().expect(200)).body).toEqual(approved);

    const callAsked = (await t.api('admin').post(`/api/v1/subjects/${callId}/erasure-requests`).send({ reason }).expect(201)).body;
    await request(t.app.getHttpServer())
      .post(`/api/v1/erasure-requests/${callAsked.requestId}/approval`)
      .set('Authorization', `Bearer ${t.token('admin', { subject: 'second-admin' })}`)
      .expect(200);

    for (const id of [caseId, linkedCaseId]) {
      const view = (await t.api('admin').get(`/api/v1/cases/${id}`).set('X-Purpose', PURPOSE).expect(200)).body;
      // Coarser details once erased: the age only as its group, the nationality as it is, the district as its department.
      expect(view.victims[0]).toMatchObject({
        sex: 'female',
        age: null,
        ageGroup: '18-24',
        nationality: 'PE',
        erased: true,
        personal: { fullName: null, documentType: null, documentNumber: null, phone: null, address: null },
      });
      expect(view.ubigeo).toBe('08');
    }
    expect((await t.api('admin').get(`/api/v1/hotline-calls/${callId}`).set('X-Purpose', PURPOSE).expect(200)).body).toMatchObject({
      callId,
      summary: null,
      erased: true,
    });
    await t.api('admin').get(`/api/v1/cases/${caseId}/timeline`).expect(200);
    // Her document links to nothing any more: the hash is gone from every table, and a search by it finds no case.
    expect((await t.db.pool.query('SELECT * FROM document_links')).rows).toEqual([]);
    await t.project();
    expect(await dumpAllTables(t)).not.toContain(hash);
    const search = await t
      .api('admin')
      .post('/api/v1/cases/search')
      .send({ documentType: 'DNI', documentNumber: DOCUMENT, purpose: PURPOSE })
      .expect(200);
    expect(search.body.items).toEqual([]);

    expect((await t.api('admin').get(monthly).expect(200)).text).toBe(before);
    expect(await verifyHashChains(t.db.pool)).toMatchObject({ ok: true, firstBrokenLink: null });
  });

  it('keeps commands working on erased records, and refuses new personal data for an erased subject (422)', async () => {
    await t
      .api('admin')
      .post(`/api/v1/cases/${caseId}/victims`)
      .send({ victims: [{ sex: 'male', age: 30, nationality: 'PE', fullName: 'Otra Persona' }] })
      .expect(200);
    await t
      .api('admin')
      .post(`/api/v1/cases/${caseId}/closure`)
      .send({ closedAt: '2025-06-01T10:00:00-05:00', reason: 'Archivado' })
      .expect(200);
    const view = (await t.api('admin').get(`/api/v1/cases/${caseId}`).set('X-Purpose', PURPOSE).expect(200)).body;
    expect(
      view.victims.map((v: { erased?: boolean; personal: { fullName: string | null } }) => [v.erased ?? false, v.personal.fullName]),
    ).toEqual([
      [true, null],
      [false, 'Otra Persona'],
    ]);

    await t
      .api('admin')
      .post(`/api/v1/hotline-calls/${callId}/classification`)
      .send({ topic: 'other', reason: 'reclasificada' })
      .expect(200);
    const refused = await t
      .api('admin')
      .post(`/api/v1/hotline-calls/${callId}/correction`)
      .send({ summary: 'nuevo texto', reason: 'completar' })
      .expect(422);
    expect(refused.body).toMatchObject({ code: 'personal_data_erased', fields: [{ field: 'summary' }] });
  });

  it('answers 404 for an unknown subject or request and 400 without a legal reason', async () => {
    await t.api('admin').post(`/api/v1/subjects/${randomUUID()}/erasure-requests`).send({ reason: 'Ley 29733 art. 20' }).expect(404);
    await t.api('admin').post('/api/v1/subjects/not-a-uuid/erasure-requests').send({ reason: 'Ley 29733 art. 20' }).expect(404);
    const bad = await t.api('admin').post(`/api/v1/subjects/${victimId}/erasure-requests`).send({ reason: ' no ' }).expect(400);
    expect(bad.body.fields).toEqual([expect.objectContaining({ field: 'reason' })]);
    await t.api('admin').post(`/api/v1/subjects/${victimId}/erasure-requests`).send({}).expect(400);
    const missing = await t.api('admin').post(`/api/v1/erasure-requests/${randomUUID()}/approval`).expect(404);
    expect(missing.body.code).toBe('erasure_request_not_found');
    await t.api('admin').post('/api/v1/erasure-requests/not-a-uuid/approval').expect(404);
    // The single-step erasure is gone: one admin alone can erase nobody.
    await t.api('admin').post(`/api/v1/subjects/${victimId}/erasure`).send({ reason: 'Ley 29733 art. 20' }).expect(404);
    await t.api('police').post(`/api/v1/subjects/${victimId}/erasure-requests`).send({ reason: 'Ley 29733 art. 20' }).expect(403);
  });

  it("scopes erasure to a department admin's departments, linked records included", async () => {
    const reason = 'Ley 29733 art. 20, solicitud de la titular';
    const inCusco = randomUUID();
    const inLima = randomUUID();
    const cusco = await registerCase('walk_in', '2025-07-01T10:00:00-05:00', [victim(inCusco, '41234567')]);
    await t
      .api('admin')
      .post('/api/v1/cases')
      .send(
        caseRegistration({
          registeredAt: '2025-07-02T10:00:00-05:00',
          policeUnit: 'DIRCTPTIM Lima',
          purposes: ['sexual_exploitation'],
          victims: [victim(inLima, '41.234.567')],
        }),
      )
      .expect(201);
    const alone = randomUUID();
    await registerCase('walk_in', '2025-07-03T10:00:00-05:00', [victim(alone, '49999999')]);
    const cuscoAdmin = (subject: string) => (path: string) =>
      request(t.app.getHttpServer())
        .post(path)
        .set('Authorization', `Bearer ${t.token('admin', { subject, departments: ['08'] })}`);
    // A person with no record in the token's departments answers like a missing one.
    await request(t.app.getHttpServer())
      .post(`/api/v1/subjects/${inCusco}/erasure-requests`)
      .set('Authorization', `Bearer ${t.token('admin', { departments: ['01'] })}`)
      .send({ reason })
      .expect(404);
    // Her record in Lima is outside Cusco's admins: a national admin must erase her.
    const outside = await cuscoAdmin('cusco-1')(`/api/v1/subjects/${inCusco}/erasure-requests`).send({ reason }).expect(403);
    expect(outside.body.fields).toEqual([expect.objectContaining({ field: 'subjectId' })]);
    // Within scope: two Cusco admins erase her.
    const asked = (await cuscoAdmin('cusco-1')(`/api/v1/subjects/${alone}/erasure-requests`).send({ reason }).expect(201)).body;
    await request(t.app.getHttpServer())
      .post(`/api/v1/erasure-requests/${asked.requestId}/approval`)
      .set('Authorization', `Bearer ${t.token('admin', { subject: 'lima-1', departments: ['15'] })}`)
      .expect(404);
    const done = (await cuscoAdmin('cusco-2')(`/api/v1/erasure-requests/${asked.requestId}/approval`).expect(200)).body;
    expect(done.erasures.map((e: { subjectId: string }) => e.subjectId)).toEqual([alone]);
    expect(
      (await t.api('admin').get(`/api/v1/cases/${cusco}`).set('X-Purpose', PURPOSE).expect(200)).body.victims[0].erased,
    ).toBeUndefined();
  });
});
