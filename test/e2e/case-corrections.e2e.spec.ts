import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { ProjectionRunner } from '#event-store';
import { FieldSealer, KNOWN_EVENT_TYPES, MASTER_KEYRING, projectionOpener, type MasterKeyring } from '#platform';
import { caseListProjection } from '#read-models';
import request from 'supertest';
import { countEvents } from '../support/database.js';
import { operationOf, validate, type OpenApiDocument } from '../support/openapi-validate.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseRegistration, suspect, victim } from '../support/fixtures.js';

type Problem = { code: string; fields: Array<{ field: string }> };
const fieldsOf = (body: Problem) => body.fields.map((f) => f.field);
const REASON = 'Error de digitación en el atestado';

/** A case of 2025 in Cusco qualified under the law in force (Ley 31146), exploited abroad, with a reference. */
const qualified = (overrides: Record<string, unknown> = {}) =>
  caseRegistration({
    caseId: randomUUID(),
    ubigeo: '080108',
    occurredAt: '2025-02-20T12:00:00-05:00',
    purposes: ['labour_exploitation'],
    offences: ['cp129a-l31146'],
    aggravatingCircumstances: ['victim_minor'],
    places: { recruitment: { ubigeo: '080108' }, transit: [{ ubigeo: '15' }], exploitation: { country: 'CL' } },
    recruitment: ['job_offer'],
    control: ['withheld_documents', 'debt_bondage'],
    labourSectors: ['B'],
    sexualExploitation: [],
    references: { policeReport: 'Atestado 045-2025-DIRCTPTIM' },
    victims: [victim({ victimId: randomUUID() }), victim({ victimId: randomUUID(), sex: 'male', age: 30 })],
    suspects: [suspect({ suspectId: randomUUID() })],
    ...overrides,
  });

describe('issue 13 case routes: qualification, corrections, voids, reopening, same facts, references', () => {
  let t: TestApp;
  const police = () => t.api('police');

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  /** Sends a request that must be refused, and checks that nothing was appended. */
  async function refused(send: () => Promise<{ status: number; body: Problem }>, status: number, code: string, field: string | null) {
    const before = await countEvents(t.db.pool);
    const answer = await send();
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
    if (field !== null) expect(fieldsOf(answer.body)).toContain(field);
    expect(await countEvents(t.db.pool)).toBe(before);
  }

  it('registers a case with its qualification, places by role and references, and shows them', async () => {
    const body = qualified();
    const answer = (await police().post('/api/v1/cases').send(body).expect(201)).body;
    expect(answer.registryNumber).toMatch(/^08-2025-\d{6}$/);
    const view = (await police().get(`/api/v1/cases/${body.caseId}`).expect(200)).body;
    expect(view).toMatchObject({
      registryNumber: answer.registryNumber,
      offences: ['cp129a-l31146'],
      aggravatingCircumstances: ['victim_minor'],
      places: { recruitment: { ubigeo: '080108' }, transit: [{ ubigeo: '15' }], exploitation: { country: 'CL' } },
      recruitment: ['job_offer'],
      labourSectors: ['B'],
      references: { policeReport: 'Atestado 045-2025-DIRCTPTIM' },
      sameAsCaseId: null,
      sameFactsCases: [],
    });
    expect([...view.control].sort()).toEqual(['debt_bondage', 'withheld_documents']);
    expect(view.victims.map((v: { voided: boolean }) => v.voided)).toEqual([false, false]);
  });

  it('refuses bad qualification input with the field, appending nothing', async () => {
    const post = (overrides: Record<string, unknown>) => () => police().post('/api/v1/cases').send(qualified(overrides));
    await refused(post({ offences: ['cp999-nope'] }), 400, 'invalid_command', 'offences');
    await refused(post({ control: ['magic'] }), 400, 'invalid_command', 'control');
    await refused(post({ labourSectors: ['Z'] }), 400, 'invalid_command', 'labourSectors');
    // Ley 28950's text of art. 153 was replaced in 2014: not in force on the date of the facts.
    await refused(post({ offences: ['cp153-l28950'] }), 400, 'invalid_command', 'offences[0]');
    // Unknown date of the facts: the law in force on the day of registration (2025) applies.
    await refused(post({ occurredAt: null, offences: ['cp153-l30251'] }), 400, 'invalid_command', 'offences[0]');
    await refused(post({ places: { exploitation: {} } }), 400, 'invalid_command', 'places.exploitation');
    await refused(post({ places: { exploitation: { ubigeo: '15', country: 'CL' } } }), 400, 'invalid_command', 'places.exploitation');
    await refused(post({ places: { transit: [{ ubigeo: '15' }, {}] } }), 400, 'invalid_command', 'places.transit');
    await refused(post({ places: { exploitation: { country: 'PE' } } }), 400, 'invalid_command', 'places.exploitation.country');
    await refused(post({ places: { exploitation: { ubigeo: '1501019' } } }), 400, 'invalid_command', 'places.exploitation.ubigeo');
    await refused(post({ references: { courtFile: 'x'.repeat(61) } }), 400, 'invalid_command', 'references.courtFile');
  });

  it('accepts the older laws for facts of their time, and migrant smuggling', async () => {
    const old = qualified({ occurredAt: '2012-05-01T12:00:00-05:00', offences: ['cp153-l28950'] });
    await police().post('/api/v1/cases').send(old).expect(201);
    const smuggling = qualified({ offences: ['cp303a-l28950'], purposes: [] });
    await police().post('/api/v1/cases').send(smuggling).expect(201);
  });

  it('corrects the facts with a reason; a retry or a correction that changes nothing appends nothing', async () => {
    const body = qualified();
    await police().post('/api/v1/cases').send(body).expect(201);
    const url = `/api/v1/cases/${body.caseId}/corrections`;
    const correction = {
      changes: {
        purposes: ['labour_exploitation', 'sexual_exploitation'],
        places: { exploitation: { country: 'AR' } },
        policeUnit: 'DIRCTPTIM Cusco',
      },
      reason: REASON,
    };
    const done = (await police().post(url).set('Idempotency-Key', 'fix-1').send(correction).expect(200)).body;
    expect(done).toEqual({ caseId: body.caseId, version: expect.any(Number), position: expect.any(Number) });
    const view = (await police().get(`/api/v1/cases/${body.caseId}`).expect(200)).body;
    expect(view.purposes).toEqual(expect.arrayContaining(['labour_exploitation', 'sexual_exploitation']));
    expect(view.places.exploitation).toEqual({ country: 'AR' });
    expect(view.places.recruitment).toEqual({ ubigeo: '080108' });
    expect(view.policeUnit).toBe('DIRCTPTIM Cusco');
    expect(view.version).toBe(done.version);
    // The case's history shows the correction: which fields, never their values nor the reason.
    const timeline = (await police().get(`/api/v1/cases/${body.caseId}/timeline`).expect(200)).body;
    const corrected = timeline.milestones.find((m: { milestone: string }) => m.milestone === 'CaseFactsCorrected');
    expect(corrected).toMatchObject({ label: 'Hechos corregidos', institution: 'PNP' });
    expect([...corrected.detail.changed].sort()).toEqual(['places', 'policeUnit', 'purposes']);
    expect(JSON.stringify(timeline)).not.toMatch(/digitación|DIRCTPTIM Cusco/);

    const before = await countEvents(t.db.pool);
    const retried = (await police().post(url).set('Idempotency-Key', 'fix-1').send(correction).expect(200)).body;
    expect(retried.version).toBe(done.version);
    const noop = (await police().post(url).send(correction).expect(200)).body;
    expect(noop.version).toBe(done.version);
    expect(await countEvents(t.db.pool)).toBe(before);

    await refused(() => police().post(url).send({ changes: {}, reason: REASON }), 400, 'invalid_command', 'changes');
    await refused(
      () =>
        police()
          .post(url)
          .send({ changes: { ubigeo: '150101' } }),
      400,
      'invalid_command',
      'reason',
    );
    await refused(
      () =>
        police()
          .post(url)
          .send({ changes: { purposes: ['nope'] }, reason: REASON }),
      400,
      'invalid_command',
      'changes.purposes',
    );
    await refused(
      () =>
        police()
          .post(url)
          .send({ changes: { offences: ['cp153-l30251'] }, reason: REASON }),
      400,
      'invalid_command',
      'changes.offences[0]',
    );
    await refused(
      () =>
        police()
          .post(url)
          .send({ changes: { places: { recruitment: {} } }, reason: REASON }),
      400,
      'invalid_command',
      'changes.places.recruitment',
    );
    // Moving the date of the facts to 2012 leaves Ley 31146's offence out of force: refused, naming the date or the offence.
    const before2012 = await countEvents(t.db.pool);
    const moved = await police()
      .post(url)
      .send({ changes: { occurredAt: '2012-05-01T12:00:00-05:00' }, reason: REASON })
      .expect(400);
    expect(fieldsOf(moved.body).some((f) => f === 'changes.occurredAt' || f === 'changes.offences[0]')).toBe(true);
    expect(await countEvents(t.db.pool)).toBe(before2012);
    await refused(() => police().post(`/api/v1/cases/${randomUUID()}/corrections`).send(correction), 404, 'case_not_found', null);
  });

  it('moves a case to another department only for a user allowed in both', async () => {
    const body = qualified();
    await police().post('/api/v1/cases').send(body).expect(201);
    const move = { changes: { ubigeo: '150101' }, reason: 'La denuncia se presentó en Lima' };
    const url = `/api/v1/cases/${body.caseId}/corrections`;
    await refused(() => t.api('police', ['08']).post(url).send(move), 403, 'forbidden', 'changes.ubigeo');
    const outside = await t.api('police', ['15']).post(url).send(move);
    expect(outside.status).toBe(404);
    await t.api('police', ['08', '15']).post(url).send(move).expect(200);
    await t.project();
    const row = (await t.api('admin').get('/api/v1/cases').query({ department: '15' }).expect(200)).body.items.find(
      (r: { caseId: string }) => r.caseId === body.caseId,
    );
    expect(row).toMatchObject({ ubigeo: '150101', registryNumber: expect.stringMatching(/^08-2025-/) });
    // Other case commands need a role of the police: a prosecutor may record references only.
    await refused(() => t.api('prosecutor').post(url).send(move), 403, 'forbidden', null);
  });

  it('corrects a victim with personal fields sealed, voids people, and refuses changes to the voided', async () => {
    const body = qualified();
    await police().post('/api/v1/cases').send(body).expect(201);
    const [first, second] = body.victims.map((v) => v.victimId as string);
    const victimUrl = (id: string) => `/api/v1/cases/${body.caseId}/victims/${id}`;
    const correction = {
      changes: { age: 16, nationality: 'VE', fullName: 'Rosa Quispe Mamani', documentType: 'CE', documentNumber: '001234567' },
      reason: 'Datos del documento',
    };
    await police()
      .post(`${victimUrl(first)}/corrections`)
      .set('Idempotency-Key', 'v-1')
      .send(correction)
      .expect(200);
    const before = await countEvents(t.db.pool);
    await police()
      .post(`${victimUrl(first)}/corrections`)
      .set('Idempotency-Key', 'v-1')
      .send(correction)
      .expect(200);
    expect(await countEvents(t.db.pool)).toBe(before);
    const { rows } = await t.db.pool.query<{ data: unknown }>(
      `SELECT data FROM events WHERE event_type = 'VictimCorrected' AND stream_id = $1`,
      [`case-${body.caseId}`],
    );
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows[0].data);
    expect(stored).not.toMatch(/Rosa|Quispe|001234567/);
    const seen = (
      await t.api('police').get(`/api/v1/cases/${body.caseId}`).set('X-Purpose', 'Verificar la corrección del caso').expect(200)
    ).body.victims[0];
    expect(seen).toMatchObject({ age: 16, minor: true, nationality: 'VE' });
    expect(seen.personal).toMatchObject({ fullName: 'Rosa Quispe Mamani', documentType: 'CE', documentNumber: '001234567' });

    await police()
      .post(`${victimUrl(second)}/voiding`)
      .send({ reason: 'Registrada dos veces' })
      .expect(200);
    await refused(
      () =>
        police()
          .post(`${victimUrl(second)}/voiding`)
          .send({ reason: 'otra vez' }),
      422,
      'victim_voided',
      'victimId',
    );
    await refused(
      () =>
        police()
          .post(`${victimUrl(second)}/corrections`)
          .send(correction),
      422,
      'victim_voided',
      'victimId',
    );
    await refused(
      () =>
        police()
          .post(`${victimUrl(randomUUID())}/corrections`)
          .send(correction),
      404,
      'victim_not_found',
      'victimId',
    );
    await refused(
      () =>
        police()
          .post(`${victimUrl(first)}/corrections`)
          .send({ changes: {}, reason: REASON }),
      400,
      'invalid_command',
      'changes',
    );
    await refused(
      () =>
        police()
          .post(`${victimUrl(first)}/corrections`)
          .send({ changes: { sex: 'robot' }, reason: REASON }),
      400,
      'invalid_command',
      'changes.sex',
    );

    const suspectUrl = `/api/v1/cases/${body.caseId}/suspects/${body.suspects[0].suspectId}/voiding`;
    await police().post(suspectUrl).send({ reason: 'No participó' }).expect(200);
    await refused(() => police().post(suspectUrl).send({ reason: 'otra vez' }), 422, 'suspect_voided', 'suspectId');
    await refused(
      () => police().post(`/api/v1/cases/${body.caseId}/suspects/${randomUUID()}/voiding`).send({ reason: 'x' }),
      404,
      'suspect_not_found',
      'suspectId',
    );

    const view = (await police().get(`/api/v1/cases/${body.caseId}`).expect(200)).body;
    expect(view.victims.map((v: { voided: boolean }) => v.voided)).toEqual([false, true]);
    expect(view.suspects[0].voided).toBe(true);
    await t.project();
    const row = (await t.api('admin').get('/api/v1/cases').query({ q: view.registryNumber }).expect(200)).body.items[0];
    expect(row).toMatchObject({ caseId: body.caseId, victims: 1, suspects: 0, offenceCategories: ['trafficking'] });
  });

  it('reopens only a closed case: open again, or referred when it went to the prosecutor', async () => {
    const body = qualified();
    await police().post('/api/v1/cases').send(body).expect(201);
    const reopen = { reopenedAt: '2025-06-01T10:00:00-05:00', reason: 'Nuevas víctimas identificadas' };
    const url = `/api/v1/cases/${body.caseId}/reopening`;
    await refused(() => police().post(url).send(reopen), 422, 'case_not_closed', 'caseId');
    await police()
      .post(`/api/v1/cases/${body.caseId}/closure`)
      .send({ closedAt: '2025-05-01T10:00:00-05:00', reason: 'Archivo' })
      .expect(200);
    // A correction is allowed on a closed case (it fixes the record).
    await police()
      .post(`/api/v1/cases/${body.caseId}/corrections`)
      .send({ changes: { recruitment: ['internet_or_app'] }, reason: REASON })
      .expect(200);
    await refused(() => police().post(url).send({ reopenedAt: reopen.reopenedAt }), 400, 'invalid_command', 'reason');
    await police().post(url).set('Idempotency-Key', 'reopen-1').send(reopen).expect(200);
    const before = await countEvents(t.db.pool);
    await police().post(url).set('Idempotency-Key', 'reopen-1').send(reopen).expect(200);
    expect(await countEvents(t.db.pool)).toBe(before);
    const view = (await police().get(`/api/v1/cases/${body.caseId}`).expect(200)).body;
    expect(view.status).toBe('open');
    expect(view.recruitment).toEqual(['internet_or_app']);
    expect(view).not.toHaveProperty('closedAt');
    await t.project();
    const row = (await t.api('admin').get('/api/v1/cases').query({ q: view.registryNumber }).expect(200)).body.items[0];
    expect(row.status).toBe('open');

    const referred = qualified();
    await police().post('/api/v1/cases').send(referred).expect(201);
    await police()
      .post(`/api/v1/cases/${referred.caseId}/prosecutor-referral`)
      .send({ referredAt: '2025-04-01T10:00:00-05:00', office: 'FISTRAP Cusco' })
      .expect(200);
    await police()
      .post(`/api/v1/cases/${referred.caseId}/closure`)
      .send({ closedAt: '2025-05-01T10:00:00-05:00', reason: 'Archivo' })
      .expect(200);
    await police().post(`/api/v1/cases/${referred.caseId}/reopening`).send(reopen).expect(200);
    expect((await police().get(`/api/v1/cases/${referred.caseId}`).expect(200)).body.status).toBe('referred');
    await t.project();
    const referredRow = (await t.api('admin').get('/api/v1/cases').query({ q: referred.references.policeReport }).expect(200)).body.items;
    expect(referredRow.find((r: { caseId: string }) => r.caseId === referred.caseId).status).toBe('referred');
  });

  it('marks two cases as the same facts, links both views, and refuses a second mark', async () => {
    const kept = qualified();
    const duplicate = qualified();
    const third = qualified();
    for (const body of [kept, duplicate, third]) await police().post('/api/v1/cases').send(body).expect(201);
    const url = (id: string) => `/api/v1/cases/${id}/same-facts`;
    await refused(
      () => police().post(url(duplicate.caseId)).send({ sameAsCaseId: duplicate.caseId, reason: REASON }),
      400,
      'invalid_command',
      'sameAsCaseId',
    );
    await refused(
      () => police().post(url(duplicate.caseId)).send({ sameAsCaseId: randomUUID(), reason: REASON }),
      404,
      'case_not_found',
      'sameAsCaseId',
    );
    await refused(
      () => police().post(url(duplicate.caseId)).send({ sameAsCaseId: 'not-a-uuid', reason: REASON }),
      400,
      'invalid_command',
      'sameAsCaseId',
    );
    // A user of another department does not learn that the other case exists.
    const elsewhere = qualified({ ubigeo: '150101' });
    await police().post('/api/v1/cases').send(elsewhere).expect(201);
    await refused(
      () => t.api('police', ['08']).post(url(duplicate.caseId)).send({ sameAsCaseId: elsewhere.caseId, reason: REASON }),
      404,
      'case_not_found',
      'sameAsCaseId',
    );

    await police().post(url(duplicate.caseId)).send({ sameAsCaseId: kept.caseId.toUpperCase(), reason: REASON }).expect(200);
    await refused(
      () => police().post(url(duplicate.caseId)).send({ sameAsCaseId: third.caseId, reason: REASON }),
      422,
      'case_already_same_facts',
      'caseId',
    );
    await refused(
      () => police().post(url(third.caseId)).send({ sameAsCaseId: duplicate.caseId, reason: REASON }),
      422,
      'case_already_same_facts',
      'sameAsCaseId',
    );

    const keptView = (await police().get(`/api/v1/cases/${kept.caseId}`).expect(200)).body;
    const duplicateView = (await police().get(`/api/v1/cases/${duplicate.caseId}`).expect(200)).body;
    expect(keptView.sameFactsCases).toEqual([{ caseId: duplicate.caseId, registryNumber: duplicateView.registryNumber }]);
    expect(duplicateView.sameAsCaseId).toBe(kept.caseId);
    // A duplicate registered in another department is not shown to a user of this one only.
    const limaTwin = qualified({ ubigeo: '150101' });
    await police().post('/api/v1/cases').send(limaTwin).expect(201);
    await police().post(url(limaTwin.caseId)).send({ sameAsCaseId: kept.caseId, reason: REASON }).expect(200);
    const national = (await police().get(`/api/v1/cases/${kept.caseId}`).expect(200)).body.sameFactsCases;
    expect(national.map((c: { caseId: string }) => c.caseId).sort()).toEqual([duplicate.caseId, limaTwin.caseId].sort());
    const cusco = (await t.api('police', ['08']).get(`/api/v1/cases/${kept.caseId}`).expect(200)).body.sameFactsCases;
    expect(cusco.map((c: { caseId: string }) => c.caseId)).toEqual([duplicate.caseId]);
    await t.project();
    const row = (await t.api('admin').get('/api/v1/cases').query({ q: duplicateView.registryNumber }).expect(200)).body.items[0];
    expect(row.sameAsCaseId).toBe(kept.caseId);
  });

  it('records external references (prosecutors and judges too), searchable without case or spaces; null removes one', async () => {
    const body = qualified();
    await police().post('/api/v1/cases').send(body).expect(201);
    const url = `/api/v1/cases/${body.caseId}/references`;
    await t.api('prosecutor').post(url).send({ prosecutorFile: 'CF 506014500-2025-123-0' }).expect(200);
    await t.api('judiciary').post(url).send({ courtFile: 'Exp. 00123-2025-0-0801-JR-PE-01' }).expect(200);
    const before = await countEvents(t.db.pool);
    await t.api('prosecutor').post(url).send({ prosecutorFile: 'CF 506014500-2025-123-0' }).expect(200);
    expect(await countEvents(t.db.pool)).toBe(before);
    await refused(
      () =>
        t
          .api('prosecutor')
          .post(url)
          .send({ prosecutorFile: 'x'.repeat(61) }),
      400,
      'invalid_command',
      'prosecutorFile',
    );
    await refused(() => t.api('prosecutor').post(url).send({ other: 'x' }), 400, 'invalid_command', 'other');
    await refused(() => t.api('operator').post(url).send({ courtFile: 'x' }), 403, 'forbidden', null);

    await t.project();
    const find = async (q: string) =>
      (await t.api('police').get('/api/v1/cases').query({ q }).expect(200)).body.items.map((r: { caseId: string }) => r.caseId);
    expect(await find('cf506014500-2025-123-0')).toEqual([body.caseId]);
    expect(await find('EXP.00123-2025-0-0801-JR-PE-01')).toEqual([body.caseId]);
    expect(await find('atestado 045-2025-dirctptim')).toEqual(expect.arrayContaining([body.caseId]));
    expect(await find('CF 506014500-2025-123')).toEqual([]);

    await t.api('prosecutor').post(url).send({ prosecutorFile: null }).expect(200);
    const view = (await police().get(`/api/v1/cases/${body.caseId}`).expect(200)).body;
    expect(view.references).toEqual({ policeReport: 'Atestado 045-2025-DIRCTPTIM', courtFile: 'Exp. 00123-2025-0-0801-JR-PE-01' });
    await t.project();
    expect(await find('CF 506014500-2025-123-0')).toEqual([]);
    const row = (await t.api('police').get('/api/v1/cases').query({ q: view.registryNumber }).expect(200)).body.items[0];
    expect(row.references).toEqual(view.references);
  });

  it('gives the forms their catalogs with labels', async () => {
    const catalogs = (await t.api('operator').get('/api/v1/reference/case-catalogs').expect(200)).body;
    expect(catalogs.offences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'cp129a-l31146', law: 'Ley 31146', inForceFrom: '2021-03-31', category: 'trafficking' }),
      ]),
    );
    expect(catalogs.isicSections.find((s: { code: string }) => s.code === 'T')).toEqual({
      code: 'T',
      es: expect.any(String),
      en: expect.any(String),
    });
    for (const list of ['aggravatingCircumstances', 'recruitmentMethods', 'controlMeans', 'sexualExploitationTypes', 'offenceCategories']) {
      expect(catalogs[list].length).toBeGreaterThan(3);
    }
    await t.api().get('/api/v1/reference/case-catalogs').set('Authorization', '').expect(401);
  });

  it('rebuilds the case list from the log to the same rows, corrections, voids and references included', async () => {
    const body = qualified();
    await police().post('/api/v1/cases').send(body).expect(201);
    await police()
      .post(`/api/v1/cases/${body.caseId}/corrections`)
      .send({ changes: { policeUnit: 'Comisaría Santiago', offences: ['cp129b-l31146'] }, reason: REASON })
      .expect(200);
    const twin = qualified();
    await police().post('/api/v1/cases').send(twin).expect(201);
    await police().post(`/api/v1/cases/${twin.caseId}/same-facts`).send({ sameAsCaseId: body.caseId, reason: REASON }).expect(200);
    await police().post(`/api/v1/cases/${twin.caseId}/victims/${twin.victims[0].victimId}/voiding`).send({ reason: REASON }).expect(200);
    await police().post(`/api/v1/cases/${twin.caseId}/references`).send({ courtFile: 'Exp. 77-2025' }).expect(200);
    const stored = await t.db.pool.query<{ data: unknown }>(
      `SELECT data FROM events WHERE event_type = 'CaseFactsCorrected' AND stream_id = $1`,
      [`case-${body.caseId}`],
    );
    expect(JSON.stringify(stored.rows)).not.toMatch(/Santiago|digitación/);
    await t.project();
    const row = (await t.api('admin').get('/api/v1/cases').query({ q: 'Atestado 045-2025-DIRCTPTIM' }).expect(200)).body.items.find(
      (r: { caseId: string }) => r.caseId === body.caseId,
    );
    // The unit is sealed free text in the log; the list shows it opened, with the corrected category.
    expect(row).toMatchObject({ policeUnit: 'Comisaría Santiago', offenceCategories: ['trafficking_aggravated'] });
    const snapshot = async () => ({
      cases: (await t.db.pool.query('SELECT * FROM case_list t ORDER BY t::text')).rows,
      victims: (await t.db.pool.query('SELECT * FROM case_list_victims t ORDER BY t::text')).rows,
    });
    const incremental = await snapshot();
    expect(incremental.cases.some((c) => c.same_as_case_id !== null)).toBe(true);
    const open = projectionOpener(t.db.pool, t.app.get<MasterKeyring>(MASTER_KEYRING), t.app.get(FieldSealer));
    await new ProjectionRunner(t.db.pool, caseListProjection, { knownEventTypes: KNOWN_EVENT_TYPES, batchSize: 5, open }).rebuild();
    expect(await snapshot()).toEqual(incremental);
  });

  it('answers as the OpenAPI document says (the console generates its types from it)', async () => {
    const doc = (await request(t.app.getHttpServer()).get('/docs-json').expect(200)).body as OpenApiDocument;
    const problems: string[] = [];
    const check = (endpoint: string, status: number, body: unknown) => {
      const schema = operationOf(doc, endpoint)?.responses[String(status)]?.content?.['application/json']?.schema;
      if (!schema) problems.push(`${endpoint}: no schema`);
      else problems.push(...validate(doc, schema, body).map((e) => `${endpoint}: ${e}`));
    };
    const kept = qualified();
    const duplicate = qualified({ places: { transit: [{ country: 'BO' }, { ubigeo: '2101' }] } });
    check('POST /api/v1/cases', 201, (await police().post('/api/v1/cases').send(kept).expect(201)).body);
    await police().post('/api/v1/cases').send(duplicate).expect(201);
    const base = `/api/v1/cases/${duplicate.caseId}`;
    check(
      'POST /api/v1/cases/{caseId}/same-facts',
      200,
      (await police().post(`${base}/same-facts`).send({ sameAsCaseId: kept.caseId, reason: REASON }).expect(200)).body,
    );
    const fix = { changes: { labourSectors: ['A'] }, reason: REASON };
    check('POST /api/v1/cases/{caseId}/corrections', 200, (await police().post(`${base}/corrections`).send(fix).expect(200)).body);
    const victimFix = { changes: { address: 'Calle Ficticia 1' }, reason: REASON };
    check(
      'POST /api/v1/cases/{caseId}/victims/{victimId}/corrections',
      200,
      (await police().post(`${base}/victims/${duplicate.victims[0].victimId}/corrections`).send(victimFix).expect(200)).body,
    );
    check(
      'POST /api/v1/cases/{caseId}/victims/{victimId}/voiding',
      200,
      (await police().post(`${base}/victims/${duplicate.victims[1].victimId}/voiding`).send({ reason: REASON }).expect(200)).body,
    );
    check(
      'POST /api/v1/cases/{caseId}/suspects/{suspectId}/voiding',
      200,
      (await police().post(`${base}/suspects/${duplicate.suspects[0].suspectId}/voiding`).send({ reason: REASON }).expect(200)).body,
    );
    check(
      'POST /api/v1/cases/{caseId}/references',
      200,
      (await police().post(`${base}/references`).send({ courtFile: 'Exp. 1-2025' }).expect(200)).body,
    );
    await police().post(`${base}/closure`).send({ closedAt: '2025-05-01T10:00:00-05:00', reason: 'Archivo' }).expect(200);
    check(
      'POST /api/v1/cases/{caseId}/reopening',
      200,
      (await police().post(`${base}/reopening`).send({ reopenedAt: '2025-06-01T10:00:00-05:00', reason: REASON }).expect(200)).body,
    );
    for (const id of [kept.caseId, duplicate.caseId]) {
      check('GET /api/v1/cases/{caseId}', 200, (await police().get(`/api/v1/cases/${id}`).expect(200)).body);
      check(
        'GET /api/v1/cases/{caseId}',
        200,
        (await police().get(`/api/v1/cases/${id}`).set('X-Purpose', 'Verificar la corrección del caso').expect(200)).body,
      );
      check('GET /api/v1/cases/{caseId}/timeline', 200, (await police().get(`/api/v1/cases/${id}/timeline`).expect(200)).body);
    }
    await t.project();
    check('GET /api/v1/cases', 200, (await police().get('/api/v1/cases').query({ q: 'exp.1-2025' }).expect(200)).body);
    check('GET /api/v1/reference/case-catalogs', 200, (await police().get('/api/v1/reference/case-catalogs').expect(200)).body);
    expect(problems).toEqual([]);
  });
});
