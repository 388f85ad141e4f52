import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { runCli } from '../../apps/cli/src/main.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { captureIO } from '../support/capture-io.js';
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

const TEXTS = {
  classification: 'La tía de Rosa Huamán pidió que no se la llame',
  correction: 'La llamante Rosa Huamán corrigió el distrito',
  shelter: 'Hogar Santa Rosa de Lima Norte',
  rejection: 'Rosa Huamán ya está en otro albergue',
  revocation: 'Duplicada con la de Juan Quispe',
  archive: 'Juan Quispe no fue ubicado',
  appellant: 'Defensa de Juan Quispe Mamani',
  closure: 'Archivada tras la denuncia de Rosa Huamán',
  office: 'Fiscalía Provincial Especializada de Quispicanchi',
  court: 'Juzgado Penal Colegiado de Quispicanchi',
  policeUnit: 'Comisaría Sectorial Huancaro',
};

/** Security issue, item 5: free text enters the append-only log sealed, and reads back clear to those who may read it. */
describe('free text sealed in the log', () => {
  let t: TestApp;
  const masterKey = randomBytes(32).toString('base64');
  beforeAll(async () => {
    t = await createTestApp({ MASTER_KEY: masterKey });
  });
  afterAll(async () => t.close());

  const rawLog = async () =>
    (await t.db.pool.query('SELECT data::text AS data, metadata::text AS metadata FROM events')).rows
      .map((r: { data: string; metadata: string }) => `${r.data}\n${r.metadata}`)
      .join('\n');

  it('seals reasons, shelter names and appellants; the API answers them clear', async () => {
    const callId = (
      await t
        .api('operator')
        .post('/api/v1/hotline-calls')
        .send(hotlineCall({ receivedAt: hoursAgo(100), callerUbigeo: '080101', topic: 'other' }))
        .expect(201)
    ).body.callId;
    await t
      .api('operator')
      .post(`/api/v1/hotline-calls/${callId}/classification`)
      .send({ topic: 'trafficking', reason: TEXTS.classification })
      .expect(200);
    await t
      .api('operator')
      .post(`/api/v1/hotline-calls/${callId}/correction`)
      .send({ callerUbigeo: '080102', reason: TEXTS.correction })
      .expect(200);
    const toShelter = (
      await t
        .api('operator')
        .post(`/api/v1/hotline-calls/${callId}/referrals`)
        .send(callReferral({ to: 'SHELTER', referredAt: hoursAgo(90), ubigeo: '080101', unitName: TEXTS.shelter }))
        .expect(201)
    ).body.referralId;
    await t
      .api('protection')
      .post(`/api/v1/referrals/${toShelter}/reject`)
      .send({ rejectedAt: hoursAgo(80), reason: TEXTS.rejection })
      .expect(200);
    const toPolice = (
      await t
        .api('operator')
        .post(`/api/v1/hotline-calls/${callId}/referrals`)
        .send(callReferral({ referredAt: hoursAgo(90), ubigeo: '080101' }))
        .expect(201)
    ).body.referralId;
    await t
      .api('operator')
      .post(`/api/v1/referrals/${toPolice}/revoke`)
      .send({ revokedAt: hoursAgo(70), reason: TEXTS.revocation })
      .expect(200);

    const { caseId, suspectIds } = (
      await t
        .api('police')
        .post('/api/v1/cases')
        .send(
          caseRegistration({
            registeredAt: hoursAgo(60),
            policeUnit: TEXTS.policeUnit,
            ubigeo: '080101',
            suspects: [suspect({ role: null })],
          }),
        )
        .expect(201)
    ).body;
    const { prosecutionId } = (
      await t
        .api('police')
        .post(`/api/v1/cases/${caseId}/prosecutor-referral`)
        .send(prosecutorReferral({ referredAt: hoursAgo(50), office: TEXTS.office }))
        .expect(200)
    ).body;
    await t
      .api('prosecutor')
      .post(`/api/v1/prosecutions/${prosecutionId}/preliminary-investigation`)
      .send({ occurredAt: hoursAgo(49) })
      .expect(200);
    await t
      .api('prosecutor')
      .post(`/api/v1/prosecutions/${prosecutionId}/formalization`)
      .send({ occurredAt: hoursAgo(48) })
      .expect(200);
    await t
      .api('prosecutor')
      .post(`/api/v1/prosecutions/${prosecutionId}/accusation`)
      .send({ occurredAt: hoursAgo(47) })
      .expect(200);
    const { trialId } = (
      await t
        .api('judiciary')
        .post('/api/v1/trials')
        .send(trialOpening(prosecutionId, { openedAt: hoursAgo(46), court: TEXTS.court }))
        .expect(201)
    ).body;
    await t
      .api('judiciary')
      .post(`/api/v1/trials/${trialId}/rulings`)
      .send(ruling(suspectIds, { ruledAt: hoursAgo(45), sentenceYears: 12 }))
      .expect(200);
    await t
      .api('judiciary')
      .post(`/api/v1/trials/${trialId}/appeals`)
      .send({ appealedAt: hoursAgo(44), appellant: TEXTS.appellant })
      .expect(200);
    await t
      .api('police')
      .post(`/api/v1/cases/${caseId}/closure`)
      .send({ closedAt: hoursAgo(43), reason: TEXTS.closure })
      .expect(200);

    const other = (
      await t
        .api('police')
        .post('/api/v1/cases')
        .send(
          caseRegistration({
            registeredAt: hoursAgo(60),
            policeUnit: 'Comisaría Cusco',
            ubigeo: '080101',
            purposes: ['sexual_exploitation'],
            victims: [victim({ age: 20 })],
          }),
        )
        .expect(201)
    ).body.caseId;
    const archived = (
      await t
        .api('police')
        .post(`/api/v1/cases/${other}/prosecutor-referral`)
        .send(prosecutorReferral({ referredAt: hoursAgo(50), office: 'FISTRAP Cusco' }))
        .expect(200)
    ).body.prosecutionId;
    await t
      .api('prosecutor')
      .post(`/api/v1/prosecutions/${archived}/preliminary-investigation`)
      .send({ occurredAt: hoursAgo(49) })
      .expect(200);
    await t
      .api('prosecutor')
      .post(`/api/v1/prosecutions/${archived}/archive`)
      .send({ occurredAt: hoursAgo(48), reason: TEXTS.archive })
      .expect(200);

    const log = await rawLog();
    for (const [what, text] of Object.entries(TEXTS)) {
      expect({ what, inClear: log.includes(text) }).toEqual({ what, inClear: false });
      for (const word of ['Huamán', 'Quispe', 'Santa Rosa', 'Quispicanchi', 'Huancaro']) expect(log).not.toContain(word);
    }

    const shelter = (await t.api('protection').get(`/api/v1/referrals/${toShelter}`).expect(200)).body;
    expect(shelter).toMatchObject({ unitName: TEXTS.shelter, status: 'rejected', reason: TEXTS.rejection });
    expect((await t.api('operator').get(`/api/v1/referrals/${toPolice}`).expect(200)).body).toMatchObject({
      status: 'revoked',
      reason: TEXTS.revocation,
    });
    expect(JSON.stringify((await t.api('prosecutor').get(`/api/v1/prosecutions/${archived}`).expect(200)).body)).toContain(TEXTS.archive);
    expect(JSON.stringify((await t.api('judiciary').get(`/api/v1/trials/${trialId}`).expect(200)).body)).toContain(TEXTS.appellant);
    expect((await t.api('judiciary').get(`/api/v1/trials/${trialId}`).expect(200)).body.court).toBe(TEXTS.court);
    expect((await t.api('prosecutor').get(`/api/v1/prosecutions/${prosecutionId}`).expect(200)).body.office).toBe(TEXTS.office);
    expect(JSON.stringify((await t.api('police').get(`/api/v1/cases/${caseId}`).expect(200)).body)).toContain(TEXTS.closure);
    expect((await t.api('police').get(`/api/v1/cases/${caseId}`).expect(200)).body.policeUnit).toBe(TEXTS.policeUnit);

    // The case list shows and searches the police unit: its projection opens the sealed text (as does a rebuild).
    await t.project();
    const listed = (await t.api('police').get('/api/v1/cases').query({ policeUnit: 'huancaro' }).expect(200)).body.items;
    expect(listed.map((c: { caseId: string; policeUnit: string }) => [c.caseId, c.policeUnit])).toEqual([[caseId, TEXTS.policeUnit]]);
    const rebuilt = captureIO();
    expect(
      await runCli(['rebuild', '--projection', 'case-list'], rebuilt.io, {
        DATABASE_URL: t.db.url,
        MASTER_KEY: masterKey,
        AUTH_JWT_SECRET: t.secret,
      }),
    ).toBe(0);
    const again = (await t.api('police').get('/api/v1/cases').query({ policeUnit: 'huancaro' }).expect(200)).body.items;
    expect(again.map((c: { policeUnit: string }) => c.policeUnit)).toEqual([TEXTS.policeUnit]);
  });

  it('keeps the retried command idempotent: the same sealed text, no second event', async () => {
    const callId = (
      await t
        .api('operator')
        .post('/api/v1/hotline-calls')
        .send(hotlineCall({ receivedAt: hoursAgo(10), callerUbigeo: '080101', topic: 'other' }))
        .expect(201)
    ).body.callId;
    const classify = () =>
      t
        .api('operator')
        .post(`/api/v1/hotline-calls/${callId}/classification`)
        .set('Idempotency-Key', `classify-${callId}`)
        .send({ topic: 'trafficking', reason: TEXTS.classification });
    const first = (await classify().expect(200)).body;
    const again = (await classify().expect(200)).body;
    expect(again.version).toBe(first.version);
    const { rows } = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM events WHERE event_type = 'HotlineCallClassified' AND data->>'callId' = $1",
      [callId],
    );
    expect(rows[0].n).toBe(1);
  });
});
