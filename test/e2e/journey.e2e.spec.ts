import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Role } from '#platform';
import { createTestApp, type TestApp } from '../support/app.js';
import {
  callReferral,
  caseRegistration,
  hotlineCall,
  hoursAgo,
  prosecutorReferral,
  ruling,
  suspect,
  trialOpening,
  victim,
} from '../support/fixtures.js';

describe('a journey from a call to a final ruling', () => {
  let t: TestApp;
  // Each step is taken by the institution whose act it is (README, "Roles").
  const actorFor = (path: string): Role =>
    path.startsWith('/hotline-calls')
      ? 'operator'
      : path.startsWith('/prosecutions')
        ? 'prosecutor'
        : path.startsWith('/trials')
          ? 'judiciary'
          : path.startsWith('/referrals')
            ? 'protection'
            : 'police';
  const post = (path: string, body: object, status = 200) =>
    t
      .api(actorFor(path))
      .post(`/api/v1${path}`)
      .send(body)
      .expect(status)
      .then((r) => r.body);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('links call → referral → case → prosecution → trial, and the timeline counts the days', async () => {
    const { callId } = await post('/hotline-calls', hotlineCall({ receivedAt: '2025-03-03T09:00:00-05:00', callerUbigeo: '170101' }), 201);
    const { referralId } = await post(
      `/hotline-calls/${callId}/referrals`,
      callReferral({ unitName: 'DIRCTPTIM Madre de Dios', ubigeo: '170101', referredAt: '2025-03-03T11:00:00-05:00' }),
      201,
    );
    const suspectId = randomUUID();
    const registered = await post(
      '/cases',
      caseRegistration({
        registeredAt: '2025-03-05T10:00:00-05:00',
        occurredAt: '2025-02-20T00:00:00-05:00',
        policeUnit: 'DIRCTPTIM Madre de Dios',
        ubigeo: '170101',
        source: 'hotline_referral',
        referralId,
        purposes: ['sexual_exploitation', 'labour_exploitation'],
        victims: [victim({ age: 16, fullName: 'Nombre Reservado', documentType: 'DNI', documentNumber: '40000001' })],
        suspects: [suspect({ suspectId, age: 41, role: 'captador' })],
      }),
      201,
    );
    const caseId = registered.caseId;
    expect((await t.api('police').get(`/api/v1/referrals/${referralId}`).expect(200)).body).toMatchObject({
      status: 'accepted',
      linkedCaseId: caseId,
    });

    const { prosecutionId } = await post(
      `/cases/${caseId}/prosecutor-referral`,
      prosecutorReferral({ referredAt: '2025-03-10T09:00:00-05:00', office: 'FISTRAP Madre de Dios' }),
    );
    await post(`/prosecutions/${prosecutionId}/preliminary-investigation`, { occurredAt: '2025-03-12T09:00:00-05:00' });
    await t
      .api('prosecutor')
      .post(`/api/v1/prosecutions/${prosecutionId}/accusation`)
      .send({ occurredAt: '2025-03-13T09:00:00-05:00' })
      .expect(422);
    await post(`/prosecutions/${prosecutionId}/formalization`, { occurredAt: '2025-04-01T09:00:00-05:00' });
    await post(`/prosecutions/${prosecutionId}/accusation`, { occurredAt: '2025-06-02T09:00:00-05:00' });
    const { trialId } = await post(
      '/trials',
      trialOpening(prosecutionId, { openedAt: '2025-07-01T09:00:00-05:00', court: 'Juzgado Penal Colegiado de Tambopata' }),
      201,
    );
    await post(`/trials/${trialId}/rulings`, ruling([suspectId], { ruledAt: '2025-09-15T12:00:00-05:00', sentenceYears: 15 }));
    await post(`/trials/${trialId}/finality`, { finalAt: '2025-10-01T12:00:00-05:00' });
    await t.project();

    const timeline = (await t.api('police').get(`/api/v1/cases/${caseId}/timeline`).expect(200)).body;
    expect(
      timeline.milestones.map((m: { milestone: string; institution: string; daysSincePrevious: number; daysSinceFirstContact: number }) => [
        m.milestone,
        m.institution,
        m.daysSincePrevious,
        m.daysSinceFirstContact,
      ]),
    ).toEqual([
      ['HotlineCallReceived', 'LINEA_0800', 0, 0],
      ['ReferralSent', 'LINEA_0800', 0, 0],
      ['CaseRegistered', 'PNP', 2, 2],
      ['ReferralAccepted', 'PNP', 0, 2],
      ['CaseReferredToProsecutor', 'PNP', 5, 7],
      ['ProsecutionOpened', 'MINISTERIO_PUBLICO', 0, 7],
      ['PreliminaryInvestigationOpened', 'MINISTERIO_PUBLICO', 2, 9],
      ['InvestigationFormalized', 'MINISTERIO_PUBLICO', 20, 29],
      ['AccusationFiled', 'MINISTERIO_PUBLICO', 62, 91],
      ['TrialOpened', 'PODER_JUDICIAL', 29, 120],
      ['RulingIssued', 'PODER_JUDICIAL', 76, 196],
      ['RulingBecameFinal', 'PODER_JUDICIAL', 16, 212],
    ]);
    const caseView = (await t.api('police').get(`/api/v1/cases/${caseId}`).set('X-Purpose', 'Atención a la víctima').expect(200)).body;
    expect(caseView.victims[0]).toMatchObject({
      sex: 'female',
      age: 16,
      personal: { fullName: 'Nombre Reservado', documentNumber: '40000001' },
    });
    const inClear = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM events WHERE data::text LIKE '%Nombre Reservado%' OR data::text LIKE '%40000001%'",
    );
    expect(inClear.rows[0].n).toBe(0);
  });

  it('refuses to refer a call that is not about trafficking (422) and a trial without an accusation (422)', async () => {
    const { callId } = await post(
      '/hotline-calls',
      hotlineCall({ receivedAt: hoursAgo(2), channel: 'web', callerUbigeo: undefined, anonymous: false, topic: 'information' }),
      201,
    );
    const refused = await t
      .api('operator')
      .post(`/api/v1/hotline-calls/${callId}/referrals`)
      .send(callReferral({ referredAt: hoursAgo(1) }))
      .expect(422);
    expect(refused.body.code).toBe('call_not_trafficking_related');
    const { caseId } = await post(
      '/cases',
      caseRegistration({ registeredAt: hoursAgo(5), policeUnit: 'Comisaría Tambopata', ubigeo: '1701', purposes: [], victims: [] }),
      201,
    );
    const { prosecutionId } = await post(`/cases/${caseId}/prosecutor-referral`, prosecutorReferral({ referredAt: hoursAgo(4) }));
    const trial = await t
      .api('judiciary')
      .post('/api/v1/trials')
      .send(trialOpening(prosecutionId, { openedAt: hoursAgo(1) }))
      .expect(422);
    expect(trial.body.code).toBe('prosecution_not_accused');
  });

  it('keeps referrals nobody acted on in the queue, oldest first, until someone does', async () => {
    const call = async (hours: number) =>
      (await post('/hotline-calls', hotlineCall({ receivedAt: hoursAgo(hours), anonymous: false }), 201)).callId;
    const forgotten = (
      await post(`/hotline-calls/${await call(200)}/referrals`, { to: 'MIMP', ubigeo: '150101', referredAt: hoursAgo(100) }, 201)
    ).referralId;
    const older = (
      await post(`/hotline-calls/${await call(300)}/referrals`, { to: 'MIMP', ubigeo: '150101', referredAt: hoursAgo(150) }, 201)
    ).referralId;
    const recent = (await post(`/hotline-calls/${await call(3)}/referrals`, { to: 'MIMP', ubigeo: '150101', referredAt: hoursAgo(2) }, 201))
      .referralId;
    const taken = (
      await post(`/hotline-calls/${await call(200)}/referrals`, { to: 'MIMP', ubigeo: '150101', referredAt: hoursAgo(99) }, 201)
    ).referralId;
    await post(`/referrals/${taken}/accept`, { acceptedAt: hoursAgo(1) }); // by MIMP itself: a case registration may take only a PNP referral
    await t.project();
    const queue = (await t.api('protection').get('/api/v1/referrals?status=pending&olderThanHours=72&to=MIMP&department=15').expect(200))
      .body;
    expect(queue.referrals.map((r: { referralId: string }) => r.referralId)).toEqual([older, forgotten]);
    expect(queue.referrals[1].hoursWaiting).toBeGreaterThanOrEqual(99);
    const everything = (await t.api('protection').get('/api/v1/referrals?to=MIMP').expect(200)).body;
    expect(everything.referrals.map((r: { referralId: string }) => r.referralId)).toContain(recent);
    await post(`/referrals/${older}/reject`, { rejectedAt: hoursAgo(0), reason: 'Fuera de competencia' });
    await t.project();
    const after = (await t.api('protection').get('/api/v1/referrals?olderThanHours=72&to=MIMP').expect(200)).body;
    expect(after.referrals.map((r: { referralId: string }) => r.referralId)).toEqual([forgotten]);
  });
});
