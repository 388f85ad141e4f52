import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Role } from '#platform';
import { createTestApp, type TestApp } from '../support/app.js';

/**
 * Issue 11, item 1: each code (enum value) is checked in exactly one place, the HTTP edge. The deciders take the
 * domain's code types and no longer re-check them, so every code field of a command is refused here: 400 naming the
 * field, nothing appended.
 */
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const call = () => ({
  receivedAt: hoursAgo(100),
  channel: 'phone',
  language: 'es',
  callerUbigeo: '080101',
  anonymous: true,
  topic: 'trafficking',
});
const newCase = () => ({
  registeredAt: hoursAgo(48),
  policeUnit: 'Comisaría',
  ubigeo: '080101',
  source: 'walk_in',
  purposes: ['labour_exploitation'],
  victims: [{ sex: 'female', age: 17, nationality: 'PE' }],
  suspects: [{ sex: 'male', nationality: 'PE' }],
});
const victim = (extra: object) => ({ victims: [{ sex: 'female', nationality: 'PE', ...extra }] });
const suspect = (extra: object) => ({ suspects: [{ sex: 'male', nationality: 'PE', ...extra }] });

describe('codes are checked at the edge', () => {
  let t: TestApp;
  const ids = { callId: '', caseId: '', referralId: '', prosecutionId: '' };
  const head = async () => Number((await t.db.pool.query('SELECT max(global_position) AS p FROM events')).rows[0].p);

  beforeAll(async () => {
    t = await createTestApp();
    ids.callId = (await t.api('operator').post('/api/v1/hotline-calls').send(call()).expect(201)).body.callId;
    ids.referralId = (
      await t
        .api('operator')
        .post(`/api/v1/hotline-calls/${ids.callId}/referrals`)
        .send({ to: 'SHELTER', referredAt: hoursAgo(90) })
        .expect(201)
    ).body.referralId;
    await t
      .api('protection')
      .post(`/api/v1/referrals/${ids.referralId}/accept`)
      .send({ acceptedAt: hoursAgo(80) })
      .expect(200);
    ids.caseId = (await t.api('police').post('/api/v1/cases').send(newCase()).expect(201)).body.caseId;
    ids.prosecutionId = (
      await t
        .api('police')
        .post(`/api/v1/cases/${ids.caseId}/prosecutor-referral`)
        .send({ referredAt: hoursAgo(40), office: 'FISTRAP' })
        .expect(200)
    ).body.prosecutionId;
  });
  afterAll(async () => t.close());

  const ruling = { ruledAt: hoursAgo(1), sentenceYears: null, defendants: [randomUUID()] };
  it.each<[string, Role, (id: typeof ids) => string, object]>([
    ['channel', 'operator', () => '/api/v1/hotline-calls', { ...call(), channel: 'fax' }],
    ['language', 'operator', () => '/api/v1/hotline-calls', { ...call(), language: 'quechua' }],
    ['topic', 'operator', () => '/api/v1/hotline-calls', { ...call(), topic: 'trata' }],
    ['topic', 'operator', (id) => `/api/v1/hotline-calls/${id.callId}/classification`, { topic: 'trata' }],
    ['channel', 'operator', (id) => `/api/v1/hotline-calls/${id.callId}/correction`, { channel: 'fax', reason: 'Error' }],
    ['language', 'operator', (id) => `/api/v1/hotline-calls/${id.callId}/correction`, { language: 'quechua', reason: 'Error' }],
    ['outcome', 'operator', (id) => `/api/v1/hotline-calls/${id.callId}/closure`, { closedAt: hoursAgo(1), outcome: 'resolved' }],
    ['to', 'operator', (id) => `/api/v1/hotline-calls/${id.callId}/referrals`, { to: 'pnp', referredAt: hoursAgo(1) }],
    ['to', 'police', (id) => `/api/v1/cases/${id.caseId}/referrals`, { to: 'pnp', referredAt: hoursAgo(1) }],
    // The source (and so source.kind) is never read from the body: the route sets it; a client's one is refused.
    [
      'source',
      'operator',
      (id) => `/api/v1/hotline-calls/${id.callId}/referrals`,
      { to: 'PNP', referredAt: hoursAgo(1), source: { kind: 'operation', id: randomUUID() } },
    ],
    [
      'reason',
      'protection',
      (id) => `/api/v1/referrals/${id.referralId}/complete`,
      { completedAt: hoursAgo(1), successful: false, reason: 'resolved' },
    ],
    ['source', 'police', () => '/api/v1/cases', { ...newCase(), source: 'denuncia' }],
    ['purposes', 'police', () => '/api/v1/cases', { ...newCase(), purposes: ['begging', 'trata'] }],
    ['victims[0].sex', 'police', () => '/api/v1/cases', { ...newCase(), ...victim({ sex: 'F' }) }],
    ['victims[0].documentType', 'police', () => '/api/v1/cases', { ...newCase(), ...victim({ documentType: 'LE' }) }],
    ['suspects[0].sex', 'police', () => '/api/v1/cases', { ...newCase(), ...suspect({ sex: 'hombre' }) }],
    ['victims[0].sex', 'police', (id) => `/api/v1/cases/${id.caseId}/victims`, victim({ sex: 'F' })],
    ['victims[0].documentType', 'police', (id) => `/api/v1/cases/${id.caseId}/victims`, victim({ documentType: 'LE' })],
    ['suspects[0].sex', 'police', (id) => `/api/v1/cases/${id.caseId}/suspects`, suspect({ sex: 'hombre' })],
    ['verdict', 'judiciary', () => `/api/v1/trials/${randomUUID()}/rulings`, { ...ruling, verdict: 'guilty' }],
  ])('refuses an unknown %s (%s, %#) with 400 naming it, appending nothing', async (field, role, url, body) => {
    const before = await head();
    const response = await t.api(role).post(url(ids)).send(body).expect(400);
    expect(response.body.fields.map((f: { field: string }) => f.field)).toEqual([field]);
    expect(await head()).toBe(before);
  });

  it('answers 404 for an unknown prosecution stage (the stage is a path segment), appending nothing', async () => {
    const before = await head();
    await t
      .api('prosecutor')
      .post(`/api/v1/prosecutions/${ids.prosecutionId}/acusacion`)
      .send({ occurredAt: hoursAgo(1) })
      .expect(404);
    expect(await head()).toBe(before);
  });
});
