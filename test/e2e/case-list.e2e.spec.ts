import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { countEvents } from '../support/database.js';
import { createTestApp, type TestApp } from '../support/app.js';

const victim = (documentNumber?: string) => ({ sex: 'female', age: 17, nationality: 'PE', fullName: 'Nombre Reservado', ...(documentNumber ? { documentType: 'DNI', documentNumber } : {}) });
const registration = (overrides: Record<string, unknown> = {}) => ({
  caseId: randomUUID(), registeredAt: '2025-03-05T10:00:00-05:00', policeUnit: 'Comisaría Wanchaq', ubigeo: '080108', source: 'walk_in',
  purposes: ['labour_exploitation'], victims: [victim()], suspects: [], ...overrides,
});
type Row = { caseId: string };

describe('GET /cases: the case list and the audited search by document', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const ids$ = (body: { items: Row[] }) => body.items.map((r) => r.caseId);

  beforeAll(async () => {
    t = await createTestApp();
    const register = async (name: string, body: Record<string, unknown>) => {
      const c = registration(body);
      ids[name] = c.caseId;
      await t.api('police').post('/api/v1/cases').send(c).expect(201);
    };
    await register('cusco', { victims: [victim('40.123-456'), victim()], suspects: [{ sex: 'male', nationality: 'PE' }] });
    await register('cuscoProvince', { registeredAt: '2025-03-06T10:00:00-05:00', ubigeo: '080901', policeUnit: 'DIRCTPTIM Cusco', purposes: ['sexual_exploitation'] });
    await register('lima', { registeredAt: '2025-03-07T10:00:00-05:00', ubigeo: '150101', policeUnit: 'Comisaria Alfonso Ugarte', victims: [victim('40123456')] });
    await t.api('police').post(`/api/v1/cases/${ids.cusco}/prosecutor-referral`).send({ referredAt: '2025-03-08T09:00:00-05:00', office: 'FISTRAP Cusco' }).expect(200);
    await t.project();
  });
  afterAll(async () => t.close());

  it('lists newest first with counts and links, and no personal field', async () => {
    const body = (await t.api('prosecutor').get('/api/v1/cases').expect(200)).body;
    expect(ids$(body)).toEqual([ids.lima, ids.cuscoProvince, ids.cusco]);
    expect(body.nextCursor).toBeNull();
    expect(body.items[2]).toEqual({
      caseId: ids.cusco, registeredAt: '2025-03-05T15:00:00.000Z', policeUnit: 'Comisaría Wanchaq', ubigeo: '080108', source: 'walk_in',
      purposes: ['labour_exploitation'], status: 'referred', victims: 2, suspects: 1, prosecutionId: expect.any(String), referralId: null,
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

  it('finds a victim\'s cases by document, however it was written, and audits the search with its purpose, never the number', async () => {
    const found = await t.api('police').get('/api/v1/cases?documentType=DNI&documentNumber=40 123 456')
      .set('X-Purpose', 'Verificar antecedentes de la víctima').set('X-Request-Id', 'req-doc-1').expect(200);
    expect(ids$(found.body)).toEqual([ids.lima, ids.cusco]);
    const scoped = await t.api('police', ['08']).get('/api/v1/cases?documentType=DNI&documentNumber=40123456').set('X-Purpose', 'Verificación').expect(200);
    expect(ids$(scoped.body)).toEqual([ids.cusco]);
    const none = await t.api('prosecutor').get('/api/v1/cases?documentType=CE&documentNumber=40123456').set('X-Purpose', 'Verificación').expect(200);
    expect(none.body.items).toEqual([]);
    const entries = (await t.api('auditor').get('/api/v1/audit?action=search_personal_data').expect(200)).body.entries;
    expect(entries.map((e: { recordId: string | null; actorRole: string }) => [e.actorRole, e.recordId])).toEqual([
      ['prosecutor', null], ['police', ids.cusco], ['police', ids.cusco], ['police', ids.lima],
    ]);
    expect(entries[3]).toMatchObject({ action: 'search_personal_data', recordType: 'case_search', purpose: 'Verificar antecedentes de la víctima', requestId: 'req-doc-1' });
    const audit = await t.db.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE row_to_json(audit_log)::text LIKE '%40123456%' OR row_to_json(audit_log)::text LIKE '%40 123 456%'");
    expect(audit.rows[0].n).toBe(0);
  });

  it('refuses a document search without X-Purpose, half a document, or by a role that may not, and audits none of them', async () => {
    const before = (await t.api('auditor').get('/api/v1/audit?action=search_personal_data').expect(200)).body.entries.length;
    const noPurpose = await t.api('police').get('/api/v1/cases?documentType=DNI&documentNumber=40123456').expect(400);
    expect(noPurpose.body.fields.map((f: { field: string }) => f.field)).toEqual(['X-Purpose']);
    const half = await t.api('police').get('/api/v1/cases?documentNumber=40123456').set('X-Purpose', 'x').expect(400);
    expect(half.body.fields.map((f: { field: string }) => f.field)).toEqual(['documentType']);
    const other = await t.api('police').get('/api/v1/cases?documentType=DNI').set('X-Purpose', 'x').expect(400);
    expect(other.body.fields.map((f: { field: string }) => f.field)).toEqual(['documentNumber']);
    const judiciary = await t.api('judiciary').get('/api/v1/cases?documentType=DNI&documentNumber=40123456').set('X-Purpose', 'x').expect(403);
    expect(judiciary.body.code).toBe('forbidden');
    await t.api('judiciary').get('/api/v1/cases').expect(200);
    for (const role of ['operator', 'protection', 'analyst', 'auditor'] as const) await t.api(role).get('/api/v1/cases').expect(403);
    expect((await t.api('auditor').get('/api/v1/audit?action=search_personal_data').expect(200)).body.entries.length).toBe(before);
  });

  it.each([
    ['ubigeo=081', 'ubigeo'], ['department=8', 'department'], ['status=archived', 'status'], ['purpose=theft', 'purpose'],
    ['from=2025-13-01', 'from'], ['from=2025-03-09&to=2025-03-01', 'to'], ['limit=500', 'limit'], ['cursor=xyz', 'cursor'],
    ['documentType=RUC&documentNumber=1', 'documentType'], ['victims=1', 'victims'],
  ])('refuses ?%s with 400 naming %s, appending nothing', async (query, field) => {
    const before = await countEvents(t.db.pool);
    const response = await t.api('admin').get(`/api/v1/cases?${query}`).set('X-Purpose', 'x').expect(400);
    expect(response.body.fields.map((f: { field: string }) => f.field)).toEqual([field]);
    expect(await countEvents(t.db.pool)).toBe(before);
  });
});
