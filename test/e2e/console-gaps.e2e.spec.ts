import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/app.js';
import { callReferral, caseRegistration, hotlineCall, prosecutorReferral, ruling, suspect, trialOpening } from '../support/fixtures.js';

/** What the console needed and had no endpoint for: a prosecution's trial, English milestone labels, hotline figures of one department, each institution's own queue. */
describe('gaps found by the console', () => {
  let t: TestApp;
  const referralTo: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const call = async (ubigeo: string) =>
      (
        await t
          .api('operator')
          .post('/api/v1/hotline-calls')
          .send(hotlineCall({ callerUbigeo: ubigeo }))
          .expect(201)
      ).body.callId as string;
    const cusco = await call('080101');
    await call('150101');
    for (const to of ['PNP', 'MINISTERIO_PUBLICO', 'SHELTER', 'OTHER']) {
      referralTo[to] = (
        await t
          .api('operator')
          .post(`/api/v1/hotline-calls/${cusco}/referrals`)
          .send(callReferral({ to, referredAt: '2025-03-03T10:00:00-05:00' }))
          .expect(201)
      ).body.referralId;
    }
    await t.project();
  });
  afterAll(async () => t.close());

  it('lists to police, prosecutors and protection services only the referrals addressed to them; operators and admins see all', async () => {
    const queue = async (role: 'operator' | 'police' | 'prosecutor' | 'protection' | 'admin') =>
      (await t.api(role).get('/api/v1/referrals').expect(200)).body.referrals.map((r: { destination: string }) => r.destination).sort();
    expect(await queue('police')).toEqual(['PNP']);
    expect(await queue('prosecutor')).toEqual(['MINISTERIO_PUBLICO']);
    expect(await queue('protection')).toEqual(['OTHER', 'SHELTER']);
    expect(await queue('operator')).toEqual(['MINISTERIO_PUBLICO', 'OTHER', 'PNP', 'SHELTER']);
    expect(await queue('admin')).toEqual(['MINISTERIO_PUBLICO', 'OTHER', 'PNP', 'SHELTER']);
    expect((await t.api('police').get('/api/v1/referrals?to=SHELTER').expect(200)).body.referrals).toEqual([]);
  });

  it("counts hotline calls of one department, refusing an unknown one (400) and another region's (403)", async () => {
    const stats = (query: string, role: 'admin' | 'operator' = 'admin', departments: string[] = []) =>
      t.api(role, departments).get(`/api/v1/statistics/hotline?from=2025-01&to=2025-12&${query}`);
    expect((await stats('department=08').expect(200)).body.total.received).toBe(1);
    expect((await stats('department=08&by=department').expect(200)).body.groups.map((g: { key: string }) => g.key)).toEqual(['08']);
    expect((await stats('').expect(200)).body.total.received).toBe(2);
    expect((await stats('department=08', 'operator', ['08']).expect(200)).body.total.received).toBe(1);
    const other = await stats('department=15', 'operator', ['08']).expect(403);
    expect(other.body.fields).toEqual([expect.objectContaining({ field: 'department' })]);
    for (const bad of ['department=99', 'department=8'])
      expect((await stats(bad).expect(400)).body.fields).toEqual([expect.objectContaining({ field: 'department' })]);
  });

  it('answers a prosecution with the trial that judges it, and milestones with an English label', async () => {
    const { caseId, suspectIds } = (
      await t
        .api('police')
        .post('/api/v1/cases')
        .send(
          caseRegistration({
            policeUnit: 'DIRCTPTIM Cusco',
            ubigeo: '080101',
            purposes: [],
            victims: [],
            suspects: [suspect()],
          }),
        )
        .expect(201)
    ).body;
    const { prosecutionId } = (
      await t.api('police').post(`/api/v1/cases/${caseId}/prosecutor-referral`).send(prosecutorReferral()).expect(200)
    ).body;
    expect((await t.api('prosecutor').get(`/api/v1/prosecutions/${prosecutionId}`).expect(200)).body.trialId).toBeNull();
    for (const stage of ['preliminary-investigation', 'formalization', 'accusation']) {
      await t
        .api('prosecutor')
        .post(`/api/v1/prosecutions/${prosecutionId}/${stage}`)
        .send({ occurredAt: '2025-03-10T10:00:00-05:00' })
        .expect(200);
    }
    const { trialId } = (await t.api('judiciary').post('/api/v1/trials').send(trialOpening(prosecutionId)).expect(201)).body;
    await t.api('judiciary').post(`/api/v1/trials/${trialId}/rulings`).send(ruling(suspectIds)).expect(200);
    await t.project();
    expect((await t.api('judiciary').get(`/api/v1/prosecutions/${prosecutionId}`).expect(200)).body).toMatchObject({
      prosecutionId,
      status: 'accused',
      trialId,
    });

    const milestones = (await t.api('police').get(`/api/v1/cases/${caseId}/timeline`).expect(200)).body.milestones as Array<{
      label: string;
      labelEn: string;
    }>;
    expect(milestones.map((m) => [m.label, m.labelEn])).toEqual(
      expect.arrayContaining([
        ['Denuncia registrada', 'Denunciation registered'],
        ['Acusación', 'Accusation'],
        ['Inicio del juicio', 'Trial opened'],
        ['Sentencia', 'Ruling'],
      ]),
    );
    expect(milestones.every((m) => m.labelEn.length > 0)).toBe(true);
  });
});
