import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseRegistration, hotlineCall, victim } from '../support/fixtures.js';

const CASE = caseRegistration({
  occurredAt: '2025-02-20T00:00:00-05:00',
  policeUnit: 'DIRCTPTIM Lima',
  victims: [victim({ age: 19, nationality: 'VE', fullName: 'Nombre Reservado', documentType: 'PASSPORT', documentNumber: 'X1234567' })],
});

/** Reading personal data leaves an audit entry (who, which record, why), before the data leaves the API. */
describe('audit of personal data reads', () => {
  let t: TestApp;
  let caseId: string;
  let victimId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({
      caseId,
      victimIds: [victimId],
    } = (await t.api('police').post('/api/v1/cases').send(CASE).expect(201)).body);
  });
  afterAll(async () => t.close());

  const entriesFor = async (recordId: string) =>
    (await t.db.pool.query('SELECT * FROM audit_log WHERE record_id = $1 ORDER BY audit_id', [recordId])).rows;

  it('records one entry per read of a case, with the actor, the record and the stated purpose, and lists it to auditors', async () => {
    const read = await t
      .api('police')
      .get(`/api/v1/cases/${caseId}`)
      .set('X-Purpose', '  Investigación fiscal 123-2025  ')
      .set('X-Request-Id', 'req-42')
      .expect(200);
    expect(JSON.stringify(read.body)).toContain('Nombre Reservado');

    const rows = await entriesFor(caseId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'read_personal_data',
      record_type: 'case',
      record_id: caseId,
      purpose: 'Investigación fiscal 123-2025',
      request_id: 'req-42',
    });
    // The token's subject and role (t.api signs `sub: test-<role>`).
    expect(rows[0]).toMatchObject({ actor_subject: 'test-police', actor_role: 'police' });
    // Only the record's type and id: nothing personal.
    expect(JSON.stringify(rows[0])).not.toMatch(/Nombre Reservado|X1234567/);

    const listed = await t.api('auditor').get('/api/v1/audit').query({ recordId: caseId }).expect(200);
    expect(listed.body.entries).toEqual([
      expect.objectContaining({
        auditId: Number(rows[0].audit_id),
        action: 'read_personal_data',
        recordType: 'case',
        recordId: caseId,
        actorSubject: rows[0].actor_subject,
        actorRole: rows[0].actor_role,
        purpose: 'Investigación fiscal 123-2025',
      }),
    ]);
  });

  it('records reads of a hotline call as personal with a purpose, as of the record without one, the case timeline, not failed reads', async () => {
    const { callId } = (
      await t
        .api('operator')
        .post('/api/v1/hotline-calls')
        .send(hotlineCall({ anonymous: false, summary: 'Relato reservado' }))
        .expect(201)
    ).body;
    // Without a purpose the summary is withheld, but the read still points at the caller: a read of the record
    // (security issue, item 4: every read of a record that holds or points at personal data is audited).
    await t.api('operator').get(`/api/v1/hotline-calls/${callId}`).expect(200);
    expect(await entriesFor(callId)).toEqual([
      expect.objectContaining({ action: 'read_record', record_type: 'hotline_call', purpose: null, subject_ids: [callId] }),
    ]);
    await t.api('operator').get(`/api/v1/hotline-calls/${callId}`).set('X-Purpose', 'Seguimiento').expect(200);
    expect((await entriesFor(callId)).at(-1)).toMatchObject({
      action: 'read_personal_data',
      record_type: 'hotline_call',
      purpose: 'Seguimiento',
    });

    await t.project();
    await t.api('police').get(`/api/v1/cases/${caseId}/timeline`).expect(200);
    const unknown = '00000000-0000-4000-8000-000000000000';
    await t.api('police').get(`/api/v1/cases/${unknown}`).set('X-Purpose', 'Verificación').expect(404);
    expect((await entriesFor(caseId)).map((e) => [e.action, e.record_type])).toEqual([
      ['read_personal_data', 'case'],
      ['read_record', 'case_timeline'],
    ]);
    expect(await entriesFor(unknown)).toHaveLength(0);
  });

  it('refuses an over-long purpose before reading anything', async () => {
    const response = await t.api('police').get(`/api/v1/cases/${caseId}`).set('X-Purpose', 'x'.repeat(201)).expect(400);
    expect(response.body.fields).toEqual([{ field: 'X-Purpose', reason: 'es demasiado largo (máximo 200 caracteres)' }]);
    expect((await entriesFor(caseId)).filter((e) => e.record_type === 'case')).toHaveLength(1);
  });

  it('lists newest first, filtered by action, actor and time, and pages', async () => {
    for (let i = 0; i < 3; i++) await t.api('police').get(`/api/v1/cases/${caseId}`).set('X-Purpose', `lectura ${i}`).expect(200);
    const all = (await t.api('auditor').get('/api/v1/audit').query({ recordId: caseId, action: 'read_personal_data' }).expect(200)).body;
    expect(all.entries.map((e: { purpose: string }) => e.purpose)).toEqual([
      'lectura 2',
      'lectura 1',
      'lectura 0',
      'Investigación fiscal 123-2025',
    ]);
    const page = (
      await t.api('auditor').get('/api/v1/audit').query({ recordId: caseId, action: 'read_personal_data', limit: 2 }).expect(200)
    ).body;
    expect(page.entries).toHaveLength(2);
    const next = (
      await t
        .api('auditor')
        .get('/api/v1/audit')
        .query({ recordId: caseId, action: 'read_personal_data', before: page.nextBefore })
        .expect(200)
    ).body;
    expect(next.entries.map((e: { purpose: string }) => e.purpose)).toEqual(['lectura 0', 'Investigación fiscal 123-2025']);

    const actor = all.entries[0].actorSubject;
    const since = all.entries[1].at;
    const filtered = (
      await t
        .api('auditor')
        .get('/api/v1/audit')
        .query({ action: 'read_personal_data', actor, from: since, to: new Date(Date.now() + 60_000).toISOString(), recordId: caseId })
        .expect(200)
    ).body;
    expect(filtered.entries.map((e: { purpose: string }) => e.purpose)).toEqual(['lectura 2', 'lectura 1']);
    expect((await t.api('auditor').get('/api/v1/audit').query({ action: 'erasure', recordId: caseId }).expect(200)).body.entries).toEqual(
      [],
    );
  });

  it('answers bad filters with a 400 naming each field, in Spanish or English', async () => {
    const es = await t.api('auditor').get('/api/v1/audit').query({ from: 'ayer', action: 'leer', limit: 0 }).expect(400);
    expect(es.body).toMatchObject({ code: 'invalid_command', error: 'Datos no válidos' });
    expect(es.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['action', 'from', 'limit']);
    const en = await t
      .api('auditor')
      .get('/api/v1/audit')
      .set('Accept-Language', 'en')
      .query({ from: '2025-03-02T00:00:00Z', to: '2025-03-01T00:00:00Z' })
      .expect(400);
    expect(en.body).toMatchObject({ error: 'Invalid data', fields: [{ field: 'to', reason: 'must be after from' }] });
    await t.api('auditor').get('/api/v1/audit').query({ limit: 1001 }).expect(400);
    await t.api('auditor').get('/api/v1/audit').query({ colour: 'red' }).expect(400);
  });

  it('keeps the audit table append-only', async () => {
    await expect(t.db.pool.query("UPDATE audit_log SET purpose = 'otra'")).rejects.toThrow(/append-only/);
    await expect(t.db.pool.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(t.db.pool.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  });

  it('fails the read (500) rather than disclose personal data it could not record', async () => {
    // The database refuses the audit write (as a revoked INSERT privilege would; the test role is a superuser).
    await t.db.pool.query(`CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit write refused' USING ERRCODE = 'insufficient_privilege'; END $$`);
    await t.db.pool.query('CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit()');
    try {
      const response = await t.api('police').get(`/api/v1/cases/${caseId}`).set('X-Purpose', 'Verificación').expect(500);
      expect(JSON.stringify(response.body)).not.toMatch(/Nombre Reservado|X1234567/);
      expect(response.body).toMatchObject({ code: 'internal_error' });
    } finally {
      await t.db.pool.query('DROP TRIGGER refuse_audit ON audit_log');
    }
    await t.api('police').get(`/api/v1/cases/${caseId}`).expect(200);
  });

  it('records the request and, once a second admin approves, the erasure of a data subject, with who did each and why', async () => {
    const asked = (
      await t
        .api('admin')
        .post(`/api/v1/subjects/${victimId}/erasure-requests`)
        .set('X-Purpose', 'Solicitud ARCO 7/2025')
        .send({ reason: 'Ley 29733, art. 20' })
        .expect(201)
    ).body;
    expect(await entriesFor(victimId)).toEqual([
      expect.objectContaining({
        action: 'erasure_request',
        record_type: 'subject',
        record_id: victimId,
        actor_subject: 'test-admin',
        actor_role: 'admin',
        purpose: 'Solicitud ARCO 7/2025',
      }),
    ]);
    await t
      .api('admin')
      .post(`/api/v1/erasure-requests/${asked.requestId}/approval`)
      .set('Authorization', `Bearer ${t.token('admin', { subject: 'second-admin' })}`)
      .set('X-Purpose', 'Aprobación ARCO 7/2025')
      .expect(200);
    expect((await entriesFor(victimId)).slice(1)).toEqual([
      expect.objectContaining({
        action: 'erasure',
        record_type: 'subject',
        record_id: victimId,
        actor_subject: 'second-admin',
        actor_role: 'admin',
        purpose: 'Aprobación ARCO 7/2025',
      }),
    ]);
    const listed = (await t.api('auditor').get('/api/v1/audit').query({ action: 'erasure' }).expect(200)).body.entries;
    expect(listed.map((e: { recordId: string }) => e.recordId)).toEqual([victimId]);
  });
});
