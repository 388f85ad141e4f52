import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { PROBLEM_TYPES } from '../../apps/api/src/http/problem-details.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { hotlineCall } from '../support/fixtures.js';
import { validate, type OpenApiDocument } from '../support/openapi-validate.js';

/** Checks one error answer: RFC 9457 problem details with this API's members, as the document's schema says. */
function expectProblem(
  doc: OpenApiDocument,
  response: request.Response,
  expected: { status: number; code: string; path: string; language?: 'es' | 'en' },
): void {
  expect(response.status).toBe(expected.status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.body as Record<string, unknown>;
  const type = PROBLEM_TYPES[expected.code as keyof typeof PROBLEM_TYPES];
  expect(body).toMatchObject({
    type: `/problems/${expected.code}`,
    title: type[expected.language ?? 'es'],
    status: expected.status,
    instance: expected.path,
    code: expected.code,
  });
  expect(typeof body.detail).toBe('string');
  expect(body.error).toBe(body.detail);
  expect(Array.isArray(body.fields)).toBe(true);
  expect(validate(doc, { $ref: '#/components/schemas/ProblemDetails' }, body)).toEqual([]);
}

describe('every error answer is application/problem+json (RFC 9457) with code and fields', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await http().get('/docs-json').expect(200)).body as OpenApiDocument;
  });
  afterAll(async () => t.close());

  it('400: a body that fails validation, in Spanish by default and in English when asked', async () => {
    const path = '/api/v1/hotline-calls';
    const es = await t
      .api('operator')
      .post(path)
      .send({ ...hotlineCall(), channel: 'fax' });
    expectProblem(doc, es, { status: 400, code: 'invalid_command', path });
    expect(es.body.detail).toBe('Datos no válidos');
    expect(es.body.fields).toEqual([expect.objectContaining({ field: 'channel' })]);
    const en = await t
      .api('operator')
      .post(path)
      .set('Accept-Language', 'en')
      .send({ ...hotlineCall(), channel: 'fax' });
    expectProblem(doc, en, { status: 400, code: 'invalid_command', path, language: 'en' });
    expect(en.body.title).toBe('Invalid data');
    expect(en.body.fields[0].reason).toBe('is not an allowed value');
  });

  it('400: malformed JSON; 413: a body over the limit', async () => {
    const path = '/api/v1/hotline-calls';
    const malformed = await t.api('operator').post(path).set('Content-Type', 'application/json').send('{"channel": ');
    expectProblem(doc, malformed, { status: 400, code: 'malformed_json', path });
    const large = await t
      .api('operator')
      .post(path)
      .send({ ...hotlineCall(), summary: 'x'.repeat(20_000) });
    expectProblem(doc, large, { status: 413, code: 'body_too_large', path });
  });

  it('401 without a token (with WWW-Authenticate), 403 for a role that may not call the route', async () => {
    const unauthorized = await http().get('/api/v1/hotline-calls');
    expectProblem(doc, unauthorized, { status: 401, code: 'unauthorized', path: '/api/v1/hotline-calls' });
    expect(unauthorized.headers['www-authenticate']).toBe('Bearer realm="registro"');
    const forbidden = await t.api('analyst').post('/api/v1/hotline-calls').send(hotlineCall());
    expectProblem(doc, forbidden, { status: 403, code: 'forbidden', path: '/api/v1/hotline-calls' });
  });

  it('404 for an unknown route and for an unknown record; the query string stays out of instance', async () => {
    expectProblem(doc, await t.api('admin').get('/api/v1/no-such-route?documentNumber=07654321'), {
      status: 404,
      code: 'not_found',
      path: '/api/v1/no-such-route',
    });
    const id = randomUUID();
    expectProblem(doc, await t.api('operator').get(`/api/v1/hotline-calls/${id}`), {
      status: 404,
      code: 'call_not_found',
      path: `/api/v1/hotline-calls/${id}`,
    });
  });

  it('404 for a method a path does not have and for a path id that is no UUID; 400 for an undecodable path', async () => {
    expectProblem(doc, await t.api('admin').delete('/api/v1/hotline-calls'), {
      status: 404,
      code: 'not_found',
      path: '/api/v1/hotline-calls',
    });
    expectProblem(doc, await t.api('operator').get('/api/v1/hotline-calls/not-a-uuid'), {
      status: 404,
      code: 'call_not_found',
      path: '/api/v1/hotline-calls/not-a-uuid',
    });
    // A path Express cannot even decode.
    expectProblem(doc, await t.api('operator').get('/api/v1/hotline-calls/%E0%A4%A'), {
      status: 400,
      code: 'bad_request',
      path: '/api/v1/hotline-calls/%E0%A4%A',
    });
  });

  it('409 for a stale If-Match, 422 for a command the record no longer allows', async () => {
    const call = hotlineCall({ callId: randomUUID() });
    await t.api('operator').post('/api/v1/hotline-calls').send(call).expect(201);
    const classification = `/api/v1/hotline-calls/${call.callId}/classification`;
    const stale = await t.api('operator').post(classification).set('If-Match', '"7"').send({ topic: 'information' });
    expectProblem(doc, stale, { status: 409, code: 'version_conflict', path: classification });
    const closure = `/api/v1/hotline-calls/${call.callId}/closure`;
    await t.api('operator').post(closure).send({ closedAt: '2025-03-03T10:00:00-05:00', outcome: 'referred' }).expect(200);
    const again = await t.api('operator').post(closure).send({ closedAt: '2025-03-03T10:05:00-05:00', outcome: 'referred' });
    expectProblem(doc, again, { status: 422, code: 'call_closed', path: closure });
  });
});

describe('a 429 is problem details too', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '2' });
  });
  afterAll(async () => t.close());

  it('answers the request over the limit with rate_limited and Retry-After', async () => {
    const doc = (await request(t.app.getHttpServer()).get('/docs-json').expect(200)).body as OpenApiDocument;
    // The windows are fixed minutes: do not straddle one's end.
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 3_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
    const busy = t.api('operator');
    for (let i = 0; i < 2; i++) await busy.get('/api/v1/me').expect(200);
    const limited = await busy.get('/api/v1/me').set('Accept-Language', 'en');
    expectProblem(doc, limited, { status: 429, code: 'rate_limited', path: '/api/v1/me', language: 'en' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
