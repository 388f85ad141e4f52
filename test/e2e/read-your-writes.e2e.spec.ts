import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../support/app.js';
import { callReferral, caseRegistration, hotlineCall, prosecutorReferral, victim, type HotlineCallBody } from '../support/fixtures.js';

const call = (overrides: Partial<HotlineCallBody> = {}) => hotlineCall({ callId: randomUUID(), callerUbigeo: '170101', ...overrides });
const headPosition = async (t: TestApp) => Number((await t.db.pool.query('SELECT max(global_position) AS p FROM events')).rows[0].p);

describe('read-your-writes: position on commands, minPosition on reads (projections on demand)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ READ_YOUR_WRITES_WAIT_MS: '300' });
  });
  afterAll(async () => t.close());

  it('answers every command with the global position of its last event, the original one on a retry, the highest across streams', async () => {
    const body = call();
    const created = (await t.api('operator').post('/api/v1/hotline-calls').send(body).expect(201)).body;
    expect(created.position).toBe(await headPosition(t));
    expect((await t.api('operator').post('/api/v1/hotline-calls').send(body).expect(201)).body.position).toBe(created.position);
    const noop = await t
      .api('operator')
      .post(`/api/v1/hotline-calls/${body.callId}/classification`)
      .send({ topic: 'trafficking' })
      .expect(200);
    expect(noop.body).toEqual({ callId: body.callId, version: 1, position: created.position });
    const referral = (
      await t
        .api('operator')
        .post(`/api/v1/hotline-calls/${body.callId}/referrals`)
        .send(callReferral({ ubigeo: '170101' }))
        .expect(201)
    ).body;
    expect(referral.position).toBe(await headPosition(t));
    const registered = (
      await t
        .api('police')
        .post('/api/v1/cases')
        .send(
          caseRegistration({
            policeUnit: 'DIRCTPTIM Madre de Dios',
            ubigeo: '170101',
            source: 'hotline_referral',
            referralId: referral.referralId,
            purposes: ['sexual_exploitation'],
            victims: [victim({ age: 16 })],
          }),
        )
        .expect(201)
    ).body;
    // The case's events, then the referral's acceptance: the answer names the acceptance, the last of them.
    const acceptance = await t.db.pool.query(
      "SELECT global_position FROM events WHERE event_type = 'ReferralAccepted' AND data->>'referralId' = $1",
      [referral.referralId],
    );
    expect(registered.position).toBe(Number(acceptance.rows[0].global_position));
    const sent = (
      await t
        .api('police')
        .post(`/api/v1/cases/${registered.caseId}/prosecutor-referral`)
        .send(prosecutorReferral({ referredAt: '2025-03-10T09:00:00-05:00', office: 'FISTRAP Madre de Dios' }))
        .expect(200)
    ).body;
    expect(sent.position).toBe(await headPosition(t));
    const stage = (
      await t
        .api('prosecutor')
        .post(`/api/v1/prosecutions/${sent.prosecutionId}/preliminary-investigation`)
        .send({ occurredAt: '2025-03-12T09:00:00-05:00' })
        .expect(200)
    ).body;
    expect(stage).toEqual({ prosecutionId: sent.prosecutionId, version: 2, position: await headPosition(t) });
  });

  it('waits for minPosition, and answers 409 position_not_reached when the projections stay behind or the position is past the head', async () => {
    const { position } = (await t.api('operator').post('/api/v1/hotline-calls').send(call()).expect(201)).body;
    const behind = await t
      .api('operator')
      .get(`/api/v1/statistics/hotline?from=2025-03&to=2025-03&minPosition=${position}`)
      .set('Accept-Language', 'en')
      .expect(409);
    expect(behind.body).toMatchObject({ code: 'position_not_reached', fields: [{ field: 'minPosition', reason: 'not reached yet' }] });
    await t.project();
    const fresh = await t.api('operator').get(`/api/v1/statistics/hotline?from=2025-03&to=2025-03&minPosition=${position}`).expect(200);
    expect(fresh.body.total.received).toBeGreaterThan(0);
    for (const path of [
      '/api/v1/referrals',
      '/api/v1/statistics/referrals?from=2025-03&to=2025-03',
      '/api/v1/statistics/monthly?year=2025&month=3',
    ]) {
      const sep = path.includes('?') ? '&' : '?';
      await t.api('admin').get(`${path}${sep}minPosition=${position}`).expect(200);
      const beyond = await t
        .api('admin')
        .get(`${path}${sep}minPosition=${position + 1000}`)
        .expect(409);
      expect(beyond.body).toMatchObject({
        code: 'position_not_reached',
        fields: [{ field: 'minPosition', reason: 'no es la posición de un evento del registro' }],
      });
    }
  });

  it('refuses a minPosition that is not a non-negative integer, naming it', async () => {
    for (const bad of ['-1', 'abc', '1.5']) {
      const response = await t.api('operator').get(`/api/v1/statistics/hotline?minPosition=${bad}`).expect(400);
      expect(response.body.fields.map((f: { field: string }) => f.field)).toEqual(['minPosition']);
    }
  });
});

describe('read-your-writes with the projections running in the process', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RUN_PROJECTIONS: 'true' });
  });
  afterAll(async () => t.close());

  // How fast is measured by the benchmark (npm run bench, docs/performance.md), not asserted here.
  it('counts a saved call in the very next statistics read that names its position', async () => {
    await t.api('operator').get('/api/v1/statistics/hotline?from=2025-04&to=2025-04').expect(200);
    for (let i = 0; i < 5; i++) {
      const { position } = (
        await t
          .api('operator')
          .post('/api/v1/hotline-calls')
          .send(call({ receivedAt: '2025-04-03T09:00:00-05:00' }))
          .expect(201)
      ).body;
      const read = await t.api('operator').get(`/api/v1/statistics/hotline?from=2025-04&to=2025-04&minPosition=${position}`).expect(200);
      expect(read.body.total.received).toBe(i + 1);
    }
  });
});
