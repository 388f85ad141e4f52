import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { to as copyTo } from 'pg-copy-streams';
import { verifyHashChains } from '../../libs/event-store/src/index.js';
import { loadCatalogs, loadConfig } from '../../libs/platform/src/index.js';
import { OfficialStatistics } from '../../libs/read-models/src/index.js';
import { createTestApp, type TestApp } from '../support/app.js';

const NAME = 'Yolanda Ccori Huamán';
const DOCUMENT = '07654321';
const SUMMARY = 'Resumen confidencial Zeta-7781 sobre la llamante';
/** Personal fields are answered only on a stated purpose (X-Purpose). */
const PURPOSE = 'Verificación de protección de datos';

/** Every row of every table of the public schema, as `COPY … TO STDOUT` writes it: what a backup would hold. */
async function dumpAllTables(t: TestApp): Promise<string> {
  const { rows } = await t.db.pool.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name");
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
  const victim = (id: string, documentNumber: string) => ({
    victimId: id, sex: 'female', age: 23, nationality: 'PE', fullName: NAME, documentType: 'DNI', documentNumber, phone: '987654321',
  });
  const registerCase = async (source: string, registeredAt: string, victims: object[]) =>
    (await t.api('admin').post('/api/v1/cases').send({
      registeredAt, policeUnit: 'DIRCTPTIM Cusco', ubigeo: '080101', source, purposes: ['labour_exploitation'], victims, suspects: [],
    }).expect(201)).body.caseId as string;

  beforeAll(async () => {
    t = await createTestApp();
    callId = (await t.api('admin').post('/api/v1/hotline-calls').send({
      receivedAt: '2025-05-02T10:00:00-05:00', channel: 'phone', language: 'es', callerUbigeo: '080101', anonymous: false,
      topic: 'trafficking', summary: SUMMARY,
    }).expect(201)).body.callId;
    // One person, denounced by two institutions, the document written two ways.
    caseId = await registerCase('walk_in', '2025-05-10T10:00:00-05:00', [victim(victimId, DOCUMENT)]);
    linkedCaseId = await registerCase('other_institution', '2025-05-20T10:00:00-05:00', [victim(linkedVictimId, '07.654-321')]);
    await t.project();
  });
  afterAll(async () => t.close());

  it('keeps no name, document number or summary in clear anywhere in the database', async () => {
    const read = (await t.api('admin').get(`/api/v1/cases/${caseId}`).set('X-Purpose', PURPOSE).expect(200)).body;
    expect(read.victims[0].personal).toEqual({ fullName: NAME, documentType: 'DNI', documentNumber: DOCUMENT, phone: '987654321', address: null });
    expect((await t.api('admin').get(`/api/v1/hotline-calls/${callId}`).set('X-Purpose', PURPOSE).expect(200)).body.summary).toBe(SUMMARY);

    const dumps = [await dumpAllTables(t), await pgDump(t.db.url)].filter((d): d is string => d !== null);
    for (const dump of dumps) {
      expect(dump).toContain(`sealed:v2:${victimId}:`);
      for (const secret of [NAME, 'Ccori', DOCUMENT, '07.654-321', '987654321', SUMMARY, 'Zeta-7781', Buffer.from(NAME).toString('base64')]) {
        expect({ secret, found: dump.includes(secret) }).toEqual({ secret, found: false });
      }
    }
  });

  it('links the two reports by a keyed document hash and counts the victim once', async () => {
    const { rows } = await t.db.pool.query<{ hash: string | null }>(
      "SELECT data->>'documentHash' AS hash FROM events WHERE event_type = 'VictimIdentified' ORDER BY global_position");
    expect(rows).toHaveLength(2);
    expect(rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[1].hash).toBe(rows[0].hash);

    const statistics = new OfficialStatistics(t.db.dataSource, loadCatalogs(loadConfig({}, []).seedsDir));
    const report = await statistics.report({ kind: 'monthly', period: '2025-05', department: null }, { disclosure: { k: 5, applied: false } });
    const byNationality = report.tables.find((table) => table.id === 'victims_by_nationality')!;
    expect(byNationality.rows.find((row) => row.key === 'total')!.values).toEqual([1]);
    const denunciations = report.tables.find((table) => table.id === 'denunciations_by_source')!;
    expect(denunciations.rows.find((row) => row.key === 'total')!.values[0]).toBe(2);
  });

  it('erases a victim and a caller: their personal fields read as erased, the log and the statistics stay as they were', async () => {
    const monthly = '/api/v1/statistics/monthly?year=2025&month=5';
    const before = (await t.api('admin').get(monthly).expect(200)).text;
    const reason = 'Solicitud de supresión de la titular, Ley 29733 art. 20';

    const erased = (await t.api('admin').post(`/api/v1/subjects/${victimId}/erasure`).send({ reason }).expect(200)).body;
    expect(erased).toMatchObject({ subjectId: victimId, subjectKind: 'victim', reason, erasedBy: expect.any(String) });
    const again = await t.api('admin').post(`/api/v1/subjects/${victimId.toUpperCase()}/erasure`).send({ reason: 'otra razón legal' }).expect(200);
    expect(again.body).toEqual(erased);
    await t.api('admin').post(`/api/v1/subjects/${callId}/erasure`).send({ reason }).expect(200);

    const view = (await t.api('admin').get(`/api/v1/cases/${caseId}`).set('X-Purpose', PURPOSE).expect(200)).body;
    expect(view.victims[0]).toMatchObject({
      victimId, sex: 'female', age: 23, erased: true,
      personal: { fullName: null, documentType: null, documentNumber: null, phone: null, address: null },
    });
    // The same person's other record is another data subject: erased only when asked for.
    expect((await t.api('admin').get(`/api/v1/cases/${linkedCaseId}`).set('X-Purpose', PURPOSE).expect(200)).body.victims[0].personal.fullName).toBe(NAME);
    expect((await t.api('admin').get(`/api/v1/hotline-calls/${callId}`).set('X-Purpose', PURPOSE).expect(200)).body).toMatchObject({ callId, summary: null, erased: true });
    await t.api('admin').get(`/api/v1/cases/${caseId}/timeline`).expect(200);

    await t.project();
    expect((await t.api('admin').get(monthly).expect(200)).text).toBe(before);
    expect(await verifyHashChains(t.db.pool)).toMatchObject({ ok: true, firstBrokenLink: null });
  });

  it('keeps commands working on erased records, and refuses new personal data for an erased subject (422)', async () => {
    await t.api('admin').post(`/api/v1/cases/${caseId}/victims`).send({ victims: [{ sex: 'male', age: 30, nationality: 'PE', fullName: 'Otra Persona' }] }).expect(200);
    await t.api('admin').post(`/api/v1/cases/${caseId}/closure`).send({ closedAt: '2025-06-01T10:00:00-05:00', reason: 'Archivado' }).expect(200);
    const view = (await t.api('admin').get(`/api/v1/cases/${caseId}`).set('X-Purpose', PURPOSE).expect(200)).body;
    expect(view.victims.map((v: { erased?: boolean; personal: { fullName: string | null } }) => [v.erased ?? false, v.personal.fullName]))
      .toEqual([[true, null], [false, 'Otra Persona']]);

    await t.api('admin').post(`/api/v1/hotline-calls/${callId}/classification`).send({ topic: 'other', reason: 'reclasificada' }).expect(200);
    const refused = await t.api('admin').post(`/api/v1/hotline-calls/${callId}/correction`).send({ summary: 'nuevo texto', reason: 'completar' }).expect(422);
    expect(refused.body).toMatchObject({ code: 'personal_data_erased', fields: [{ field: 'summary' }] });
  });

  it('answers 404 for an unknown subject and 400 without a legal reason', async () => {
    await t.api('admin').post(`/api/v1/subjects/${randomUUID()}/erasure`).send({ reason: 'Ley 29733 art. 20' }).expect(404);
    await t.api('admin').post('/api/v1/subjects/not-a-uuid/erasure').send({ reason: 'Ley 29733 art. 20' }).expect(404);
    const bad = await t.api('admin').post(`/api/v1/subjects/${victimId}/erasure`).send({ reason: ' no ' }).expect(400);
    expect(bad.body.fields).toEqual([expect.objectContaining({ field: 'reason' })]);
    await t.api('admin').post(`/api/v1/subjects/${victimId}/erasure`).send({}).expect(400);
  });
});
