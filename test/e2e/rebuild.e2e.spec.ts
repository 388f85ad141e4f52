import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ProjectionRunner } from '#event-store';
import { FieldSealer, KNOWN_EVENT_TYPES, MASTER_KEYRING, projectionOpener, type MasterKeyring } from '#platform';
import { PROJECTIONS } from '#read-models';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseRegistration, hotlineCall, prosecutorReferral, suspect, trialOpening, victim } from '../support/fixtures.js';
import { readTables } from '../support/processes.js';
import { seededRandom } from '../support/random.js';

const day = (d: number, hour = 9) => new Date(Date.UTC(2025, 0, 1 + d, hour + 5)).toISOString();

describe('rebuilding every projection from zero', () => {
  let t: TestApp;
  const post = async (path: string, body: object) => {
    const response = await t.api('admin').post(`/api/v1${path}`).send(body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const random = seededRandom(11);
    for (let i = 0; i < 40; i++) {
      const start = random.int(0, 300);
      const { callId } = await post(
        '/hotline-calls',
        hotlineCall({
          receivedAt: day(start),
          callerUbigeo: random.pick(['150101', '08', null]),
          anonymous: false,
          topic: random.pick(['trafficking', 'information']),
        }),
      );
      if (random.chance(0.3)) await post(`/hotline-calls/${callId}/classification`, { topic: 'trafficking' });
      if (random.chance(0.5)) await post(`/hotline-calls/${callId}/correction`, { callerUbigeo: '170101', reason: 'corrección' });
      const call = (await t.api('admin').get(`/api/v1/hotline-calls/${callId}`)).body;
      if (!call.traffickingRelated || random.chance(0.3)) {
        await post(`/hotline-calls/${callId}/closure`, { closedAt: day(start, 10), outcome: 'information_provided' });
        continue;
      }
      const fate = random.pick(['case', 'pending', 'reject']);
      // Only a referral to the police is answered by registering a case.
      const to = fate === 'case' ? 'PNP' : random.pick(['PNP', 'MIMP']);
      const { referralId } = await post(`/hotline-calls/${callId}/referrals`, { to, ubigeo: '1701', referredAt: day(start, 11) });
      if (fate === 'reject') await post(`/referrals/${referralId}/reject`, { rejectedAt: day(start + 1), reason: 'no corresponde' });
      if (fate !== 'case') continue;
      const suspectId = '00000000-0000-4000-8000-' + String(i).padStart(12, '0');
      const { caseId } = await post(
        '/cases',
        caseRegistration({
          registeredAt: day(start + 2),
          policeUnit: 'DIRCTPTIM',
          ubigeo: '170101',
          source: 'hotline_referral',
          referralId,
          purposes: ['sexual_exploitation'],
          victims: [victim({ age: 15, nationality: 'VE' })],
          suspects: [suspect({ suspectId })],
        }),
      );
      const { prosecutionId } = await post(`/cases/${caseId}/prosecutor-referral`, prosecutorReferral({ referredAt: day(start + 3) }));
      await post(`/prosecutions/${prosecutionId}/preliminary-investigation`, { occurredAt: day(start + 4) });
      await post(`/prosecutions/${prosecutionId}/formalization`, { occurredAt: day(start + 10) });
      await post(`/prosecutions/${prosecutionId}/accusation`, { occurredAt: day(start + 20) });
      await post('/trials', trialOpening(prosecutionId, { openedAt: day(start + 30) }));
    }
    await t.project();
  });
  afterAll(async () => t.close());

  it('reproduces every read table exactly', async () => {
    const snapshot = () =>
      readTables(
        t.db.pool,
        PROJECTIONS.flatMap((p) => p.tables),
      );
    const incremental = await snapshot();
    expect(incremental.referral_facts.length).toBeGreaterThan(5);
    expect(incremental.trial_links.length).toBeGreaterThan(0);
    expect(incremental.stat_ledger.length).toBeGreaterThan(20);
    // As the API's daemon and the CLI's rebuild run them: projections that index sealed free text get it opened.
    const open = projectionOpener(t.db.pool, t.app.get<MasterKeyring>(MASTER_KEYRING), t.app.get(FieldSealer));
    for (const projection of PROJECTIONS) {
      await new ProjectionRunner(t.db.pool, projection, { knownEventTypes: KNOWN_EVENT_TYPES, batchSize: 7, open }).rebuild();
    }
    expect(await snapshot()).toEqual(incremental);
  });
});
