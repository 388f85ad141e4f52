import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/app.js';
import { callReferral, caseRegistration, hotlineCall, hoursAgo, victim, type CallReferralBody } from '../support/fixtures.js';

const PURPOSE = { 'X-Purpose': 'Atención del caso' };

/** Security issue, item 4: need-to-know for calls and referrals, and the audit of every read that points at a person. */
describe('need-to-know', () => {
  let t: TestApp;
  const call = async () =>
    (
      await t
        .api('operator')
        .post('/api/v1/hotline-calls')
        .send(
          hotlineCall({
            receivedAt: hoursAgo(100),
            callerUbigeo: '080101',
            anonymous: false,
            summary: 'La vecina cuenta que a su sobrina la llevaron a una mina',
          }),
        )
        .expect(201)
    ).body.callId as string;
  const refer = async (callId: string, to: string, extra: Partial<CallReferralBody> = {}) =>
    (
      await t
        .api('operator')
        .post(`/api/v1/hotline-calls/${callId}/referrals`)
        .send(callReferral({ to, referredAt: hoursAgo(90), ubigeo: '080101', ...extra }))
        .expect(201)
    ).body.referralId as string;
  const auditOf = async (filter: Record<string, string>) =>
    (await t.api('auditor').get('/api/v1/audit').query(filter).expect(200)).body.entries as Array<Record<string, unknown>>;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('lets police and protection read a call only once it was referred to them', async () => {
    const callId = await call();
    for (const role of ['police', 'protection'] as const)
      expect((await t.api(role).get(`/api/v1/hotline-calls/${callId}`).set(PURPOSE)).status).toBe(404);
    await refer(callId, 'MIMP');
    await t.project();
    expect((await t.api('police').get(`/api/v1/hotline-calls/${callId}`).set(PURPOSE)).status).toBe(404);
    const byProtection = await t.api('protection').get(`/api/v1/hotline-calls/${callId}`).set(PURPOSE).expect(200);
    expect(byProtection.body.summary).toMatch(/mina/);
    await refer(callId, 'PNP');
    await t.project();
    const byPolice = await t.api('police').get(`/api/v1/hotline-calls/${callId}`).set(PURPOSE).expect(200);
    expect(byPolice.body.summary).toMatch(/mina/);
    await t.api('operator').get(`/api/v1/hotline-calls/${callId}`).expect(200);
  });

  it('no longer lets the police read a call whose referral to them was revoked', async () => {
    const callId = await call();
    const referralId = await refer(callId, 'PNP');
    await t.project();
    await t.api('police').get(`/api/v1/hotline-calls/${callId}`).expect(200);
    await t
      .api('operator')
      .post(`/api/v1/referrals/${referralId}/revoke`)
      .send({ revokedAt: hoursAgo(1), reason: 'Duplicada' })
      .expect(200);
    await t.project();
    expect((await t.api('police').get(`/api/v1/hotline-calls/${callId}`)).status).toBe(404);
  });

  it("shows a referral only to its receiver and its sender, and a shelter's unit and place only to protection", async () => {
    const toShelter = await refer(await call(), 'SHELTER', { unitName: 'Hogar Refugio Norte' });
    const byProtection = await t.api('protection').get(`/api/v1/referrals/${toShelter}`).expect(200);
    expect(byProtection.body).toMatchObject({ unitName: 'Hogar Refugio Norte', ubigeo: '080101', destinationDetailsWithheld: false });
    const byOperator = await t.api('operator').get(`/api/v1/referrals/${toShelter}`).expect(200);
    expect(byOperator.body).toMatchObject({ to: 'SHELTER', unitName: null, ubigeo: null, destinationDetailsWithheld: true });
    for (const role of ['police', 'prosecutor'] as const) {
      const refused = await t.api(role).get(`/api/v1/referrals/${toShelter}`);
      expect(refused.status).toBe(404);
      expect(refused.body.code).toBe('referral_not_found');
    }
    const toPolice = await refer(await call(), 'PNP');
    await t.api('police').get(`/api/v1/referrals/${toPolice}`).expect(200);
    expect((await t.api('protection').get(`/api/v1/referrals/${toPolice}`)).status).toBe(404);

    // A victim sent to a shelter by the police: the sending police read it, without the shelter's details.
    const { caseId, victimIds } = (
      await t
        .api('police')
        .post('/api/v1/cases')
        .send(
          caseRegistration({
            registeredAt: hoursAgo(48),
            policeUnit: 'Comisaría Cusco',
            ubigeo: '080101',
            purposes: ['sexual_exploitation'],
            victims: [victim({ age: 16 })],
          }),
        )
        .expect(201)
    ).body;
    const victimToShelter = (
      await t
        .api('police')
        .post(`/api/v1/cases/${caseId}/referrals`)
        .send({ to: 'SHELTER', referredAt: hoursAgo(10), victimId: victimIds[0], unitName: 'Hogar Refugio Norte', ubigeo: '080101' })
        .expect(201)
    ).body.referralId;
    const bySender = await t.api('police').get(`/api/v1/referrals/${victimToShelter}`).expect(200);
    expect(bySender.body).toMatchObject({
      source: { kind: 'victim', id: victimIds[0] },
      unitName: null,
      ubigeo: null,
      destinationDetailsWithheld: true,
    });
    expect((await t.api('operator').get(`/api/v1/referrals/${victimToShelter}`)).status).toBe(404);
    await t.project();
    const operatorQueue = (await t.api('operator').get('/api/v1/referrals').expect(200)).body.referrals as Array<{ sourceKind: string }>;
    expect(operatorQueue.length).toBeGreaterThan(0);
    expect(operatorQueue.every((r) => r.sourceKind === 'hotline_call')).toBe(true);
  });

  it('audits every read that holds or points at a person, naming the subjects, with or without a purpose', async () => {
    const callId = await call();
    const referralId = await refer(callId, 'PNP');
    await t.project();
    await t.api('police').get(`/api/v1/hotline-calls/${callId}`).expect(200); // no purpose: no summary, still audited
    await t.api('police').get(`/api/v1/hotline-calls/${callId}`).set(PURPOSE).expect(200);
    await t.api('police').get(`/api/v1/referrals/${referralId}`).expect(200);
    await t.api('police').get('/api/v1/referrals').expect(200);
    await t.api('operator').get('/api/v1/hotline-calls').expect(200);
    const entries = await auditOf({ subjectId: callId.toUpperCase() });
    const seen = entries.map((e) => [e.actorRole, e.action, e.recordType, e.recordId]);
    expect(seen).toEqual(
      expect.arrayContaining([
        ['police', 'read_record', 'hotline_call', callId],
        ['police', 'read_personal_data', 'hotline_call', callId],
        ['police', 'read_record', 'referral', referralId],
        ['police', 'read_record', 'referral_queue', null],
        ['operator', 'read_record', 'hotline_call_list', null],
      ]),
    );
    expect(entries.every((e) => (e.subjectIds as string[]).includes(callId))).toBe(true);
    const withPurpose = entries.find((e) => e.action === 'read_personal_data');
    expect(withPurpose?.purpose).toBe('Atención del caso');

    const { caseId, victimIds } = (
      await t
        .api('police')
        .post('/api/v1/cases')
        .send(
          caseRegistration({
            registeredAt: hoursAgo(48),
            policeUnit: 'Comisaría Cusco',
            ubigeo: '080101',
            victims: [victim({ sex: 'male', age: 15 }), victim({ age: 14, nationality: 'BO' })],
          }),
        )
        .expect(201)
    ).body;
    await t.api('judiciary').get(`/api/v1/cases/${caseId}`).set(PURPOSE).expect(200); // withheld for the judiciary, still audited
    const caseReads = await auditOf({ subjectId: victimIds[1] });
    expect(caseReads).toEqual([
      expect.objectContaining({
        actorRole: 'judiciary',
        action: 'read_record',
        recordType: 'case',
        recordId: caseId,
        subjectIds: expect.arrayContaining(victimIds),
      }),
    ]);
  });

  it('records nothing for a read that failed', async () => {
    const callId = await call();
    expect((await t.api('police').get(`/api/v1/hotline-calls/${callId}`)).status).toBe(404);
    expect(await auditOf({ subjectId: callId })).toEqual([]);
  });
});
