import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { countEvents } from '../support/database.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseRegistration, prosecutorReferral, suspect, victim as anyVictim, type CaseRegistrationBody } from '../support/fixtures.js';

const victim = (documentNumber?: string) =>
  anyVictim({ fullName: 'Nombre Reservado', ...(documentNumber ? { documentType: 'DNI', documentNumber } : {}) });
const registration = (overrides: Partial<CaseRegistrationBody> = {}) =>
  caseRegistration({
    caseId: randomUUID(),
    policeUnit: 'Comisaría Wanchaq',
    ubigeo: '080108',
    victims: [victim()],
    ...overrides,
  });
type Row = { caseId: string };

describe('GET /cases and POST /cases/search: the case list and the audited search by document', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const ids$ = (body: { items: Row[] }) => body.items.map((r) => r.caseId);

  beforeAll(async () => {
    t = await createTestApp();
    const register = async (name: string, body: Partial<CaseRegistrationBody>) => {
      const c = registration(body);
      ids[name] = c.caseId;
      await t.api('police').post('/api/v1/cases').send(c).expect(201);
    };
    await register('cusco', { victims: [victim('40.123-456'), victim()], suspects: [suspect()] });
    await register('cuscoProvince', {
      registeredAt: '2025-03-06T10:00:00-05:00',
      ubigeo: '080901',
      policeUnit: 'DIRCTPTIM Cusco',
      purposes: ['sexual_exploitation'],
    });
    await register('lima', {
      registeredAt: '2025-03-07T10:00:00-05:00',
      ubigeo: '150101',
      policeUnit: 'Comisaria Alfonso Ugarte',
      victims: [victim('40123456')],
    });
    await t
      .api('police')
      .post(`/api/v1/cases/${ids.cusco}/prosecutor-referral`)
      .send(prosecutorReferral({ referredAt: '2025-03-08T09:00:00-05:00', office: 'FISTRAP Cusco' }))
      .expect(200);
    await t.project();
  });
  afterAll(async () => t.close());

  it('lists newest first with counts and links, and no personal field', async () => {
    const body = (await t.api('prosecutor').get('/api/v1/cases').expect(200)).body;
    expect(ids$(body)).toEqual([ids.lima, ids.cuscoProvince, ids.cusco]);
    expect(body.nextCursor).toBeNull();
    expect(body.items[2]).toEqual({
      caseId: ids.cusco,
      registeredAt: '2025-03-05T15:00:00.000Z',
      policeUnit: 'Comisaría Wanchaq',
      ubigeo: '080108',
      source: 'walk_in',
      purposes: ['labour_exploitation'],
      status: 'referred',
      victims: 2,
      suspects: 1,
      prosecutionId: expect.any(String),
      referralId: null,
      registryNumber: expect.stringMatching(/^08-2025-\d{6}$/),
      references: {},
      sameAsCaseId: null,
      offenceCategories: [],
    });
    expect(JSON.stringify(body)).not.toMatch(/Nombre|40123456|documentHash|fullName/);
    const page = (await t.api('admin').get('/api/v1/cases?limit=2').expect(200)).body;
    expect(ids$(page)).toEqual([ids.lima, ids.cuscoProvince]);
    expect(ids$((await t.api('admin').get(`/api/v1/cases?limit=2&cursor=${page.nextCursor}`).expect(200)).body)).toEqual([ids.cusco]);
  });

  it('filters by unit (case and accents aside), department, UBIGEO prefix, days, status and purpose', async () => {
    const got = async (query: string) => ids$((await t.api('admin').get(`/api/v1/cases?${query}`).expect(200)).body);
    expect(await got('policeUnit=COMISARIA')).toEqual([ids.lima, ids.cusco]);
    expect(await got('policeUnit=wanchaq')).toEqual([ids.cusco]);
    expect(await got('policeUnit=50%25')).toEqual([]);
    expect(await got('department=08')).toEqual([ids.cuscoProvince, ids.cusco]);
    expect(await got('ubigeo=0801')).toEqual([ids.cusco]);
    expect(await got('ubigeo=080901')).toEqual([ids.cuscoProvince]);
    expect(await got('from=2025-03-06&to=2025-03-06')).toEqual([ids.cuscoProvince]);
    expect(await got('status=referred')).toEqual([ids.cusco]);
    expect(await got('purpose=sexual_exploitation')).toEqual([ids.cuscoProvince]);
  });

  it('keeps a regional token to its departments: police of 08 never sees a case of 15', async () => {
    const body = (await t.api('police', ['08']).get('/api/v1/cases').expect(200)).body;
    expect(ids$(body)).toEqual([ids.cuscoProvince, ids.cusco]);
    expect(ids$((await t.api('police', ['08']).get('/api/v1/cases?department=15').expect(200)).body)).toEqual([]);
    expect(ids$((await t.api('police', ['15']).get('/api/v1/cases').expect(200)).body)).toEqual([ids.lima]);
  });

  const search = (role: Parameters<TestApp['api']>[0], body: Record<string, unknown>, departments?: string[]) =>
    t.api(role, departments).post('/api/v1/cases/search').send(body);

  it("finds a victim's cases by document (POST /cases/search), however it was written, and audits the search with its purpose, never the number", async () => {
    const found = await search('police', {
      documentType: 'DNI',
      documentNumber: '40 123 456',
      purpose: 'Verificar antecedentes de la víctima',
    })
      .set('X-Request-Id', 'req-doc-1')
      .expect(200);
    expect(ids$(found.body)).toEqual([ids.lima, ids.cusco]);
    expect(found.body.nextCursor).toBeNull();
    const scoped = await search('police', { documentType: 'DNI', documentNumber: '40123456', purpose: 'Verificación' }, ['08']).expect(200);
    expect(ids$(scoped.body)).toEqual([ids.cusco]);
    const none = await search('prosecutor', { documentType: 'CE', documentNumber: '40123456', purpose: 'Verificación' }).expect(200);
    expect(none.body).toEqual({ items: [], nextCursor: null });
    const page = await search('admin', { documentType: 'DNI', documentNumber: '40123456', purpose: 'Paginar', limit: 1 }).expect(200);
    expect(ids$(page.body)).toEqual([ids.lima]);
    const next = await search('admin', {
      documentType: 'DNI',
      documentNumber: '40123456',
      purpose: 'Paginar',
      limit: 1,
      cursor: page.body.nextCursor,
    }).expect(200);
    expect(ids$(next.body)).toEqual([ids.cusco]);
    const entries = (await t.api('auditor').get('/api/v1/audit?action=search_personal_data').expect(200)).body.entries;
    expect(entries.map((e: { recordId: string | null; actorRole: string }) => [e.actorRole, e.recordId])).toEqual([
      ['admin', ids.cusco],
      ['admin', ids.lima],
      ['prosecutor', null],
      ['police', ids.cusco],
      ['police', ids.cusco],
      ['police', ids.lima],
    ]);
    expect(entries[5]).toMatchObject({
      action: 'search_personal_data',
      recordType: 'case_search',
      purpose: 'Verificar antecedentes de la víctima',
      requestId: 'req-doc-1',
    });
    const audit = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE row_to_json(audit_log)::text LIKE '%40123456%' OR row_to_json(audit_log)::text LIKE '%40 123 456%'",
    );
    expect(audit.rows[0].n).toBe(0);
  });

  it('refuses a document search without a purpose, half a document, or by a role that may not, and audits none of them', async () => {
    const before = (await t.api('auditor').get('/api/v1/audit?action=search_personal_data').expect(200)).body.entries.length;
    const noPurpose = await search('police', { documentType: 'DNI', documentNumber: '40123456' }).expect(400);
    expect(noPurpose.body.fields.map((f: { field: string }) => f.field)).toEqual(['purpose']);
    const blank = await search('police', { documentType: 'DNI', documentNumber: '40123456', purpose: '  ' }).expect(400);
    expect(blank.body.fields.map((f: { field: string }) => f.field)).toEqual(['purpose']);
    const half = await search('police', { documentNumber: '40123456', purpose: 'x' }).expect(400);
    expect(half.body.fields.map((f: { field: string }) => f.field)).toEqual(['documentType']);
    const bad = await search('police', { documentType: 'RUC', documentNumber: '', purpose: 'x'.repeat(201), limit: 0, extra: 1 }).expect(
      400,
    );
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'documentNumber',
      'documentType',
      'extra',
      'limit',
      'purpose',
    ]);
    const dashes = await search('police', { documentType: 'DNI', documentNumber: '-.-', purpose: 'x' }).expect(400);
    expect(dashes.body.fields.map((f: { field: string }) => f.field)).toEqual(['documentNumber']);
    for (const role of ['judiciary', 'operator', 'protection', 'analyst', 'auditor'] as const) {
      const refused = await search(role, { documentType: 'DNI', documentNumber: '40123456', purpose: 'x' }).expect(403);
      expect(refused.body.code).toBe('forbidden');
    }
    await t.api('judiciary').get('/api/v1/cases').expect(200);
    for (const role of ['operator', 'protection', 'analyst', 'auditor'] as const) await t.api(role).get('/api/v1/cases').expect(403);
    expect((await t.api('auditor').get('/api/v1/audit?action=search_personal_data').expect(200)).body.entries.length).toBe(before);
  });

  it('refuses the document in the URL of GET /cases, pointing to POST /cases/search, and audits nothing', async () => {
    const before = (await t.api('auditor').get('/api/v1/audit?action=search_personal_data').expect(200)).body.entries.length;
    const both = await t.api('police').get('/api/v1/cases?documentType=DNI&documentNumber=40123456').set('X-Purpose', 'x').expect(400);
    expect(both.body.fields).toEqual([
      { field: 'documentType', reason: 'ya no se admite en la URL: busque por documento con POST /api/v1/cases/search' },
      { field: 'documentNumber', reason: 'ya no se admite en la URL: busque por documento con POST /api/v1/cases/search' },
    ]);
    const en = await t.api('judiciary').get('/api/v1/cases?documentNumber=40123456').set('Accept-Language', 'en').expect(400);
    expect(en.body.fields).toEqual([
      { field: 'documentNumber', reason: 'is no longer accepted in the URL: search by document with POST /api/v1/cases/search' },
    ]);
    expect((await t.api('auditor').get('/api/v1/audit?action=search_personal_data').expect(200)).body.entries.length).toBe(before);
  });

  it.each([
    ['ubigeo=081', 'ubigeo'],
    ['department=8', 'department'],
    ['status=archived', 'status'],
    ['purpose=theft', 'purpose'],
    ['from=2025-13-01', 'from'],
    ['from=2025-03-09&to=2025-03-01', 'to'],
    ['limit=500', 'limit'],
    ['cursor=xyz', 'cursor'],
    ['documentType=DNI', 'documentType'],
    ['victims=1', 'victims'],
  ])('refuses ?%s with 400 naming %s, appending nothing', async (query, field) => {
    const before = await countEvents(t.db.pool);
    const response = await t.api('admin').get(`/api/v1/cases?${query}`).set('X-Purpose', 'x').expect(400);
    expect(response.body.fields.map((f: { field: string }) => f.field)).toEqual([field]);
    expect(await countEvents(t.db.pool)).toBe(before);
  });
});
