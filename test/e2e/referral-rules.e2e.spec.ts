import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/app.js';
import { callReferral, caseRegistration, hotlineCall, hoursAgo, type CaseRegistrationBody } from '../support/fixtures.js';

const newCase = (ubigeo: string, extra: Partial<CaseRegistrationBody> = {}) =>
  caseRegistration({ registeredAt: hoursAgo(48), ubigeo, ...extra });

/** Security issue, item 3: who accepts, answers and revokes a referral, and which department it belongs to. */
describe('referral rules', () => {
  let t: TestApp;
  const call = async (callerUbigeo = '080101') =>
    (
      await t
        .api('operator')
        .post('/api/v1/hotline-calls')
        .send(hotlineCall({ receivedAt: hoursAgo(100), callerUbigeo }))
        .expect(201)
    ).body.callId as string;
  const fromCall = async (to: string, ubigeo: string | null = '080101', callerUbigeo = '080101') =>
    (
      await t
        .api('operator')
        .post(`/api/v1/hotline-calls/${await call(callerUbigeo)}/referrals`)
        .send(callReferral({ to, referredAt: hoursAgo(90), ...(ubigeo ? { ubigeo } : {}) }))
        .expect(201)
    ).body.referralId as string;
  const eventCount = async () => Number((await t.db.pool.query('SELECT count(*) AS n FROM events')).rows[0].n);
  const stateOf = async (id: string) => (await t.api('admin').get(`/api/v1/referrals/${id}`).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it.each(['SHELTER', 'MIMP', 'MINISTERIO_PUBLICO'])(
    'refuses to accept a referral to %s by registering a case, and appends nothing',
    async (to) => {
      const referralId = await fromCall(to);
      const before = await eventCount();
      const res = await t
        .api('police')
        .post('/api/v1/cases')
        .send(newCase('080101', { source: 'hotline_referral', referralId }));
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual([{ field: 'referralId', reason: 'La derivación no está dirigida a la Policía (PNP)' }]);
      expect(await eventCount()).toBe(before);
      expect((await stateOf(referralId)).status).toBe('sent');
    },
  );

  it('accepts a referral to PNP by registering a case', async () => {
    const referralId = await fromCall('PNP');
    await t
      .api('police')
      .post('/api/v1/cases')
      .send(newCase('080101', { source: 'hotline_referral', referralId }))
      .expect(201);
    expect((await stateOf(referralId)).status).toBe('accepted');
  });

  it('lets only the receiving institution accept, reject and complete', async () => {
    const answer = (role: 'police' | 'prosecutor' | 'protection', id: string, action: string, body: object) =>
      t.api(role).post(`/api/v1/referrals/${id}/${action}`).send(body);
    const accept = { acceptedAt: hoursAgo(80) };
    const reject = { rejectedAt: hoursAgo(80), reason: 'Fuera de competencia' };
    const complete = { completedAt: hoursAgo(70), successful: true };
    const toShelter = await fromCall('SHELTER');
    expect((await answer('police', toShelter, 'accept', accept)).status).toBe(403);
    expect((await answer('prosecutor', toShelter, 'reject', reject)).status).toBe(403);
    await answer('protection', toShelter, 'accept', accept).expect(200);
    expect((await answer('police', toShelter, 'complete', complete)).status).toBe(403);
    await answer('protection', toShelter, 'complete', complete).expect(200);
    const toPolice = await fromCall('PNP');
    expect((await answer('protection', toPolice, 'reject', reject)).status).toBe(403);
    await answer('police', toPolice, 'reject', reject).expect(200);
  });

  it('lets only the sending side revoke', async () => {
    const revoke = (role: 'operator' | 'police' | 'prosecutor' | 'admin', id: string) =>
      t
        .api(role)
        .post(`/api/v1/referrals/${id}/revoke`)
        .send({ revokedAt: hoursAgo(1), reason: 'Duplicada' });
    const fromHotline = await fromCall('PNP');
    for (const role of ['police', 'prosecutor'] as const) {
      const refused = await revoke(role, fromHotline);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('forbidden');
    }
    await revoke('operator', fromHotline).expect(200);
    await revoke('admin', await fromCall('SHELTER')).expect(200);

    const { caseId } = (await t.api('police').post('/api/v1/cases').send(newCase('080101')).expect(201)).body;
    const byPolice = (
      await t
        .api('police')
        .post(`/api/v1/cases/${caseId}/referrals`)
        .send({ to: 'SHELTER', referredAt: hoursAgo(10) })
        .expect(201)
    ).body.referralId as string;
    expect((await revoke('operator', byPolice)).status).toBe(403);
    expect((await revoke('prosecutor', byPolice)).status).toBe(403);
    await revoke('police', byPolice).expect(200);
    const byProsecutor = (
      await t
        .api('prosecutor')
        .post(`/api/v1/cases/${caseId}/referrals`)
        .send({ to: 'MIMP', referredAt: hoursAgo(10) })
        .expect(201)
    ).body.referralId as string;
    expect((await revoke('police', byProsecutor)).status).toBe(403);
    await revoke('prosecutor', byProsecutor).expect(200);
  });

  it('places a referral without ubigeo in its call’s department, in the queue and in the scope check alike', async () => {
    const referralId = await fromCall('PNP', null, '080101');
    await t.project();
    const queue = async (departments: string[]) =>
      (await t.api('police', departments).get('/api/v1/referrals').expect(200)).body.referrals.map(
        (r: { referralId: string; department: string }) => r,
      );
    expect(await queue(['08'])).toEqual(expect.arrayContaining([expect.objectContaining({ referralId, department: '08' })]));
    expect((await queue(['15'])).map((r: { referralId: string }) => r.referralId)).not.toContain(referralId);
    await t.api('police', ['15']).get(`/api/v1/referrals/${referralId}`).expect(404);
    expect(
      (
        await t
          .api('police', ['15'])
          .post(`/api/v1/referrals/${referralId}/reject`)
          .send({ rejectedAt: hoursAgo(1), reason: 'x' })
      ).status,
    ).toBe(404);
    await t.api('police', ['08']).get(`/api/v1/referrals/${referralId}`).expect(200);
    await t
      .api('police', ['08'])
      .post(`/api/v1/referrals/${referralId}/accept`)
      .send({ acceptedAt: hoursAgo(1) })
      .expect(200);
  });

  it('keeps a referral without ubigeo in its call’s department as of sending, in the queue and in the scope check alike', async () => {
    const callId = await call('080101');
    const referralId = (
      await t
        .api('operator')
        .post(`/api/v1/hotline-calls/${callId}/referrals`)
        .send({ to: 'PNP', referredAt: hoursAgo(90) })
        .expect(201)
    ).body.referralId as string;
    await t
      .api('operator')
      .post(`/api/v1/hotline-calls/${callId}/correction`)
      .send({ callerUbigeo: '150101', reason: 'Error de digitación' })
      .expect(200);
    await t.project();
    const ids = async (department: string) =>
      (await t.api('police', [department]).get('/api/v1/referrals').expect(200)).body.referrals.map(
        (r: { referralId: string }) => r.referralId,
      );
    expect(await ids('08')).toContain(referralId);
    expect(await ids('15')).not.toContain(referralId);
    await t.api('police', ['08']).get(`/api/v1/referrals/${referralId}`).expect(200);
    await t.api('police', ['15']).get(`/api/v1/referrals/${referralId}`).expect(404);
  });

  it.each(['1e308', '99999999', '87601', '-1'])('answers olderThanHours=%s with a 400 naming the parameter', async (value) => {
    const res = await t.api('operator').get(`/api/v1/referrals?olderThanHours=${value}`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('olderThanHours');
  });

  it('accepts olderThanHours up to 87600', async () => {
    await t.api('operator').get('/api/v1/referrals?olderThanHours=87600').expect(200);
  });
});
