import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { countEvents } from '../support/database.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { hotlineCall, type HotlineCallBody } from '../support/fixtures.js';

const validCall = (overrides: Partial<HotlineCallBody> = {}) =>
  hotlineCall({
    callId: randomUUID(),
    receivedAt: '2025-03-14T09:30:00-05:00',
    language: 'qu',
    callerUbigeo: '080101',
    anonymous: false,
    topic: 'information',
    summary: 'Texto confidencial de la llamada',
    ...overrides,
  });

/** A command's answer: the call, its version, and the global position of the event that stands for it. */
const answered = (callId: string, version: number) => (response: { body: unknown }) =>
  expect(response.body).toEqual({ callId, version, position: expect.any(Number) });

describe('hotline calls over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('records a call, returns it with its version as ETag, and never stores the summary in clear', async () => {
    const body = validCall();
    const created = await t.api('operator').post('/api/v1/hotline-calls').send(body).expect(201);
    expect(created.body).toEqual({ callId: body.callId, version: 1, position: expect.any(Number) });
    const event = await t.db.pool.query('SELECT global_position FROM events WHERE stream_id = $1', [`hotline-call-${body.callId}`]);
    expect(created.body.position).toBe(Number(event.rows[0].global_position));

    const read = await t
      .api('operator')
      .get(`/api/v1/hotline-calls/${body.callId}`)
      .set('X-Purpose', 'Seguimiento de la llamada')
      .expect(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.body).toMatchObject({
      callId: body.callId,
      status: 'open',
      receivedAt: '2025-03-14T14:30:00.000Z',
      channel: 'phone',
      language: 'qu',
      callerUbigeo: '080101',
      anonymous: false,
      topic: 'information',
      traffickingRelated: false,
      summary: body.summary,
      version: 1,
      personalDataWithheld: false,
    });
    const stored = await t.db.pool.query("SELECT count(*)::int AS n FROM events WHERE data::text LIKE '%confidencial%'");
    expect(stored.rows[0].n).toBe(0);
  });

  it('assigns an id when the client sends none', async () => {
    const { callId: _omitted, ...body } = validCall();
    const created = await t.api('operator').post('/api/v1/hotline-calls').send(body).expect(201);
    expect(created.body.callId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a retry with the original result, and a different body under the same id with 409', async () => {
    const body = validCall();
    const first = await t.api('operator').post('/api/v1/hotline-calls').send(body).expect(201);
    const before = await countEvents(t.db.pool);
    const retry = await t.api('operator').post('/api/v1/hotline-calls').send(body).expect(201);
    expect(retry.body).toEqual(first.body);
    const conflict = await t
      .api('operator')
      .post('/api/v1/hotline-calls')
      .send({ ...body, topic: 'other' })
      .expect(409);
    expect(conflict.body.code).toBe('idempotency_conflict');
    expect(await countEvents(t.db.pool)).toBe(before);
  });

  it('re-classifies, corrects and closes with optimistic concurrency, then refuses changes with 422', async () => {
    const { callId } = (
      await t
        .api('operator')
        .post('/api/v1/hotline-calls')
        .send(validCall({ topic: 'missing_person' }))
        .expect(201)
    ).body;
    const url = `/api/v1/hotline-calls/${callId}`;

    const stale = await t.api('operator').post(`${url}/classification`).set('If-Match', '"7"').send({ topic: 'trafficking' }).expect(409);
    expect(stale.body.code).toBe('version_conflict');
    await t
      .api('operator')
      .post(`${url}/classification`)
      .set('If-Match', '"1"')
      .send({ topic: 'trafficking', reason: 'captación' })
      .expect(200)
      .expect(answered(callId, 2));
    expect((await t.api('operator').get(url)).body).toMatchObject({ topic: 'trafficking', traffickingRelated: true });

    await t
      .api('operator')
      .post(`${url}/correction`)
      .send({ callerUbigeo: '1501', reason: 'Dato mal anotado' })
      .expect(200)
      .expect(answered(callId, 3));
    await t
      .api('operator')
      .post(`${url}/closure`)
      .set('If-Match', '3')
      .send({ closedAt: '2025-03-14T10:00:00-05:00', outcome: 'referred' })
      .expect(200)
      .expect(answered(callId, 4));
    const closed = await t.api('operator').get(url).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', callerUbigeo: '1501', outcome: 'referred', version: 4 });

    const before = await countEvents(t.db.pool);
    for (const [path, body] of [
      ['classification', { topic: 'other' }],
      ['correction', { channel: 'web', reason: 'x' }],
      ['closure', { closedAt: '2025-03-14T11:00:00-05:00', outcome: 'other' }],
    ] as const) {
      const refused = await t.api('operator').post(`${url}/${path}`).send(body).expect(422);
      expect(refused.body.code).toBe('call_closed');
    }
    expect(await countEvents(t.db.pool)).toBe(before);
  });

  it('recognises a retried command by its Idempotency-Key, even after it changed the state', async () => {
    const { callId } = (await t.api('operator').post('/api/v1/hotline-calls').send(validCall()).expect(201)).body;
    const close = (outcome: string) =>
      t
        .api('operator')
        .post(`/api/v1/hotline-calls/${callId}/closure`)
        .set('Idempotency-Key', 'close-1')
        .send({ closedAt: '2025-03-14T10:00:00-05:00', outcome });
    await close('information_provided').expect(200).expect(answered(callId, 2));
    const before = await countEvents(t.db.pool);
    // The first answer was lost: the client retries. Without the key this would be "call closed" (422).
    await close('information_provided').expect(200).expect(answered(callId, 2));
    // …also when the retry carries the If-Match of the original request, now stale.
    await close('information_provided').set('If-Match', '"1"').expect(200).expect(answered(callId, 2));
    const reused = await close('dropped').expect(409);
    expect(reused.body.code).toBe('idempotency_conflict');
    expect(await countEvents(t.db.pool)).toBe(before);
  });

  it('treats a correction to the values already recorded as a harmless no-op', async () => {
    const { callId } = (await t.api('operator').post('/api/v1/hotline-calls').send(validCall()).expect(201)).body;
    const correct = () =>
      t.api('operator').post(`/api/v1/hotline-calls/${callId}/correction`).send({ channel: 'web', reason: 'Canal mal anotado' });
    await correct().expect(200).expect(answered(callId, 2));
    await correct().expect(200).expect(answered(callId, 2));
    // The summary is stored sealed; the same text is still recognised as unchanged.
    await t
      .api('operator')
      .post(`/api/v1/hotline-calls/${callId}/correction`)
      .send({ summary: 'Texto confidencial de la llamada', reason: 'Sin cambio' })
      .expect(200)
      .expect(answered(callId, 2));
    await t
      .api('operator')
      .post(`/api/v1/hotline-calls/${callId}/correction`)
      .send({ summary: 'Otro texto', reason: 'Resumen incompleto' })
      .expect(200)
      .expect(answered(callId, 3));
    expect((await t.api('operator').get(`/api/v1/hotline-calls/${callId}`).set('X-Purpose', 'Revisar la corrección')).body.summary).toBe(
      'Otro texto',
    );
  });

  it('reports readiness at /health, outside the versioned API', async () => {
    const health = await t.api('operator').get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('tells the public only whether it is ready; the log head and projections only to a valid token', async () => {
    const anonymous = await request(t.app.getHttpServer()).get('/health').expect(200);
    expect(anonymous.body).toEqual({ status: 'ok', database: 'up' });
    const forged = await request(t.app.getHttpServer()).get('/health').set('Authorization', 'Bearer not.a.token').expect(200);
    expect(forged.body).toEqual({ status: 'ok', database: 'up' });
    const signed = await t.api('auditor').get('/health').expect(200);
    expect(signed.body).toMatchObject({ status: 'ok', database: 'up', logHead: expect.any(Number), projections: expect.any(Array) });
  });

  it('answers 404 for unknown or malformed ids', async () => {
    const unknown = await t.api('operator').get(`/api/v1/hotline-calls/${randomUUID()}`).expect(404);
    expect(unknown.body).toMatchObject({ code: 'call_not_found', fields: [] });
    await t.api('operator').get('/api/v1/hotline-calls/not-a-uuid').expect(404);
    await t
      .api('operator')
      .post(`/api/v1/hotline-calls/${randomUUID()}/closure`)
      .send({ closedAt: '2025-03-14T11:00:00-05:00', outcome: 'other' })
      .expect(404);
  });

  it('shows a recorded call in the statistics, by month in Lima time and by department, with its log position', async () => {
    // 03:00 UTC on 1 February is still 31 January in Lima.
    const created = await t
      .api('operator')
      .post('/api/v1/hotline-calls')
      .send(validCall({ receivedAt: '2024-02-01T03:00:00Z', callerUbigeo: '170101', topic: 'trafficking' }))
      .expect(201);
    await t
      .api('operator')
      .post('/api/v1/hotline-calls')
      .send(validCall({ receivedAt: '2024-02-10T12:00:00Z', callerUbigeo: null }))
      .expect(201);
    await t.project();

    const byMonth = await t.api('operator').get('/api/v1/statistics/hotline?from=2024-01&to=2024-03&by=month').expect(200);
    expect(byMonth.body.groups).toEqual([
      { key: '2024-01', label: '2024-01', received: 1, traffickingRelated: 1, closed: 0 },
      { key: '2024-02', label: '2024-02', received: 1, traffickingRelated: 0, closed: 0 },
      { key: '2024-03', label: '2024-03', received: 0, traffickingRelated: 0, closed: 0 },
    ]);
    expect(byMonth.body.asOf.eventsProcessed).toBe(await countEvents(t.db.pool));
    expect(byMonth.body.asOf.globalPosition).toBeGreaterThan(0);
    expect(created.body.version).toBe(1);

    const byDepartment = await t.api('operator').get('/api/v1/statistics/hotline?from=2024-01&to=2024-02&by=department').expect(200);
    const groups = Object.fromEntries(byDepartment.body.groups.map((g: { key: string }) => [g.key, g]));
    expect(groups['17']).toMatchObject({ label: 'Madre de Dios', received: 1, traffickingRelated: 1 });
    expect(groups.unknown).toMatchObject({ label: 'Sin información', received: 1 });
    expect(groups['15']).toMatchObject({ received: 0 });
    expect(byDepartment.body.total).toEqual({ received: 2, traffickingRelated: 1, closed: 0 });
  });

  it('refuses bad statistics queries with 400 naming the parameter', async () => {
    for (const [query, field] of [
      ['from=2024-13', 'from'],
      ['to=24-01', 'to'],
      ['by=year', 'by'],
      ['from=2025-02&to=2025-01', 'from'],
    ]) {
      const response = await t.api('operator').get(`/api/v1/statistics/hotline?${query}`).expect(400);
      expect(response.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
  });
});
