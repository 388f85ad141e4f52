import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../support/app.js';
import { callReferral, caseRegistration, hotlineCall, hoursAgo, prosecutorReferral } from '../support/fixtures.js';

/** An error answer as far as it may tell records apart: everything but `instance`, the client's own request path. */
const problem = ({ instance: _instance, ...rest }: Record<string, unknown>) => rest;
const newCase = (ubigeo: string) => caseRegistration({ registeredAt: hoursAgo(48), ubigeo });

describe('department scope', () => {
  let t: TestApp;
  let cusco: { caseId: string; prosecutionId: string };
  let lima: { caseId: string; prosecutionId: string };
  const police08 = () => t.api('police', ['08']);

  /** A case registered by the police of its own department, and sent to the prosecutor. */
  const registered = async (ubigeo: string, department: string) => {
    const { caseId } = (await t.api('police', [department]).post('/api/v1/cases').send(newCase(ubigeo)).expect(201)).body;
    const { prosecutionId } = (
      await t
        .api('police', [department])
        .post(`/api/v1/cases/${caseId}/prosecutor-referral`)
        .send(prosecutorReferral({ referredAt: hoursAgo(24) }))
        .expect(200)
    ).body;
    return { caseId, prosecutionId };
  };
  const referral = async (callerUbigeo: string, to: string, ubigeo?: string) => {
    const { callId } = (
      await t
        .api('operator')
        .post('/api/v1/hotline-calls')
        .send(hotlineCall({ receivedAt: hoursAgo(100), callerUbigeo }))
        .expect(201)
    ).body;
    return (
      await t
        .api('operator')
        .post(`/api/v1/hotline-calls/${callId}/referrals`)
        .send(callReferral({ to, referredAt: hoursAgo(90), ...(ubigeo ? { ubigeo } : {}) }))
        .expect(201)
    ).body.referralId as string;
  };

  beforeAll(async () => {
    t = await createTestApp();
    cusco = await registered('080101', '08');
    lima = await registered('150101', '15');
  });
  afterAll(async () => t.close());

  it('lets a police token for 08 see and change a case in 08', async () => {
    await police08().get(`/api/v1/cases/${cusco.caseId}`).expect(200);
    await police08().get(`/api/v1/cases/${cusco.caseId}/timeline`).expect(200);
    await police08()
      .post(`/api/v1/cases/${cusco.caseId}/operations`)
      .send({ conductedAt: hoursAgo(30), rescued: 2, detained: 1 })
      .expect(200);
    await police08().get(`/api/v1/prosecutions/${cusco.prosecutionId}`).expect(200);
  });

  it('answers a case in 15 to a police token for 08 exactly as a case that does not exist (404)', async () => {
    const missing = await police08().get(`/api/v1/cases/${randomUUID()}`).expect(404);
    const hidden = await police08().get(`/api/v1/cases/${lima.caseId}`).expect(404);
    expect(problem(hidden.body)).toEqual(problem(missing.body));
    expect(hidden.body.code).toBe('case_not_found');
    await police08().get(`/api/v1/cases/${lima.caseId}/timeline`).expect(404);
    const change = await police08()
      .post(`/api/v1/cases/${lima.caseId}/operations`)
      .send({ conductedAt: hoursAgo(30), rescued: 1, detained: 0 })
      .expect(404);
    expect(change.body.code).toBe('case_not_found');
    await police08()
      .post(`/api/v1/cases/${lima.caseId}/closure`)
      .send({ closedAt: hoursAgo(1), reason: 'x' })
      .expect(404);
    await police08().get(`/api/v1/prosecutions/${lima.prosecutionId}`).expect(404);
    await t
      .api('prosecutor', ['08'])
      .post(`/api/v1/prosecutions/${lima.prosecutionId}/preliminary-investigation`)
      .send({ occurredAt: hoursAgo(20) })
      .expect(404);
    await t
      .api('prosecutor', ['15'])
      .post(`/api/v1/prosecutions/${lima.prosecutionId}/preliminary-investigation`)
      .send({ occurredAt: hoursAgo(20) })
      .expect(200);
    await t.api('police').get(`/api/v1/cases/${lima.caseId}`).expect(200); // a national token sees every department
  });

  it('answers a malformed body with the same 400 whether the record is in the scope, elsewhere or missing', async () => {
    const malformed = { conductedAt: 'not-a-date', rescued: -1, detained: 'many' };
    const own = await police08().post(`/api/v1/cases/${cusco.caseId}/operations`).send(malformed).expect(400);
    const elsewhere = await police08().post(`/api/v1/cases/${lima.caseId}/operations`).send(malformed).expect(400);
    const missing = await police08().post(`/api/v1/cases/${randomUUID()}/operations`).send(malformed).expect(400);
    expect(problem(elsewhere.body)).toEqual(problem(own.body));
    expect(problem(missing.body)).toEqual(problem(own.body));
    const unknownField = { conductedAt: hoursAgo(30), rescued: 1, detained: 0, extra: true };
    const ownExtra = await police08().post(`/api/v1/cases/${cusco.caseId}/operations`).send(unknownField).expect(400);
    expect(problem((await police08().post(`/api/v1/cases/${lima.caseId}/operations`).send(unknownField).expect(400)).body)).toEqual(
      problem(ownExtra.body),
    );
    const closure = await police08().post(`/api/v1/cases/${cusco.caseId}/closure`).send({}).expect(400);
    expect(problem((await police08().post(`/api/v1/cases/${lima.caseId}/closure`).send({}).expect(400)).body)).toEqual(
      problem(closure.body),
    );
    const stage = await t
      .api('prosecutor', ['08'])
      .post(`/api/v1/prosecutions/${cusco.prosecutionId}/preliminary-investigation`)
      .send({ occurredAt: 5 })
      .expect(400);
    expect(
      problem(
        (
          await t
            .api('prosecutor', ['08'])
            .post(`/api/v1/prosecutions/${lima.prosecutionId}/preliminary-investigation`)
            .send({ occurredAt: 5 })
            .expect(400)
        ).body,
      ),
    ).toEqual(problem(stage.body));
  });

  it('refuses to create a record outside the scope with 403 naming the field', async () => {
    const outside = await police08().post('/api/v1/cases').send(newCase('150101')).expect(403);
    expect(outside.body).toMatchObject({ code: 'forbidden', fields: [{ field: 'ubigeo' }] });
    const call = hotlineCall({ receivedAt: hoursAgo(1), callerUbigeo: undefined, topic: 'information' }); // no place: refused to a departmental operator
    const placeless = await t.api('operator', ['08']).post('/api/v1/hotline-calls').send(call).expect(403);
    expect(placeless.body.fields[0].field).toBe('callerUbigeo');
    const { callId } = (
      await t
        .api('operator', ['08'])
        .post('/api/v1/hotline-calls')
        .send({ ...call, callerUbigeo: '0801' })
        .expect(201)
    ).body;
    const moved = await t
      .api('operator', ['08'])
      .post(`/api/v1/hotline-calls/${callId}/correction`)
      .send({ callerUbigeo: '1501', reason: 'x' })
      .expect(403);
    expect(moved.body.fields[0].field).toBe('callerUbigeo');
  });

  it('lists only the scope’s referrals in the pending queue, and lets only the receiving institution answer', async () => {
    const toCusco = await referral('080101', 'PNP', '0801');
    const toLima = await referral('150101', 'PNP', '1501');
    const fromCuscoCall = await referral('080108', 'MIMP'); // no place of its own: the department of the call
    await t.project();
    const queue = (await police08().get('/api/v1/referrals').expect(200)).body.referrals as Array<{
      referralId: string;
      department: string;
    }>;
    expect(queue.map((r) => r.referralId)).toContain(toCusco);
    expect(queue.map((r) => r.referralId)).not.toContain(toLima);
    expect(new Set(queue.map((r) => r.department))).toEqual(new Set(['08']));
    const national = (await t.api('police').get('/api/v1/referrals').expect(200)).body.referrals.map(
      (r: { referralId: string }) => r.referralId,
    );
    expect(national).toEqual(expect.arrayContaining([toCusco, toLima]));

    await police08().get(`/api/v1/referrals/${toLima}`).expect(404);
    await police08()
      .post(`/api/v1/referrals/${toLima}/accept`)
      .send({ acceptedAt: hoursAgo(1) })
      .expect(404);
    await t.api('protection', ['08']).get(`/api/v1/referrals/${fromCuscoCall}`).expect(200);
    await t.api('protection', ['15']).get(`/api/v1/referrals/${fromCuscoCall}`).expect(404);
    const notTheirs = await t
      .api('protection', ['08'])
      .post(`/api/v1/referrals/${toCusco}/accept`)
      .send({ acceptedAt: hoursAgo(1) })
      .expect(403);
    expect(notTheirs.body.fields[0].field).toBe('to');
    await police08()
      .post(`/api/v1/referrals/${toCusco}/accept`)
      .send({ acceptedAt: hoursAgo(1) })
      .expect(200);
  });

  it('counts only the scope’s departments in the statistics, exactly for police and with disclosure control for analysts', async () => {
    await t.project();
    await t.api('admin').post('/api/v1/statistics/release-points').expect(201);
    const month = hoursAgo(48).slice(0, 7);
    const byDepartment = (await police08().get(`/api/v1/statistics/hotline?from=${month}&to=${month}&by=department`).expect(200)).body;
    expect(byDepartment.groups.map((g: { key: string }) => g.key)).toEqual(['08']);
    const [year, m] = month.split('-').map(Number);
    const own = (await police08().get(`/api/v1/statistics/monthly?year=${year}&month=${m}`).expect(200)).body;
    expect(own).toMatchObject({ department: '08', disclosureControl: { applied: false } });
    const analyst = (await t.api('analyst').get(`/api/v1/statistics/monthly?year=${year}&month=${m}&department=08`).expect(200)).body;
    expect(analyst).toMatchObject({ department: '08', disclosureControl: { applied: true } });
    const elsewhere = await police08().get(`/api/v1/statistics/monthly?year=${year}&month=${m}&department=15`).expect(403);
    expect(elsewhere.body.fields[0].field).toBe('department');
  });

  it('lets a regional analyst publish, list and read only its own departments’ reports', async () => {
    const analyst08 = () => t.api('analyst', ['08']);
    await t.api('admin').post('/api/v1/statistics/release-points').expect(201);
    const period = hoursAgo(0).slice(0, 7);
    const lima15 = (await t.api('analyst').post('/api/v1/publications').send({ kind: 'monthly', period, department: '15' }).expect(201))
      .body;
    const national = (await t.api('analyst').post('/api/v1/publications').send({ kind: 'monthly', period }).expect(201)).body;
    const outside = await analyst08().post('/api/v1/publications').send({ kind: 'monthly', period, department: '15' }).expect(403);
    expect(outside.body).toMatchObject({ code: 'forbidden', fields: [{ field: 'department' }] });
    const nationwide = await analyst08().post('/api/v1/publications').send({ kind: 'monthly', period }).expect(403);
    expect(nationwide.body.fields[0].field).toBe('department');
    await analyst08()
      .post('/api/v1/publications')
      .send({ kind: 'inei-annual', period: period.slice(0, 4) })
      .expect(403);
    const own = (await analyst08().post('/api/v1/publications').send({ kind: 'monthly', period, department: '08' }).expect(201)).body;

    const listed = (await analyst08().get('/api/v1/publications').expect(200)).body.publications as Array<{
      publicationId: string;
      department: string | null;
    }>;
    expect(listed.map((p) => p.publicationId)).toEqual([own.publicationId]);
    const all = (await t.api('analyst').get('/api/v1/publications').expect(200)).body.publications as Array<{ publicationId: string }>;
    expect(all.map((p) => p.publicationId)).toEqual(
      expect.arrayContaining([lima15.publicationId, national.publicationId, own.publicationId]),
    );

    await analyst08().get(`/api/v1/publications/${own.publicationId}`).expect(200);
    await analyst08().get(`/api/v1/publications/${own.publicationId}/revisions`).expect(200);
    const missing = await analyst08().get(`/api/v1/publications/${randomUUID()}`).expect(404);
    for (const hidden of [lima15.publicationId, national.publicationId]) {
      expect(problem((await analyst08().get(`/api/v1/publications/${hidden}`).expect(404)).body)).toEqual(problem(missing.body));
      expect(problem((await analyst08().get(`/api/v1/publications/${hidden}/revisions`).expect(404)).body)).toEqual(problem(missing.body));
    }
  });

  it('attributes commands to the token’s role and opaque subject', async () => {
    const { rows } = await t.db.pool.query(`SELECT DISTINCT metadata->>'actor' AS actor FROM events WHERE stream_id = $1`, [
      `case-${cusco.caseId}`,
    ]);
    expect(rows.map((r: { actor: string }) => r.actor)).toEqual(['police:test-police']);
  });
});
