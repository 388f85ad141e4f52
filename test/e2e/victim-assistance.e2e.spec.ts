import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseRegistration, victim } from '../support/fixtures.js';

const NOTE = 'Nota confidencial Quispe-4411 sobre la víctima';
const SHELTER = 'Hogar Refugio Sigma-19';
const PURPOSE = 'Seguimiento de la atención';

describe('victim assistance: her own sealed record, scoped to her case department', () => {
  let t: TestApp;
  let caseId: string;
  let abroadCaseId: string;
  const victimId = randomUUID();
  const foreignerId = randomUUID();
  const peruvianAbroadId = randomUUID();
  const voidedId = randomUUID();
  const path = (c: string, v: string) => `/api/v1/cases/${c}/victims/${v}/assistance`;
  const post = (c: string, v: string, body: object, departments: string[] = []) =>
    t.api('protection', departments).post(path(c, v)).send(body);
  const count = async (): Promise<number> =>
    Number((await t.db.pool.query("SELECT count(*) AS n FROM events WHERE stream_id LIKE 'victim-assistance-%'")).rows[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    const register = async (body: object) => (await t.api('police').post('/api/v1/cases').send(body).expect(201)).body.caseId as string;
    caseId = await register(
      caseRegistration({
        registeredAt: '2025-03-05T10:00:00-05:00',
        occurredAt: '2025-03-01T10:00:00-05:00',
        ubigeo: '080101',
        victims: [victim({ victimId }), victim({ victimId: foreignerId, nationality: 'VE', age: 30 }), victim({ victimId: voidedId })],
      }),
    );
    abroadCaseId = await register({
      ...caseRegistration({ ubigeo: '150101', victims: [victim({ victimId: peruvianAbroadId })] }),
      places: { exploitation: { country: 'CL' } },
    });
    await t.api('police').post(`/api/v1/cases/${caseId}/victims/${voidedId}/voiding`).send({ reason: 'Registrada dos veces' }).expect(200);
  });
  afterAll(async () => t.close());

  it('needs consent first, then records acts; a retried act is not doubled', async () => {
    const refused = await post(caseId, victimId, { kind: 'service', occurredAt: '2025-03-10T10:00:00-05:00', service: 'health' }).expect(
      422,
    );
    expect(refused.body).toMatchObject({ code: 'assistance_consent_required' });
    expect(await count()).toBe(0);
    const consent = await post(caseId, victimId, { kind: 'consent', occurredAt: '2025-03-06T10:00:00-05:00', given: true }).expect(201);
    expect(consent.body).toMatchObject({ victimId, version: 1 });
    const admission = {
      actId: randomUUID(),
      kind: 'shelter_admission',
      occurredAt: '2025-03-06T12:00:00-05:00',
      shelterName: SHELTER,
      notes: NOTE,
    };
    const first = await post(caseId, victimId, admission).expect(201);
    const retry = await post(caseId, victimId, admission).expect(201);
    expect(retry.body).toEqual(first.body);
    const conflict = await post(caseId, victimId, { ...admission, shelterName: 'Otro' }).expect(409);
    expect(conflict.body.code).toMatch(/idempotency_conflict|assistance_act_id_in_use/);
    const keyed = { kind: 'service', occurredAt: '2025-03-31T23:30:00-05:00', service: 'psychological' };
    const a = await t.api('protection').post(path(caseId, victimId)).set('Idempotency-Key', 'svc-1').send(keyed).expect(201);
    const b = await t.api('protection').post(path(caseId, victimId)).set('Idempotency-Key', 'svc-1').send(keyed).expect(201);
    expect(b.body).toEqual(a.body);
    await post(caseId, victimId, {
      kind: 'shelter_exit',
      occurredAt: '2025-04-02T10:00:00-05:00',
      exitReason: 'family_reintegration',
    }).expect(201);
    await post(caseId, victimId, { kind: 'reintegration', occurredAt: '2025-04-03T10:00:00-05:00', reintegration: 'family' }).expect(201);
    expect(await count()).toBe(5);
  });

  it('refuses bad input naming the field, and appends nothing', async () => {
    const before = await count();
    const cases: Array<[object, string]> = [
      [{ kind: 'service', occurredAt: '2099-01-01T00:00:00Z', service: 'health' }, 'occurredAt'],
      [{ kind: 'service', occurredAt: '2025-02-28T10:00:00-05:00', service: 'health' }, 'occurredAt'],
      [{ kind: 'service', occurredAt: '2025-03-10T10:00:00-05:00', service: 'magic' }, 'service'],
      [{ kind: 'service', occurredAt: '2025-03-10T10:00:00-05:00', service: 'health', ubigeo: '150101' }, 'ubigeo'],
      [{ kind: 'repatriation', occurredAt: '2025-03-10T10:00:00-05:00', country: 'CL' }, 'kind'],
      [{ kind: 'migratory_status', occurredAt: '2025-03-10T10:00:00-05:00', status: 'irregular' }, 'kind'],
      [{ kind: 'shelter_exit', occurredAt: '2025-03-10T10:00:00-05:00', exitReason: 'voluntary' }, ''],
      [{ kind: 'teleport', occurredAt: '2025-03-10T10:00:00-05:00' }, 'kind'],
    ];
    for (const [body, field] of cases) {
      const answer = await post(caseId, victimId, body);
      expect([400, 422]).toContain(answer.status);
      if (field) expect(answer.body.fields.map((f: { field: string }) => f.field)).toContain(field);
      else expect(answer.body.code).toBe('shelter_stay_not_allowed');
    }
    await post(caseId, voidedId, { kind: 'consent', occurredAt: '2025-03-06T10:00:00-05:00', given: true }).expect(422);
    await post(caseId, randomUUID(), { kind: 'consent', occurredAt: '2025-03-06T10:00:00-05:00', given: true }).expect(404);
    await post(abroadCaseId, victimId, { kind: 'consent', occurredAt: '2025-03-06T10:00:00-05:00', given: true }).expect(404);
    expect(await count()).toBe(before);
  });

  it('records acts abroad for Peruvians of a case abroad, and migratory acts for foreigners', async () => {
    await post(abroadCaseId, peruvianAbroadId, { kind: 'consent', occurredAt: '2025-03-06T10:00:00-05:00', given: true }).expect(201);
    await post(abroadCaseId, peruvianAbroadId, {
      kind: 'consular_assistance',
      occurredAt: '2025-03-07T10:00:00-05:00',
      country: 'CL',
    }).expect(201);
    await post(abroadCaseId, peruvianAbroadId, { kind: 'repatriation', occurredAt: '2025-03-08T10:00:00-05:00', country: 'CL' }).expect(
      201,
    );
    await post(caseId, foreignerId, { kind: 'consent', occurredAt: '2025-03-06T10:00:00-05:00', given: true }).expect(201);
    await post(caseId, foreignerId, { kind: 'migratory_status', occurredAt: '2025-03-07T10:00:00-05:00', status: 'irregular' }).expect(201);
    await post(caseId, foreignerId, { kind: 'regularization', occurredAt: '2025-03-09T10:00:00-05:00' }).expect(201);
    await post(caseId, foreignerId, { kind: 'voluntary_return', occurredAt: '2025-03-12T10:00:00-05:00', country: 'VE' }).expect(201);
    const history = (await t.api('prosecutor').get(path(caseId, foreignerId)).expect(200)).body;
    expect(history.acts.map((a: { type: string }) => a.type)).toEqual([
      'ConsentRecorded',
      'MigratoryStatusRecorded',
      'Regularized',
      'VoluntaryReturnAssisted',
    ]);
  });

  it('scopes the record to the case department: another department reads and records nothing', async () => {
    await t.api('protection', ['15']).get(path(caseId, victimId)).expect(404);
    await post(caseId, victimId, { kind: 'service', occurredAt: '2025-03-10T10:00:00-05:00', service: 'legal' }, ['15']).expect(404);
    await t.api('protection', ['08']).get(path(caseId, victimId)).expect(200);
    await t
      .api('police')
      .post(path(caseId, victimId))
      .send({ kind: 'service', occurredAt: '2025-03-10T10:00:00-05:00', service: 'legal' })
      .expect(403);
    await t.api('analyst').get(path(caseId, victimId)).expect(403);
  });

  it('keeps notes and the shelter sealed, shows them only with a purpose (audited), and erases them with the victim', async () => {
    const { rows } = await t.db.pool.query<{ data: string }>("SELECT data::text FROM events WHERE stream_id LIKE 'victim-assistance-%'");
    expect(rows.map((r) => r.data).join('\n')).not.toMatch(/Quispe-4411|Sigma-19/);
    const withheld = (await t.api('protection').get(path(caseId, victimId)).expect(200)).body;
    expect(withheld).toMatchObject({ personalDataWithheld: true, consent: true, shelteredSince: null });
    expect(withheld.applicableKinds).toEqual(['consent', 'shelter_admission', 'service', 'reintegration']);
    expect(withheld.acts[1]).toMatchObject({ type: 'ShelterAdmitted', shelterName: null, notes: null, department: '08', sex: 'female' });
    const open = (await t.api('protection').get(path(caseId, victimId)).set('X-Purpose', PURPOSE).expect(200)).body;
    expect(open.acts[1]).toMatchObject({ shelterName: SHELTER, notes: NOTE });
    const prosecutor = (await t.api('prosecutor').get(path(caseId, victimId)).set('X-Purpose', PURPOSE).expect(200)).body;
    expect(prosecutor.acts[1]).toMatchObject({ shelterName: null, notes: null });
    const audit = await t.db.pool.query(
      "SELECT count(*) AS n FROM audit_log WHERE record_type = 'victim_assistance' AND action = 'read_personal_data'",
    );
    expect(Number(audit.rows[0].n)).toBe(1);

    const reason = 'Solicitud de supresión de la titular, Ley 29733 art. 20';
    const asked = (await t.api('admin').post(`/api/v1/subjects/${victimId}/erasure-requests`).send({ reason }).expect(201)).body;
    await request(t.app.getHttpServer())
      .post(`/api/v1/erasure-requests/${asked.requestId}/approval`)
      .set('Authorization', `Bearer ${t.token('admin', { subject: 'second-admin' })}`)
      .expect(200);
    const erased = (await t.api('protection').get(path(caseId, victimId)).set('X-Purpose', PURPOSE).expect(200)).body;
    expect(erased.acts[1]).toMatchObject({
      type: 'ShelterAdmitted',
      shelterName: null,
      notes: null,
      occurredAt: '2025-03-06T17:00:00.000Z',
    });
    expect(erased.acts).toHaveLength(5);
  });
});
