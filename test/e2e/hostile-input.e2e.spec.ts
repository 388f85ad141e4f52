import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { countEvents } from '../support/database.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseRegistration, hotlineCall, ruling, victim } from '../support/fixtures.js';

// Valid bodies, each with the hostile fields of a test spread over it.
const validCase = (overrides: Record<string, unknown> = {}) => ({
  ...caseRegistration({
    policeUnit: 'Comisaría de Tambopata',
    ubigeo: '170101',
    victims: [victim({ sex: 'male', age: 19, nationality: 'BO' })],
  }),
  ...overrides,
});
const validCall = (overrides: Record<string, unknown> = {}) => ({
  ...hotlineCall({ callerUbigeo: undefined, summary: 'Relato' }),
  ...overrides,
});

const nested = (depth: number, open: string, close: string, inner = '1') => open.repeat(depth) + inner + close.repeat(depth);

describe('hostile input: 400 naming the problem, nothing appended, never a 500', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it.each([
    ['/api/v1/cases', 'police', 'objects', nested(2000, '{"a":', '}')],
    ['/api/v1/cases', 'police', 'arrays', nested(5000, '[', ']')],
    ['/api/v1/cases', 'police', 'arrays inside a field', `{"victims":${nested(5000, '[', ']')}}`],
    ['/api/v1/hotline-calls', 'operator', 'objects', nested(2000, '{"a":', '}')],
    ['/api/v1/hotline-calls', 'operator', 'arrays inside a field', `{"summary":${nested(5000, '[', ']')}}`],
  ] as const)('refuses a body nested too deep on %s (%s, %s)', async (path, role, _, body) => {
    const before = await countEvents(t.db.pool);
    const res = await t.api(role).post(path).set('Content-Type', 'application/json').set('Accept-Language', 'en').send(body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_command', fields: [{ field: 'body', reason: expect.stringMatching(/nested/) }] });
    expect(await countEvents(t.db.pool)).toBe(before);
  });

  it('accepts a body nested as deep as a real one', async () => {
    await t.api('police').post('/api/v1/cases').send(validCase()).expect(201);
  });

  it.each([
    ['policeUnit', { policeUnit: 'Comisaría\u0000' }],
    ['victims[0].fullName', { victims: [{ sex: 'female', nationality: 'PE', fullName: 'Ana \ud800' }] }],
    ['victims[0].fullName', { victims: [{ sex: 'female', nationality: 'PE', fullName: '\udc00 Ana' }] }],
  ] as const)('refuses text PostgreSQL cannot store in %s on POST /cases', async (field, overrides) => {
    const before = await countEvents(t.db.pool);
    const es = await t.api('police').post('/api/v1/cases').send(validCase(overrides)).expect(400);
    expect(es.body).toMatchObject({ code: 'invalid_command', fields: [{ field, reason: 'contiene caracteres no válidos' }] });
    const en = await t.api('police').post('/api/v1/cases').set('Accept-Language', 'en').send(validCase(overrides)).expect(400);
    expect(en.body.fields).toEqual([{ field, reason: 'contains characters that cannot be stored' }]);
    expect(await countEvents(t.db.pool)).toBe(before);
  });

  it('refuses such text on other routes too, and keeps well-formed non-ASCII text (emoji, accents)', async () => {
    const before = await countEvents(t.db.pool);
    const res = await t
      .api('operator')
      .post('/api/v1/hotline-calls')
      .send(validCall({ summary: 'x\u0000y' }))
      .expect(400);
    expect(res.body.fields).toEqual([{ field: 'summary', reason: 'contiene caracteres no válidos' }]);
    expect(await countEvents(t.db.pool)).toBe(before);
    await t
      .api('operator')
      .post('/api/v1/hotline-calls')
      .send(validCall({ summary: 'Ñandú 😀 llamó' }))
      .expect(201);
  });

  it.each([
    ['Idempotency-Key', 'k'.repeat(201)],
    ['Idempotency-Key', 'clave con espacios'],
    ['X-Request-Id', 'r'.repeat(201)],
    ['X-Request-Id', 'ñandú'],
    // A bounded token (security issue, item 5): no sentence, name or document number rides into the log.
    ['X-Request-Id', 'r'.repeat(129)],
    ['X-Request-Id', 'maria-quispe/DNI=40123456'],
    ['Idempotency-Key', 'k'.repeat(129)],
  ])('refuses a %s header that is too long or has odd characters (400 naming the header)', async (header, value) => {
    const before = await countEvents(t.db.pool);
    const res = await t.api('operator').post('/api/v1/hotline-calls').set(header, value).send(validCall()).expect(400);
    expect(res.body).toMatchObject({ code: 'invalid_command', fields: [{ field: header }] });
    expect(await countEvents(t.db.pool)).toBe(before);
  });

  it('bounds every number in a body, 400 naming the field, before looking the record up', async () => {
    const { caseId } = (await t.api('police').post('/api/v1/cases').send(validCase()).expect(201)).body;
    const before = await countEvents(t.db.pool);
    for (const [field, value] of [
      ['rescued', 10_001],
      ['detained', 1e12],
      ['rescued', Number.MAX_SAFE_INTEGER],
    ] as const) {
      const res = await t
        .api('police')
        .post(`/api/v1/cases/${caseId}/operations`)
        .send({ conductedAt: '2025-03-06T10:00:00-05:00', rescued: 1, detained: 1, [field]: value })
        .expect(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual([field]);
    }
    await t
      .api('police')
      .post(`/api/v1/cases/${caseId}/operations`)
      .send({ conductedAt: '2025-03-06T10:00:00-05:00', rescued: 10_000, detained: 0 })
      .expect(200);
    for (const sentenceYears of [36, 1e9, -5]) {
      const res = await t
        .api('judiciary')
        .post(`/api/v1/trials/${randomUUID()}/rulings`)
        .send(ruling([randomUUID()], { sentenceYears }))
        .expect(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual(['sentenceYears']);
    }
    expect(await countEvents(t.db.pool)).toBe(before + 1);
  });

  it('accepts ordinary Idempotency-Key and X-Request-Id values', async () => {
    await t
      .api('operator')
      .post('/api/v1/hotline-calls')
      .set('Idempotency-Key', '7f1c2a9e-5b3d-4e8f-9a1b-2c3d4e5f6a7b')
      .set('X-Request-Id', 'req-123_abc.def:1')
      .send(validCall())
      .expect(201);
  });

  it.each([
    ['/api/v1/hotline-calls?minPosition=1e308', 'operator', 'minPosition'],
    ['/api/v1/hotline-calls?limit=99999999999', 'operator', 'limit'],
    ['/api/v1/cases?minPosition=99999999999999999999', 'police', 'minPosition'],
    ['/api/v1/cases?limit=1e308', 'police', 'limit'],
    ['/api/v1/audit?before=1e308', 'admin', 'before'],
    ['/api/v1/audit?limit=99999999999', 'admin', 'limit'],
    ['/api/v1/statistics/hotline?asOf=1e308', 'analyst', 'asOf'],
    ['/api/v1/statistics/hotline?minPosition=1e308', 'analyst', 'minPosition'],
    ['/api/v1/statistics/referrals?asOf=99999999999999999999', 'analyst', 'asOf'],
    ['/api/v1/statistics/monthly?year=2025&month=3&asOf=1e308', 'analyst', 'asOf'],
    ['/api/v1/statistics/inei/2025?asOf=1e308', 'analyst', 'asOf'],
  ] as const)('answers 400 naming the parameter for %s', async (url, role, field) => {
    const res = await t.api(role).get(url);
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
  });
});
