import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { callReferral, hotlineCall, type HotlineCallBody } from '../support/fixtures.js';

const call = (overrides: Partial<HotlineCallBody> = {}) =>
  hotlineCall({
    callId: randomUUID(),
    receivedAt: '2025-03-14T09:30:00-05:00',
    callerUbigeo: '080101',
    anonymous: false,
    topic: 'information',
    summary: 'Texto confidencial',
    ...overrides,
  });
type Row = { callId: string; receivedAt: string; topic: string; status: string; referrals: number; version: number };

describe("GET /hotline-calls: the operators' list", () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const as = (subject: string, departments: string[] = []) =>
    request.agent(t.app.getHttpServer()).set('Authorization', `Bearer ${t.token('operator', { subject, departments })}`);
  const list = (query: string, agent = as('op-a')) => agent.get(`/api/v1/hotline-calls${query}`);

  beforeAll(async () => {
    t = await createTestApp();
    const record = async (name: string, subject: string, body: Partial<HotlineCallBody>) => {
      const c = call(body);
      ids[name] = c.callId;
      await as(subject).post('/api/v1/hotline-calls').send(c).expect(201);
    };
    await record('cusco1', 'op-a', { receivedAt: '2025-03-01T08:00:00-05:00' });
    await record('cusco2', 'op-a', { receivedAt: '2025-03-02T23:30:00-05:00', topic: 'trafficking' });
    await record('lima', 'op-b', { receivedAt: '2025-03-03T10:00:00-05:00', callerUbigeo: '150101' });
    await record('nowhere', 'op-b', { receivedAt: '2025-03-04T10:00:00-05:00', callerUbigeo: null });
    await as('op-a')
      .post(`/api/v1/hotline-calls/${ids.cusco2}/referrals`)
      .send(callReferral({ referredAt: '2025-03-03T09:00:00-05:00' }))
      .expect(201);
    await as('op-a')
      .post(`/api/v1/hotline-calls/${ids.cusco1}/closure`)
      .send({ closedAt: '2025-03-01T08:10:00-05:00', outcome: 'information_provided' })
      .expect(200);
    await t.project();
  });
  afterAll(async () => t.close());

  it('lists newest first, with codes, counts and version, never the summary', async () => {
    const body = (await list('').expect(200)).body;
    expect(body.items.map((r: Row) => r.callId)).toEqual([ids.nowhere, ids.lima, ids.cusco2, ids.cusco1]);
    expect(body.nextCursor).toBeNull();
    expect(body.items[2]).toEqual({
      callId: ids.cusco2,
      receivedAt: '2025-03-03T04:30:00.000Z',
      channel: 'phone',
      language: 'es',
      callerUbigeo: '080101',
      anonymous: false,
      topic: 'trafficking',
      traffickingRelated: true,
      status: 'open',
      outcome: null,
      referrals: 1,
      version: 1,
    });
    expect(body.items[3]).toMatchObject({ status: 'closed', outcome: 'information_provided', version: 2, referrals: 0 });
    expect(JSON.stringify(body)).not.toMatch(/confidencial|op-a|summary/);
  });

  it('pages with an opaque cursor until nextCursor is null', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { items: Row[]; nextCursor: string | null } = (await list(`?limit=1${cursor ? `&cursor=${cursor}` : ''}`).expect(200))
        .body;
      expect(page.items).toHaveLength(1);
      seen.push(page.items[0].callId);
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([ids.nowhere, ids.lima, ids.cusco2, ids.cusco1]);
  });

  it('filters by days in Lima, topic, status and mine', async () => {
    const got = async (query: string) => (await list(query).expect(200)).body.items.map((r: Row) => r.callId);
    expect(await got('?from=2025-03-02&to=2025-03-03')).toEqual([ids.lima, ids.cusco2]); // 23:30 in Lima on the 2nd is the 3rd in UTC
    expect(await got('?topic=trafficking')).toEqual([ids.cusco2]);
    expect(await got('?status=closed')).toEqual([ids.cusco1]);
    expect(await got('?status=open&mine=true')).toEqual([ids.cusco2]);
    expect((await list('?mine=true', as('op-b')).expect(200)).body.items.map((r: Row) => r.callId)).toEqual([ids.nowhere, ids.lima]);
  });

  it('keeps a regional operator to its departments, and refuses other roles', async () => {
    expect((await list('', as('op-c', ['08'])).expect(200)).body.items.map((r: Row) => r.callId)).toEqual([ids.cusco2, ids.cusco1]);
    expect((await list('', as('op-d', ['15'])).expect(200)).body.items.map((r: Row) => r.callId)).toEqual([ids.lima]);
    for (const role of ['police', 'prosecutor', 'analyst', 'auditor'] as const) await t.api(role).get('/api/v1/hotline-calls').expect(403);
    await request(t.app.getHttpServer()).get('/api/v1/hotline-calls').expect(401);
  });

  it.each([
    ['?limit=0', 'limit'],
    ['?limit=201', 'limit'],
    ['?limit=x', 'limit'],
    ['?from=2025-02-30', 'from'],
    ['?from=2025-3-1', 'from'],
    ['?from=2025-03-05&to=2025-03-01', 'to'],
    ['?status=pending', 'status'],
    ['?topic=unknown', 'topic'],
    ['?mine=yes', 'mine'],
    ['?cursor=bm9wZQ', 'cursor'],
    ['?summary=x', 'summary'],
    ['?minPosition=-3', 'minPosition'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const response = await list(query).expect(400);
    expect(response.body.code).toBe('invalid_command');
    expect(response.body.fields.map((f: { field: string }) => f.field)).toEqual([field]);
  });
});

describe('GET /hotline-calls right after saving, with the projections running', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RUN_PROJECTIONS: 'true' });
  });
  afterAll(async () => t.close());

  // How fast is measured by the benchmark (npm run bench, docs/performance.md), not asserted here.
  it('lists a saved call in the very next read that names its position (minPosition)', async () => {
    for (let i = 0; i < 5; i++) {
      const saved = (
        await t
          .api('operator')
          .post('/api/v1/hotline-calls')
          .send(call({ receivedAt: `2025-04-0${i + 1}T09:00:00-05:00` }))
          .expect(201)
      ).body;
      const page = (await t.api('operator').get(`/api/v1/hotline-calls?minPosition=${saved.position}&limit=1`).expect(200)).body;
      expect(page.items[0].callId).toBe(saved.callId);
    }
  });
});
