import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/app.js';
import { countEvents } from '../support/database.js';
import { callReferral, hotlineCall, hoursAgo } from '../support/fixtures.js';

interface QueueRow {
  referralId: string;
  destination: string;
  referredAt: string;
  deadlineAt: string;
  overdue: boolean;
  acceptedAt: string | null;
  answeredLate: boolean | null;
}

const minutesAgo = (minutes: number) => hoursAgo(minutes / 60);
const plusMinutes = (instant: string, minutes: number) => new Date(Date.parse(instant) + minutes * 60_000).toISOString();

/** Issue 14, item 2: a deadline per destination (REFERRAL_DEADLINES), overdue first, and the accepted queue. */
describe('referral deadlines and queues', () => {
  let t: TestApp;
  // MIMP's deadline shortened to 2 h: the queue must follow the setting, not the 72 h default.
  beforeAll(async () => {
    t = await createTestApp({ REFERRAL_DEADLINES: 'MIMP=2h' });
  });
  afterAll(async () => t.close());

  const refer = async (to: string, referredAt: string, receivedAt = plusMinutes(referredAt, -60)) => {
    const callId = (await t.api('operator').post('/api/v1/hotline-calls').send(hotlineCall({ receivedAt })).expect(201)).body.callId;
    return (
      await t
        .api('operator')
        .post(`/api/v1/hotline-calls/${callId}/referrals`)
        .send(callReferral({ to, referredAt, ubigeo: '150101' }))
        .expect(201)
    ).body.referralId as string;
  };
  const queue = async (path: string, ids: readonly string[]): Promise<QueueRow[]> =>
    ((await t.api('admin').get(path).expect(200)).body.referrals as QueueRow[]).filter((r) => ids.includes(r.referralId));

  it('lists the pending referrals overdue first, the most overdue first, each with its deadline', async () => {
    const police = minutesAgo(24 * 60 + 2); // 2 minutes past the police's 24 h
    const policeInTime = minutesAgo(24 * 60 - 2); // 2 minutes before
    const mimp = minutesAgo(3 * 60); // past MIMP's configured 2 h (within the 72 h default)
    const shelter = minutesAgo(70 * 60); // the oldest, within the shelter's 72 h
    const ids = {
      police: await refer('PNP', police),
      policeInTime: await refer('PNP', policeInTime),
      mimp: await refer('MIMP', mimp),
      shelter: await refer('SHELTER', shelter),
    };
    await t.project();
    const rows = await queue('/api/v1/referrals', Object.values(ids));
    expect(rows.map((r) => r.referralId)).toEqual([ids.mimp, ids.police, ids.policeInTime, ids.shelter]);
    expect(rows.map((r) => r.overdue)).toEqual([true, true, false, false]);
    const byId = new Map(rows.map((r) => [r.referralId, r]));
    expect(byId.get(ids.police)!.deadlineAt).toBe(plusMinutes(police, 24 * 60));
    expect(byId.get(ids.mimp)!.deadlineAt).toBe(plusMinutes(mimp, 2 * 60));
    expect(byId.get(ids.shelter)!.deadlineAt).toBe(plusMinutes(shelter, 72 * 60));
    expect(rows.every((r) => r.acceptedAt === null && r.answeredLate === null)).toBe(true);
    // The police see their own queue in the same order, the prosecutor's and the others' referrals left out.
    const police2 = ((await t.api('police').get('/api/v1/referrals').expect(200)).body.referrals as QueueRow[]).filter((r) =>
      Object.values(ids).includes(r.referralId),
    );
    expect(police2.map((r) => r.referralId)).toEqual([ids.police, ids.policeInTime]);
  });

  it('counts an answer just after the deadline as late, across a month end in Lima time, and one exactly at it as on time', async () => {
    // Sent 30 s before midnight of 31 March in Lima: the police's deadline is 1 April 23:59:30 Lima (04:59:30 UTC on the 2nd).
    const referredAt = '2025-03-31T23:59:30-05:00';
    const late = await refer('PNP', referredAt);
    const onTime = await refer('PNP', referredAt);
    const completed = await refer('PNP', referredAt);
    const answer = (id: string, action: string, body: object) =>
      t.api('police').post(`/api/v1/referrals/${id}/${action}`).send(body).expect(200);
    await answer(onTime, 'accept', { acceptedAt: '2025-04-01T23:59:30-05:00' });
    await answer(late, 'accept', { acceptedAt: '2025-04-01T23:59:31-05:00' });
    await answer(completed, 'accept', { acceptedAt: '2025-04-01T10:00:00-05:00' });
    await answer(completed, 'complete', { completedAt: '2025-04-02T10:00:00-05:00', successful: true });
    await t.project();
    const rows = await queue('/api/v1/referrals?status=accepted', [late, onTime, completed]);
    // Accepted and never completed, oldest acceptance first; the completed one is in no queue.
    expect(rows.map((r) => [r.referralId, r.answeredLate, r.overdue])).toEqual([
      [onTime, false, false],
      [late, true, false],
    ]);
    expect(rows.map((r) => r.deadlineAt)).toEqual(['2025-04-02T04:59:30.000Z', '2025-04-02T04:59:30.000Z']);
    expect(rows.map((r) => r.acceptedAt)).toEqual(['2025-04-02T04:59:30.000Z', '2025-04-02T04:59:31.000Z']);
    expect(await queue('/api/v1/referrals', [late, onTime, completed])).toEqual([]);
  });

  it('keeps olderThanHours for the accepted queue on the acceptance', async () => {
    const id = await refer('PNP', minutesAgo(10 * 60));
    await t
      .api('police')
      .post(`/api/v1/referrals/${id}/accept`)
      .send({ acceptedAt: minutesAgo(5 * 60) })
      .expect(200);
    await t.project();
    expect((await queue('/api/v1/referrals?status=accepted&olderThanHours=4', [id])).map((r) => r.referralId)).toEqual([id]);
    expect(await queue('/api/v1/referrals?status=accepted&olderThanHours=6', [id])).toEqual([]);
  });

  it('records the deadline in force on the referral: the configured one, or one given; a later setting moves none', async () => {
    const configured = await refer('MIMP', minutesAgo(30));
    const callId = (
      await t
        .api('operator')
        .post('/api/v1/hotline-calls')
        .send(hotlineCall({ receivedAt: minutesAgo(90) }))
        .expect(201)
    ).body.callId;
    const referredAt = minutesAgo(45);
    const given = (
      await t
        .api('operator')
        .post(`/api/v1/hotline-calls/${callId}/referrals`)
        .send(callReferral({ to: 'PNP', referredAt, ubigeo: '150101', deadlineMinutes: 40 }))
        .expect(201)
    ).body.referralId as string;
    expect((await t.api('admin').get(`/api/v1/referrals/${configured}`).expect(200)).body.deadlineMinutes).toBe(120);
    expect((await t.api('admin').get(`/api/v1/referrals/${given}`).expect(200)).body.deadlineMinutes).toBe(40);
    await t.project();
    const [row] = await queue('/api/v1/referrals', [given]);
    expect(row.deadlineAt).toBe(plusMinutes(referredAt, 40));
    expect(row.overdue).toBe(true);
  });

  it.each([0, -5, 1.5, '60', 365 * 24 * 60 + 1])(
    'refuses the deadline %p with a 400 naming deadlineMinutes, appending nothing',
    async (deadlineMinutes) => {
      const callId = (
        await t
          .api('operator')
          .post('/api/v1/hotline-calls')
          .send(hotlineCall({ receivedAt: minutesAgo(90) }))
          .expect(201)
      ).body.callId;
      const before = await countEvents(t.db.pool);
      const res = await t
        .api('operator')
        .post(`/api/v1/hotline-calls/${callId}/referrals`)
        .send({ ...callReferral({ to: 'PNP', referredAt: minutesAgo(30) }), deadlineMinutes });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('deadlineMinutes');
      expect(await countEvents(t.db.pool)).toBe(before);
    },
  );

  it('answers an unknown queue with a 400 naming status', async () => {
    const res = await t.api('admin').get('/api/v1/referrals?status=completed');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('status');
  });
});
