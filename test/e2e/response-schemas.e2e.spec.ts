import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { accessTableOf } from '../../apps/api/src/auth/access.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseRegistration, hotlineCall, victim } from '../support/fixtures.js';
import { networkJourney } from '../support/network-journey.js';
import { operationOf, validate, type OpenApiDocument } from '../support/openapi-validate.js';

const JSON_TYPE = 'application/json';
/** Answers that are not JSON (readiness is for probes; the exports' other formats are checked in analyst-responses). */
const NOT_JSON = new Set(['GET /health']);
/** Server-sent event streams: their 2xx is documented as text/event-stream (checked below), not JSON. */
const EVENT_STREAMS = new Set(['GET /api/v1/referrals/notifications']);
const EVENT_STREAM_TYPE = 'text/event-stream';

/**
 * The console's types are generated from the OpenAPI document, so every JSON answer must be documented, and be
 * what the document says: a journey through every record type, each real answer validated against its schema.
 */
describe('response schemas: documented for every endpoint, and matching real answers', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  const problems: string[] = [];
  const checked = new Set<string>();

  /** Sends, expects the status, and validates the body against the schema documented for that status. */
  async function check(endpoint: string, status: number, send: () => request.Test): Promise<Record<string, unknown>> {
    const response = await send();
    if (response.status !== status) throw new Error(`${endpoint}: status ${response.status} ${response.text}`);
    const schema = operationOf(doc, endpoint)?.responses[String(status)]?.content?.[JSON_TYPE]?.schema;
    if (!schema) problems.push(`${endpoint} ${status}: no documented schema`);
    else problems.push(...validate(doc, schema, response.body).map((error) => `${endpoint} ${status}: ${error}`));
    checked.add(endpoint);
    return response.body as Record<string, unknown>;
  }

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await request(t.app.getHttpServer()).get('/docs-json').expect(200)).body as OpenApiDocument;
  });
  afterAll(async () => t.close());

  it('documents a JSON response schema for every endpoint of the policy', () => {
    const endpoints = [...accessTableOf(doc as unknown as { paths: Record<string, Record<string, unknown>> }).keys()];
    expect(endpoints.length).toBeGreaterThan(40);
    const missing = endpoints
      .filter((endpoint) => !NOT_JSON.has(endpoint) && !EVENT_STREAMS.has(endpoint))
      .filter((endpoint) => {
        const operation = operationOf(doc, endpoint);
        return !Object.entries(operation?.responses ?? {}).some(([status, r]) => /^2\d\d$/.test(status) && r.content?.[JSON_TYPE]?.schema);
      });
    expect(missing).toEqual([]);
    // The exception is narrow: each event stream documents a 200 of text/event-stream, with a schema and an example.
    for (const endpoint of EVENT_STREAMS) {
      const stream = operationOf(doc, endpoint)?.responses['200']?.content?.[EVENT_STREAM_TYPE] as
        { schema?: unknown; example?: unknown } | undefined;
      expect({ endpoint, schema: Boolean(stream?.schema), example: typeof stream?.example }).toEqual({
        endpoint,
        schema: true,
        example: 'string',
      });
    }
  });

  it('answers a journey through calls, referrals, cases, prosecutions, trials, audit and integrity as documented', async () => {
    const op = () => t.api('operator');
    const police = () => t.api('police');
    const call = await check('POST /api/v1/hotline-calls', 201, () =>
      op()
        .post('/api/v1/hotline-calls')
        .send(hotlineCall({ anonymous: false, topic: 'information', summary: 'Relato' })),
    );
    const callId = String(call.callId);
    await check('POST /api/v1/hotline-calls/{callId}/classification', 200, () =>
      op().post(`/api/v1/hotline-calls/${callId}/classification`).send({ topic: 'trafficking' }),
    );
    await check('POST /api/v1/hotline-calls/{callId}/correction', 200, () =>
      op().post(`/api/v1/hotline-calls/${callId}/correction`).send({ channel: 'web', reason: 'Canal' }),
    );
    const referral = await check('POST /api/v1/hotline-calls/{callId}/referrals', 201, () =>
      op().post(`/api/v1/hotline-calls/${callId}/referrals`).send({ to: 'PNP', referredAt: '2025-03-03T10:00:00-05:00', unitName: null }),
    );
    const other = await check('POST /api/v1/hotline-calls/{callId}/referrals', 201, () =>
      op().post(`/api/v1/hotline-calls/${callId}/referrals`).send({ to: 'MIMP', referredAt: '2025-03-03T10:05:00-05:00' }),
    );
    await t.project();
    await check('GET /api/v1/referrals', 200, () => op().get('/api/v1/referrals'));
    await check('GET /api/v1/hotline-calls', 200, () => op().get('/api/v1/hotline-calls'));
    for (const purpose of [undefined, 'Seguimiento']) {
      await check('GET /api/v1/hotline-calls/{callId}', 200, () =>
        purpose ? op().get(`/api/v1/hotline-calls/${callId}`).set('X-Purpose', purpose) : op().get(`/api/v1/hotline-calls/${callId}`),
      );
    }
    await check('POST /api/v1/hotline-calls/{callId}/closure', 200, () =>
      op().post(`/api/v1/hotline-calls/${callId}/closure`).send({ closedAt: '2025-03-03T11:00:00-05:00', outcome: 'referred' }),
    );
    await check('GET /api/v1/hotline-calls/{callId}', 200, () => op().get(`/api/v1/hotline-calls/${callId}`));

    const registered = await check('POST /api/v1/cases', 201, () =>
      police()
        .post('/api/v1/cases')
        .send(
          caseRegistration({
            occurredAt: null,
            policeUnit: 'DIRCTPTIM Lima',
            source: 'hotline_referral',
            referralId: referral.referralId as string,
            victims: [victim({ age: 19, nationality: 'VE', fullName: 'Nombre', documentType: 'DNI', documentNumber: '40000009' })],
          }),
        ),
    );
    const caseId = String(registered.caseId);
    await check('POST /api/v1/cases/{caseId}/victims', 200, () =>
      police()
        .post(`/api/v1/cases/${caseId}/victims`)
        .send({ victims: [{ sex: 'male', nationality: 'unknown' }] }),
    );
    const suspects = await check('POST /api/v1/cases/{caseId}/suspects', 200, () =>
      police()
        .post(`/api/v1/cases/${caseId}/suspects`)
        .send({ suspects: [{ sex: 'male', nationality: 'PE', role: null }] }),
    );
    await check('POST /api/v1/cases/{caseId}/operations', 200, () =>
      police().post(`/api/v1/cases/${caseId}/operations`).send({ conductedAt: '2025-03-06T10:00:00-05:00', rescued: 2, detained: 1 }),
    );
    await networkJourney(check, police, caseId, String((suspects.suspectIds as string[])[0]));
    // A victim's assistance: consent, then a shelter stay (sealed name and notes), read without and with a purpose.
    const assistance = `/api/v1/cases/${caseId}/victims/${(registered.victimIds as string[])[0]}/assistance`;
    for (const act of [
      { kind: 'consent', given: true },
      { kind: 'shelter_admission', shelterName: 'Hogar', notes: 'Nota' },
    ])
      await check('POST /api/v1/cases/{caseId}/victims/{victimId}/assistance', 201, () =>
        t
          .api('protection')
          .post(assistance)
          .send({ ...act, occurredAt: '2025-03-07T12:00:00-05:00' }),
      );
    for (const purpose of ['', 'Seguimiento'])
      await check('GET /api/v1/cases/{caseId}/victims/{victimId}/assistance', 200, () =>
        purpose ? t.api('protection').get(assistance).set('X-Purpose', purpose) : t.api('protection').get(assistance),
      );
    const referred = await check('POST /api/v1/cases/{caseId}/prosecutor-referral', 200, () =>
      police()
        .post(`/api/v1/cases/${caseId}/prosecutor-referral`)
        .send({ referredAt: '2025-03-07T10:00:00-05:00', office: 'FISTRAP Lima' }),
    );
    const prosecutionId = String(referred.prosecutionId);
    const victimReferral = await check('POST /api/v1/cases/{caseId}/referrals', 201, () =>
      police()
        .post(`/api/v1/cases/${caseId}/referrals`)
        .send({ to: 'SHELTER', referredAt: '2025-03-07T11:00:00-05:00', victimId: (registered.victimIds as string[])[0] }),
    );
    await check('POST /api/v1/referrals/{referralId}/accept', 200, () =>
      t.api('protection').post(`/api/v1/referrals/${victimReferral.referralId}/accept`).send({ acceptedAt: '2025-03-07T12:00:00-05:00' }),
    );
    await check('POST /api/v1/referrals/{referralId}/complete', 200, () =>
      t
        .api('protection')
        .post(`/api/v1/referrals/${victimReferral.referralId}/complete`)
        .send({ completedAt: '2025-03-08T12:00:00-05:00', successful: true }),
    );
    await check('POST /api/v1/referrals/{referralId}/reject', 200, () =>
      t
        .api('protection')
        .post(`/api/v1/referrals/${other.referralId}/reject`)
        .send({ rejectedAt: '2025-03-04T12:00:00-05:00', reason: 'Fuera de competencia' }),
    );
    for (const id of [referral.referralId, victimReferral.referralId, other.referralId]) {
      await check('GET /api/v1/referrals/{referralId}', 200, () => t.api('admin').get(`/api/v1/referrals/${id}`));
    }
    const revocable = await check('POST /api/v1/cases/{caseId}/referrals', 201, () =>
      police().post(`/api/v1/cases/${caseId}/referrals`).send({ to: 'DEMUNA', referredAt: '2025-03-07T11:00:00-05:00' }),
    );
    await check('POST /api/v1/referrals/{referralId}/revoke', 200, () =>
      police()
        .post(`/api/v1/referrals/${revocable.referralId}/revoke`)
        .send({ revokedAt: '2025-03-07T13:00:00-05:00', reason: 'Duplicada' }),
    );
    await check('GET /api/v1/referrals/{referralId}', 200, () => police().get(`/api/v1/referrals/${revocable.referralId}`));
    await check('GET /api/v1/referrals/{referralId}', 200, () => police().get(`/api/v1/referrals/${victimReferral.referralId}`)); // shelter details withheld

    const prosecutor = () => t.api('prosecutor');
    for (const stage of ['preliminary-investigation', 'formalization', 'accusation']) {
      await check('POST /api/v1/prosecutions/{prosecutionId}/{stage}', 200, () =>
        prosecutor().post(`/api/v1/prosecutions/${prosecutionId}/${stage}`).send({ occurredAt: '2025-03-10T10:00:00-05:00' }),
      );
      await check('GET /api/v1/prosecutions/{prosecutionId}', 200, () => prosecutor().get(`/api/v1/prosecutions/${prosecutionId}`));
    }
    const protectedVictim = (registered.victimIds as string[])[0];
    await check('POST /api/v1/prosecutions/{prosecutionId}/protection-measures', 201, () =>
      prosecutor().post(`/api/v1/prosecutions/${prosecutionId}/protection-measures`).send({
        protectedPerson: 'witness',
        witnessReference: 'TR-01',
        measure: 'identity_reserve',
        grantedAt: '2025-03-12T10:00:00-05:00',
      }),
    );
    await check('POST /api/v1/prosecutions/{prosecutionId}/gesell-interviews', 201, () =>
      prosecutor()
        .post(`/api/v1/prosecutions/${prosecutionId}/gesell-interviews`)
        .send({ victimId: protectedVictim, heldAt: '2025-03-12T11:00:00-05:00' }),
    );
    await check('GET /api/v1/prosecutions/{prosecutionId}/protection', 200, () =>
      prosecutor().get(`/api/v1/prosecutions/${prosecutionId}/protection`),
    );
    const trial = await check('POST /api/v1/trials', 201, () =>
      t.api('judiciary').post('/api/v1/trials').send({ prosecutionId, openedAt: '2025-03-11T10:00:00-05:00', court: 'Juzgado Penal' }),
    );
    const trialId = String(trial.trialId);
    const judge = () => t.api('judiciary');
    await check('GET /api/v1/trials/{trialId}', 200, () => judge().get(`/api/v1/trials/${trialId}`));
    await check('POST /api/v1/trials/{trialId}/rulings', 200, () =>
      judge()
        .post(`/api/v1/trials/${trialId}/rulings`)
        .send({ ruledAt: '2025-04-01T10:00:00-05:00', verdict: 'conviction', sentenceYears: 12, defendants: suspects.suspectIds }),
    );
    await check('POST /api/v1/trials/{trialId}/appeals', 200, () =>
      judge().post(`/api/v1/trials/${trialId}/appeals`).send({ appealedAt: '2025-04-02T10:00:00-05:00' }),
    );
    await check('GET /api/v1/trials/{trialId}', 200, () => judge().get(`/api/v1/trials/${trialId}`));
    await check('POST /api/v1/trials/{trialId}/rulings', 200, () =>
      judge()
        .post(`/api/v1/trials/${trialId}/rulings`)
        .send({ ruledAt: '2025-05-01T10:00:00-05:00', verdict: 'conviction', sentenceYears: 10, defendants: suspects.suspectIds }),
    );
    await check('POST /api/v1/trials/{trialId}/finality', 200, () =>
      judge().post(`/api/v1/trials/${trialId}/finality`).send({ finalAt: '2025-05-20T10:00:00-05:00' }),
    );
    await check('GET /api/v1/trials/{trialId}', 200, () => judge().get(`/api/v1/trials/${trialId}`));

    for (const [role, purpose] of [
      ['police', 'Atención'],
      ['police', undefined],
      ['judiciary', 'Juicio'],
    ] as const) {
      await check('GET /api/v1/cases/{caseId}', 200, () =>
        purpose ? t.api(role).get(`/api/v1/cases/${caseId}`).set('X-Purpose', purpose) : t.api(role).get(`/api/v1/cases/${caseId}`),
      );
    }
    await t.project();
    await check('GET /api/v1/cases', 200, () => police().get('/api/v1/cases'));
    await check('POST /api/v1/cases/search', 200, () =>
      police().post('/api/v1/cases/search').send({ documentType: 'DNI', documentNumber: '40000009', purpose: 'Verificar' }),
    );
    await check('GET /api/v1/cases/{caseId}/timeline', 200, () => police().get(`/api/v1/cases/${caseId}/timeline`));
    await check('POST /api/v1/cases/{caseId}/closure', 200, () =>
      police().post(`/api/v1/cases/${caseId}/closure`).send({ closedAt: '2025-06-01T10:00:00-05:00', reason: 'Sentencia firme' }),
    );
    await check('GET /api/v1/cases/{caseId}', 200, () => police().get(`/api/v1/cases/${caseId}`).set('X-Purpose', 'Cierre'));
    const asked = await check('POST /api/v1/subjects/{subjectId}/erasure-requests', 201, () =>
      t.api('admin').post(`/api/v1/subjects/${callId}/erasure-requests`).send({ reason: 'Ley 29733, art. 20' }),
    );
    await check('POST /api/v1/erasure-requests/{requestId}/approval', 200, () =>
      request(t.app.getHttpServer())
        .post(`/api/v1/erasure-requests/${String(asked.requestId)}/approval`)
        .set('Authorization', `Bearer ${t.token('admin', { subject: 'second-admin' })}`),
    );
    await check('GET /api/v1/hotline-calls/{callId}', 200, () =>
      op().get(`/api/v1/hotline-calls/${callId}`).set('X-Purpose', 'Verificar supresión'),
    );

    await check('GET /api/v1/audit', 200, () => t.api('auditor').get('/api/v1/audit'));
    const verification = await check('POST /api/v1/integrity/verifications', 202, () =>
      t.api('auditor').post('/api/v1/integrity/verifications'),
    );
    await check('POST /api/v1/integrity/anchors', 201, () => t.api('auditor').post('/api/v1/integrity/anchors'));
    const verificationPath = `/api/v1/integrity/verifications/${String(verification.verificationId)}`;
    let job = await check('GET /api/v1/integrity/verifications/{verificationId}', 200, () => t.api('auditor').get(verificationPath));
    while (job.status === 'running')
      job = await check('GET /api/v1/integrity/verifications/{verificationId}', 200, () => t.api('auditor').get(verificationPath));
    expect(job.status).toBe('done');
    await check('GET /api/v1/integrity/verifications', 200, () => t.api('auditor').get('/api/v1/integrity/verifications'));
    await check('GET /api/v1/me', 200, () => t.api('judiciary').get('/api/v1/me'));

    expect(problems).toEqual([]);
    expect(checked.size).toBeGreaterThanOrEqual(35);
  });
});
