import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomUUID } from 'node:crypto';
import { runAs } from '../../apps/api/src/auth/request-context.js';
import { CommandService } from '../../apps/api/src/shared/command-service.js';
import type { Actor } from '#platform';
import { createTestApp, type TestApp } from '../support/app.js';
import {
  caseRegistration,
  hotlineCall,
  hoursAgo,
  prosecutorReferral,
  suspect,
  trialOpening,
  victim,
  type CaseRegistrationBody,
} from '../support/fixtures.js';

const newCase = (ubigeo: string, extra: Partial<CaseRegistrationBody> = {}) =>
  caseRegistration({ registeredAt: hoursAgo(48), ubigeo, suspects: [suspect({ age: 40 })], ...extra });
const toProsecutor = prosecutorReferral({ referredAt: hoursAgo(24) });

/** The public recipe the server used to derive ids (SHA-256 of the parts, UUID-shaped): anyone could compute it. */
const publicRecipe = (...parts: string[]) => {
  const hex = createHash('sha256').update(parts.join('\n')).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/** Security issue 10, item 1: every id in a body is checked for existence, scope and ownership before anything is appended. */
describe('ids in a body', () => {
  let t: TestApp;
  const police08 = () => t.api('police', ['08']);
  const police15 = () => t.api('police', ['15']);
  /** The log head and size: a refused command leaves both as they were. */
  const head = async () =>
    (await t.db.pool.query('SELECT count(*)::int AS n, coalesce(max(global_position), 0)::int AS p FROM events')).rows[0];
  const versionOf = async (stream: string) =>
    Number((await t.db.pool.query('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [stream])).rows[0].n);
  const register = async (api: ReturnType<typeof police08>, ubigeo: string, extra: Partial<CaseRegistrationBody> = {}) =>
    (await api.post('/api/v1/cases').send(newCase(ubigeo, extra)).expect(201)).body as {
      caseId: string;
      victimIds: string[];
      suspectIds: string[];
    };
  const milestonesOf = async (api: ReturnType<typeof police08>, caseId: string) =>
    ((await api.get(`/api/v1/cases/${caseId}/timeline`).expect(200)).body.milestones as Array<{ milestone: string }>).map(
      (m) => m.milestone,
    );

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('refuses a dummy case of 08 naming the prosecution of a case in 15 already sent (409), appending nothing', async () => {
    const lima = await register(police15(), '150101');
    const { prosecutionId } = (await police15().post(`/api/v1/cases/${lima.caseId}/prosecutor-referral`).send(toProsecutor).expect(200))
      .body;
    await t
      .api('prosecutor', ['15'])
      .post(`/api/v1/prosecutions/${prosecutionId}/preliminary-investigation`)
      .send({ occurredAt: hoursAgo(20) })
      .expect(200);
    const dummy = await register(police08(), '080101');
    const before = await head();
    const caseVersion = await versionOf(`case-${dummy.caseId}`);

    const refused = await police08()
      .post(`/api/v1/cases/${dummy.caseId}/prosecutor-referral`)
      .send({ ...toProsecutor, prosecutionId })
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'id_in_use', fields: [{ field: 'prosecutionId' }] });
    expect(await head()).toEqual(before);
    expect(await versionOf(`case-${dummy.caseId}`)).toBe(caseVersion);
    expect((await police08().get(`/api/v1/cases/${dummy.caseId}`).expect(200)).body.status).toBe('open');
    await t.project();
    expect(await milestonesOf(police08(), dummy.caseId)).not.toContain('PreliminaryInvestigationOpened');
  });

  it('does not let a case of 08 take first the prosecution id a case in 15 will get: derived ids are not the public recipe', async () => {
    const lima = await register(police15(), '150101');
    const guessed = publicRecipe(lima.caseId, 'prosecution');
    const dummy = await register(police08(), '080101');
    const taken = (
      await police08()
        .post(`/api/v1/cases/${dummy.caseId}/prosecutor-referral`)
        .send({ ...toProsecutor, prosecutionId: guessed })
        .expect(200)
    ).body;
    expect(taken.prosecutionId).toBe(guessed);

    const sent = (await police15().post(`/api/v1/cases/${lima.caseId}/prosecutor-referral`).send(toProsecutor).expect(200)).body;
    expect(sent.prosecutionId).not.toBe(guessed);
    const prosecution = (await t.api('prosecutor', ['15']).get(`/api/v1/prosecutions/${sent.prosecutionId}`).expect(200)).body;
    expect(prosecution.caseId).toBe(lima.caseId);
    await t.project();
    const opened = (await police15().get(`/api/v1/cases/${lima.caseId}/timeline`).expect(200)).body.milestones.filter(
      (m: { milestone: string }) => m.milestone === 'ProsecutionOpened',
    );
    expect(opened).toHaveLength(1);

    // Named explicitly, an id another case holds is refused before anything is appended.
    const other = await register(police15(), '150101');
    const before = await head();
    const refused = await police15()
      .post(`/api/v1/cases/${other.caseId}/prosecutor-referral`)
      .send({ ...toProsecutor, prosecutionId: guessed })
      .expect(409);
    expect(refused.body.fields).toEqual([{ field: 'prosecutionId', reason: expect.any(String) }]);
    expect(await head()).toEqual(before);
  });

  it('derives ids and event ids with a server secret, never with SHA-256 of the case id', async () => {
    const caseId = randomUUID();
    const registered = (await police08().post('/api/v1/cases').send(newCase('080101', { caseId })).expect(201)).body;
    expect(registered.victimIds[0]).not.toBe(publicRecipe(caseId, 'victim', '0'));
    expect(registered.suspectIds[0]).not.toBe(publicRecipe(caseId, 'suspect', '0'));
    const conductedAt = hoursAgo(30);
    await police08().post(`/api/v1/cases/${caseId}/operations`).send({ conductedAt, rescued: 1, detained: 0 }).expect(200);
    const {
      rows: [operation],
    } = await t.db.pool.query("SELECT data->>'operationId' AS id FROM events WHERE stream_id = $1 AND event_type = 'OperationConducted'", [
      `case-${caseId}`,
    ]);
    expect(operation.id).not.toBe(publicRecipe(caseId, 'operation', conductedAt));
    const added = (
      await police08()
        .post(`/api/v1/cases/${caseId}/victims`)
        .set('Idempotency-Key', 'add-1')
        .send({ victims: [{ sex: 'male', age: 15, nationality: 'PE' }] })
        .expect(200)
    ).body;
    expect(added.victimIds[0]).not.toBe(publicRecipe(caseId, 'victim', 'add-1', '0'));
    const { prosecutionId } = (
      await police08().post(`/api/v1/cases/${caseId}/prosecutor-referral`).set('Idempotency-Key', 'send-1').send(toProsecutor).expect(200)
    ).body;
    expect(prosecutionId).not.toBe(publicRecipe(caseId, 'prosecution'));

    const { rows } = await t.db.pool.query(
      "SELECT event_id, stream_position FROM events WHERE stream_id = $1 AND event_type IN ('VictimIdentified', 'CaseReferredToProsecutor') ORDER BY stream_position",
      [`case-${caseId}`],
    );
    const keyed = rows.slice(-2) as Array<{ event_id: string }>;
    expect(keyed[0].event_id).not.toBe(publicRecipe(`case-${caseId}`, 'add-1', '0'));
    expect(keyed[1].event_id).not.toBe(publicRecipe(`case-${caseId}`, 'send-1', '0'));
    const created = (await t.db.pool.query('SELECT event_id FROM events WHERE stream_id = $1 AND stream_position = 1', [`case-${caseId}`]))
      .rows[0];
    expect(created.event_id).not.toBe(publicRecipe(`case-${caseId}`, 'create', '0'));
  });

  it('refuses a reused victim id (409 naming it), so another case’s victim referrals never reach a timeline', async () => {
    const lima = await register(police15(), '150101');
    const [victimId] = lima.victimIds;
    await police15()
      .post(`/api/v1/cases/${lima.caseId}/referrals`)
      .send({ to: 'SHELTER', referredAt: hoursAgo(20), victimId })
      .expect(201);
    await t.project();
    const before = await head();

    const refused = await police08()
      .post('/api/v1/cases')
      .send(newCase('080101', { victims: [victim(), victim({ victimId })] }))
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'id_in_use', fields: [{ field: 'victims[1].victimId' }] });
    expect(await head()).toEqual(before);

    const own = await register(police08(), '080101');
    const afterOwn = await head();
    const added = await police08()
      .post(`/api/v1/cases/${own.caseId}/victims`)
      .send({ victims: [{ victimId: victimId.toUpperCase(), sex: 'female', age: 17, nationality: 'PE' }] })
      .expect(409);
    expect(added.body.fields).toEqual([{ field: 'victims[0].victimId', reason: expect.any(String) }]);
    const suspect = await police08()
      .post(`/api/v1/cases/${own.caseId}/suspects`)
      .send({ suspects: [{ suspectId: lima.suspectIds[0], sex: 'male', nationality: 'PE' }] })
      .expect(409);
    expect(suspect.body.fields).toEqual([{ field: 'suspects[0].suspectId', reason: expect.any(String) }]);
    expect(await head()).toEqual(afterOwn);
    await t.project();
    expect(await milestonesOf(police08(), own.caseId)).not.toContain('ReferralSent');
  });

  it('refuses a reused operation id, case id or trial id with 409 naming the field; a retry of the same command still answers as the original', async () => {
    const own = await register(police08(), '080101');
    const operationId = randomUUID();
    const operation = { operationId, conductedAt: hoursAgo(30), rescued: 1, detained: 0 };
    const first = (await police08().post(`/api/v1/cases/${own.caseId}/operations`).send(operation).expect(200)).body;
    const before = await head();
    expect((await police08().post(`/api/v1/cases/${own.caseId}/operations`).send(operation).expect(200)).body.version).toBe(first.version);
    const other = await register(police08(), '080101');
    const afterOther = await head();
    const taken = await police08().post(`/api/v1/cases/${other.caseId}/operations`).send(operation).expect(409);
    expect(taken.body.fields).toEqual([{ field: 'operationId', reason: expect.any(String) }]);
    expect((await head()).n).toBe(afterOther.n);
    expect(afterOther.n).toBeGreaterThan(before.n);

    const lima = await register(police15(), '150101');
    const afterLima = await head();
    const reusedCase = await police08()
      .post('/api/v1/cases')
      .send(newCase('080101', { caseId: lima.caseId, victims: [], suspects: [] }))
      .expect(409);
    expect(reusedCase.body).toMatchObject({ code: 'idempotency_conflict', fields: [{ field: 'caseId' }] });
    expect(await head()).toEqual(afterLima);
  });

  it('registers a case from a referral only while it is pending or already this case’s, and decides the acceptance before appending the case', async () => {
    const { callId } = (
      await t
        .api('operator')
        .post('/api/v1/hotline-calls')
        .send(hotlineCall({ receivedAt: hoursAgo(100), callerUbigeo: '080101' }))
        .expect(201)
    ).body;
    const { referralId } = (
      await t
        .api('operator')
        .post(`/api/v1/hotline-calls/${callId}/referrals`)
        .send({ to: 'PNP', referredAt: hoursAgo(90), ubigeo: '0801' })
        .expect(201)
    ).body;
    const accepted = (
      await police08()
        .post('/api/v1/cases')
        .send(newCase('080101', { source: 'hotline_referral', referralId }))
        .expect(201)
    ).body;
    const before = await head();
    const second = await police08()
      .post('/api/v1/cases')
      .send(newCase('080101', { source: 'hotline_referral', referralId }))
      .expect(422);
    expect(second.body.fields).toEqual([{ field: 'referralId', reason: expect.any(String) }]);
    expect(await head()).toEqual(before);
    await t.project();
    expect(await milestonesOf(police08(), accepted.caseId)).toEqual(
      expect.arrayContaining(['HotlineCallReceived', 'ReferralSent', 'ReferralAccepted']),
    );
  });

  it('completes a referral to the prosecutor that a crash interrupted between its two appends', async () => {
    const own = await register(police08(), '080101');
    const prosecutionId = randomUUID();
    const registered = await versionOf(`case-${own.caseId}`);
    // The first append of POST …/prosecutor-referral, as if the process died before opening the prosecution.
    await runAs({ role: 'police', subject: 'test-police', departments: ['08'] } as Actor, () =>
      t.app.get(CommandService).execute(
        'policeCase',
        {
          type: 'ReferToProsecutor',
          data: { caseId: own.caseId, ...toProsecutor, prosecutionId },
        },
        { idempotencyKey: 'send-crash' },
      ),
    );
    expect(await versionOf(`prosecution-${prosecutionId}`)).toBe(0);
    const retried = (
      await police08()
        .post(`/api/v1/cases/${own.caseId}/prosecutor-referral`)
        .set('Idempotency-Key', 'send-crash')
        .send(toProsecutor)
        .expect(200)
    ).body;
    expect(retried.prosecutionId).toBe(prosecutionId);
    expect(await versionOf(`prosecution-${prosecutionId}`)).toBe(1);
    expect(await versionOf(`case-${own.caseId}`)).toBe(registered + 1); // the referral itself is not doubled
  });

  it('opens a trial only on a prosecution of a case, and rules only on that case’s suspects', async () => {
    const own = await register(police08(), '080101');
    const stranger = await register(police08(), '080101');
    const { prosecutionId } = (await police08().post(`/api/v1/cases/${own.caseId}/prosecutor-referral`).send(toProsecutor).expect(200))
      .body;
    for (const stage of ['preliminary-investigation', 'formalization', 'accusation']) {
      await t
        .api('prosecutor', ['08'])
        .post(`/api/v1/prosecutions/${prosecutionId}/${stage}`)
        .send({ occurredAt: hoursAgo(20) })
        .expect(200);
    }
    const { trialId } = (
      await t
        .api('judiciary', ['08'])
        .post('/api/v1/trials')
        .send(trialOpening(prosecutionId, { openedAt: hoursAgo(10) }))
        .expect(201)
    ).body;
    const before = await head();
    const ruling = { ruledAt: hoursAgo(5), verdict: 'conviction', sentenceYears: 10 };
    const refused = await t
      .api('judiciary', ['08'])
      .post(`/api/v1/trials/${trialId}/rulings`)
      .send({ ...ruling, defendants: [own.suspectIds[0], stranger.suspectIds[0]] })
      .expect(400);
    expect(refused.body.fields).toEqual([{ field: 'defendants[1]', reason: expect.any(String) }]);
    const reusedTrial = await t
      .api('judiciary', ['08'])
      .post('/api/v1/trials')
      .send({ trialId, prosecutionId, openedAt: hoursAgo(9), court: 'Otro' })
      .expect(409);
    expect(reusedTrial.body).toMatchObject({ code: 'idempotency_conflict', fields: [{ field: 'trialId', reason: expect.any(String) }] });
    expect(await head()).toEqual(before);
    await t
      .api('judiciary', ['08'])
      .post(`/api/v1/trials/${trialId}/rulings`)
      .send({ ...ruling, defendants: own.suspectIds })
      .expect(200);
  });

  it('accepts a referral linked only to a case that exists in the caller’s departments', async () => {
    const referral = async () => {
      const { callId } = (
        await t
          .api('operator')
          .post('/api/v1/hotline-calls')
          .send(hotlineCall({ receivedAt: hoursAgo(100), callerUbigeo: '080101' }))
          .expect(201)
      ).body;
      return (
        await t
          .api('operator')
          .post(`/api/v1/hotline-calls/${callId}/referrals`)
          .send({ to: 'PNP', referredAt: hoursAgo(90), ubigeo: '0801' })
          .expect(201)
      ).body.referralId as string;
    };
    const referralId = await referral();
    const lima = await register(police15(), '150101');
    const before = await head();
    const missing = await police08()
      .post(`/api/v1/referrals/${referralId}/accept`)
      .send({ acceptedAt: hoursAgo(1), linkedCaseId: randomUUID() })
      .expect(400);
    expect(missing.body.fields).toEqual([{ field: 'linkedCaseId', reason: 'El caso no existe' }]);
    const elsewhere = await police08()
      .post(`/api/v1/referrals/${referralId}/accept`)
      .send({ acceptedAt: hoursAgo(1), linkedCaseId: lima.caseId })
      .expect(400);
    expect(elsewhere.body).toEqual(missing.body);
    expect(await head()).toEqual(before);
    const own = await register(police08(), '080101');
    await police08()
      .post(`/api/v1/referrals/${referralId}/accept`)
      .send({ acceptedAt: hoursAgo(1), linkedCaseId: own.caseId })
      .expect(200);
  });

  it('shows in a timeline only the streams in the caller’s departments', async () => {
    // A call from Lima referred to the police of Cusco: the case is Cusco's, the call stays Lima's.
    const { callId } = (
      await t
        .api('operator')
        .post('/api/v1/hotline-calls')
        .send(hotlineCall({ receivedAt: hoursAgo(100) }))
        .expect(201)
    ).body;
    const { referralId } = (
      await t
        .api('operator')
        .post(`/api/v1/hotline-calls/${callId}/referrals`)
        .send({ to: 'PNP', referredAt: hoursAgo(90), ubigeo: '0801' })
        .expect(201)
    ).body;
    const { caseId } = await register(police08(), '080101', { source: 'hotline_referral', referralId });
    await t.project();
    expect(await milestonesOf(t.api('police'), caseId)).toContain('HotlineCallReceived');
    const scoped = await milestonesOf(police08(), caseId);
    expect(scoped).not.toContain('HotlineCallReceived');
    expect(scoped).toEqual(expect.arrayContaining(['ReferralSent', 'CaseRegistered', 'ReferralAccepted']));
  });
});
