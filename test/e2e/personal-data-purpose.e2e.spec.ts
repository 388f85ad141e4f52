import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/app.js';
import { callReferral, caseRegistration, hotlineCall, victim } from '../support/fixtures.js';

const NAME = 'Nombre Reservado';
const DOCUMENT = 'X7654321';
const SUMMARY = 'Relato reservado de la llamante';
const CASE = caseRegistration({
  policeUnit: 'DIRCTPTIM Lima',
  victims: [victim({ age: 19, nationality: 'VE', fullName: NAME, documentType: 'PASSPORT', documentNumber: DOCUMENT, phone: '999888777' })],
});

/** Personal fields leave the API only on a stated purpose, to the roles that need them (PERSONAL_DATA_READERS), audited. */
describe('personal data on a stated purpose, for the roles that need it', () => {
  let t: TestApp;
  let caseId: string;
  let callId: string;

  beforeAll(async () => {
    t = await createTestApp();
    caseId = (await t.api('police').post('/api/v1/cases').send(CASE).expect(201)).body.caseId;
    callId = (
      await t
        .api('operator')
        .post('/api/v1/hotline-calls')
        .send(hotlineCall({ anonymous: false, summary: SUMMARY }))
        .expect(201)
    ).body.callId;
    // Protection reads a call only once it was referred to them (need-to-know).
    await t
      .api('operator')
      .post(`/api/v1/hotline-calls/${callId}/referrals`)
      .send(callReferral({ to: 'MIMP', referredAt: '2025-03-03T10:00:00-05:00' }))
      .expect(201);
    await t.project();
  });
  afterAll(async () => t.close());

  const entriesFor = async (recordId: string, action = 'read_personal_data') =>
    (await t.db.pool.query('SELECT * FROM audit_log WHERE record_id = $1 AND action = $2 ORDER BY audit_id', [recordId, action])).rows;

  it('answers without a purpose with no personal field, and audits it as a read of the record, not of personal data', async () => {
    const read = await t.api('police').get(`/api/v1/cases/${caseId}`).expect(200);
    expect(read.body).toMatchObject({
      caseId,
      personalDataWithheld: true,
      victims: [expect.objectContaining({ sex: 'female', age: 19, personal: null })],
    });
    expect(read.text).not.toMatch(new RegExp(`${NAME}|${DOCUMENT}|999888777`));
    const blank = await t.api('police').get(`/api/v1/cases/${caseId}`).set('X-Purpose', '   ').expect(200);
    expect(blank.body.personalDataWithheld).toBe(true);

    const call = await t.api('operator').get(`/api/v1/hotline-calls/${callId}`).expect(200);
    expect(call.body).toMatchObject({ callId, summary: null, personalDataWithheld: true, topic: 'trafficking' });
    expect(await entriesFor(caseId)).toEqual([]);
    expect(await entriesFor(callId)).toEqual([]);
    // Every read that points at a person is recorded, with the subjects it pointed at (need-to-know).
    const victimId = read.body.victims[0].victimId;
    expect(await entriesFor(caseId, 'read_record')).toEqual([
      expect.objectContaining({ actor_role: 'police', purpose: null, subject_ids: [victimId] }),
      expect.objectContaining({ actor_role: 'police', purpose: null, subject_ids: [victimId] }),
    ]);
    expect(await entriesFor(callId, 'read_record')).toEqual([expect.objectContaining({ actor_role: 'operator', subject_ids: [callId] })]);
  });

  it('answers with a purpose the personal fields, and audits the read with that purpose', async () => {
    const read = await t.api('prosecutor').get(`/api/v1/cases/${caseId}`).set('X-Purpose', 'Carpeta fiscal 12-2025').expect(200);
    expect(read.body.personalDataWithheld).toBe(false);
    expect(read.body.victims[0].personal).toEqual({
      fullName: NAME,
      documentType: 'PASSPORT',
      documentNumber: DOCUMENT,
      phone: '999888777',
      address: null,
    });
    const call = await t.api('protection').get(`/api/v1/hotline-calls/${callId}`).set('X-Purpose', 'Atención a la víctima').expect(200);
    expect(call.body).toMatchObject({ summary: SUMMARY, personalDataWithheld: false });

    expect(await entriesFor(caseId)).toEqual([
      expect.objectContaining({ action: 'read_personal_data', actor_role: 'prosecutor', purpose: 'Carpeta fiscal 12-2025' }),
    ]);
    expect(await entriesFor(callId)).toEqual([
      expect.objectContaining({ action: 'read_personal_data', actor_role: 'protection', purpose: 'Atención a la víctima' }),
    ]);
  });

  it("never gives the judiciary the victims' personal fields, even with a purpose, and audits it as a read of the record", async () => {
    const before = (await entriesFor(caseId)).length;
    const read = await t.api('judiciary').get(`/api/v1/cases/${caseId}`).set('X-Purpose', 'Juicio oral 3-2025').expect(200);
    expect(read.body).toMatchObject({ caseId, personalDataWithheld: true, victims: [expect.objectContaining({ personal: null })] });
    expect(read.text).not.toMatch(new RegExp(`${NAME}|${DOCUMENT}`));
    expect(await entriesFor(caseId)).toHaveLength(before);
    expect((await entriesFor(caseId, 'read_record')).at(-1)).toMatchObject({ actor_role: 'judiciary', purpose: 'Juicio oral 3-2025' });
  });

  it("accepts a purpose in any script as RFC 8187 UTF-8''…, and records it decoded", async () => {
    const purpose = 'Atención a víctima quechuahablante — Ñuñoa 調査 №7';
    await t
      .api('police')
      .get(`/api/v1/cases/${caseId}`)
      .set('X-Purpose', `UTF-8''${encodeURIComponent(purpose)}`)
      .set('X-Request-Id', 'req-utf8')
      .expect(200);
    const entry = (await entriesFor(caseId)).find((row) => row.request_id === 'req-utf8');
    expect(entry).toMatchObject({ purpose, actor_role: 'police' });
    const listed = (await t.api('auditor').get('/api/v1/audit').query({ recordId: caseId }).expect(200)).body.entries;
    expect(listed[0]).toMatchObject({ purpose, requestId: 'req-utf8' });
    // The language tag is allowed and ignored; plain ASCII stays accepted as it is.
    await t.api('operator').get(`/api/v1/hotline-calls/${callId}`).set('X-Purpose', "utf-8'es'Seguimiento%20de%20llamada").expect(200);
    expect((await entriesFor(callId)).at(-1)).toMatchObject({ purpose: 'Seguimiento de llamada' });
  });

  it.each([
    ["UTF-8''%E0%A4%A", 'a cut escape'],
    ["UTF-8''%C3%28", 'invalid UTF-8'],
    ["UTF-8''con espacio", 'an unencoded space'],
    [`UTF-8''${encodeURIComponent('ñ'.repeat(201))}`, 'over 200 characters once decoded'],
  ])('refuses X-Purpose %s (%s) with a 400 naming X-Purpose, reading nothing', async (header) => {
    const before = (await entriesFor(caseId)).length;
    const response = await t.api('police').get(`/api/v1/cases/${caseId}`).set('X-Purpose', header).expect(400);
    expect(response.body).toMatchObject({ code: 'invalid_command', fields: [expect.objectContaining({ field: 'X-Purpose' })] });
    expect(response.text).not.toContain(NAME);
    expect(await entriesFor(caseId)).toHaveLength(before);
  });
});
