import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { countEvents } from '../support/database.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { hotlineCall } from '../support/fixtures.js';

const valid = () => hotlineCall({ callId: randomUUID(), receivedAt: '2025-03-14T09:30:00-05:00', channel: 'whatsapp', summary: 'resumen' });
const inTenMinutes = () => new Date(Date.now() + 10 * 60_000).toISOString();

/** Each case breaks exactly one field of an otherwise valid body. */
const BROKEN_FIELDS: Array<[string, string, () => unknown]> = [
  ['callId', 'not a uuid', () => 'call-1'],
  ['callId', 'a number', () => 42],
  ['receivedAt', 'missing', () => undefined],
  ['receivedAt', 'without offset', () => '2025-03-14T09:30:00'],
  ['receivedAt', 'a date only', () => '2025-03-14'],
  ['receivedAt', 'an impossible date', () => '2025-02-30T10:00:00Z'],
  ['receivedAt', 'more than 5 minutes ahead', inTenMinutes],
  ['channel', 'missing', () => undefined],
  ['channel', 'unknown', () => 'fax'],
  ['language', 'unknown', () => 'fr'],
  ['callerUbigeo', 'of 3 digits', () => '150'],
  ['callerUbigeo', 'not in the INEI catalog', () => '159999'],
  ['callerUbigeo', 'a number', () => 150101],
  ['anonymous', 'a string', () => 'yes'],
  ['anonymous', 'missing', () => undefined],
  ['topic', 'unknown', () => 'smuggling'],
  ['summary', 'too long', () => 'x'.repeat(4001)],
  ['summary', 'not text', () => ['a']],
];

describe('invalid hotline-call input', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await t.api('operator').post('/api/v1/hotline-calls').send(valid()).expect(201);
  });
  afterAll(async () => t.close());

  it.each(BROKEN_FIELDS)('refuses %s %s with 400 naming the field, appending nothing', async (field, _how, value) => {
    const before = await countEvents(t.db.pool);
    const body: Record<string, unknown> = { ...valid(), [field]: value() };
    if (body[field] === undefined) delete body[field];
    const response = await t.api('operator').post('/api/v1/hotline-calls').send(body).expect(400);
    expect(response.body.error).toBe('Datos no válidos');
    expect(response.body.fields.map((f: { field: string }) => f.field)).toEqual([field]);
    expect(response.body.fields[0].reason).toEqual(expect.any(String));
    expect(await countEvents(t.db.pool)).toBe(before);
  });

  it('refuses fields it does not know', async () => {
    const response = await t
      .api('operator')
      .post('/api/v1/hotline-calls')
      .send({ ...valid(), victimName: 'X' })
      .expect(400);
    expect(response.body.fields).toEqual([{ field: 'victimName', reason: 'no es un campo admitido' }]);
  });

  it('answers in English when asked', async () => {
    const response = await t
      .api('operator')
      .post('/api/v1/hotline-calls')
      .set('Accept-Language', 'en-GB,en;q=0.8')
      .send({ ...valid(), channel: 'fax' })
      .expect(400);
    expect(response.body).toEqual({
      type: '/problems/invalid_command',
      title: 'Invalid data',
      status: 400,
      detail: 'Invalid data',
      instance: '/api/v1/hotline-calls',
      error: 'Invalid data',
      code: 'invalid_command',
      fields: [{ field: 'channel', reason: 'is not an allowed value' }],
    });
  });

  it('refuses malformed JSON with 400 and oversized bodies with 413, appending nothing', async () => {
    const before = await countEvents(t.db.pool);
    const malformed = await t
      .api('operator')
      .post('/api/v1/hotline-calls')
      .set('Content-Type', 'application/json')
      .send('{"channel": "phone",')
      .expect(400);
    expect(malformed.body).toMatchObject({ code: 'malformed_json', fields: [{ field: 'body' }] });
    const oversized = await t
      .api('operator')
      .post('/api/v1/hotline-calls')
      .send({ ...valid(), summary: 'x'.repeat(20_000) })
      .expect(413);
    expect(oversized.body).toMatchObject({ code: 'body_too_large', fields: [{ field: 'body' }] });
    expect(await countEvents(t.db.pool)).toBe(before);
  });

  it('refuses invalid classification, correction and closure bodies the same way', async () => {
    const call = valid();
    await t.api('operator').post('/api/v1/hotline-calls').send(call).expect(201);
    const url = `/api/v1/hotline-calls/${call.callId}`;
    const before = await countEvents(t.db.pool);
    const cases: Array<[string, object, string]> = [
      ['classification', { topic: 'nope' }, 'topic'],
      ['classification', { topic: 'other', reason: 'r'.repeat(501) }, 'reason'],
      ['correction', { channel: 'web' }, 'reason'],
      ['correction', { reason: 'nada que corregir' }, 'changes'],
      ['correction', { topic: 'other', reason: 'el tema se reclasifica' }, 'topic'],
      ['correction', { receivedAt: 'yesterday', reason: 'r' }, 'changes.receivedAt'],
      ['closure', { closedAt: '2025-03-14T09:00:00-05:00', outcome: 'referred' }, 'closedAt'],
      ['closure', { closedAt: '2025-03-14T10:00:00-05:00', outcome: 'solved' }, 'outcome'],
    ];
    for (const [path, body, field] of cases) {
      const response = await t.api('operator').post(`${url}/${path}`).send(body);
      expect({ path, field, status: response.status }).toEqual({ path, field, status: 400 });
      expect(response.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    const badIfMatch = await t.api('operator').post(`${url}/classification`).set('If-Match', 'banana').send({ topic: 'other' }).expect(400);
    expect(badIfMatch.body.fields).toEqual([expect.objectContaining({ field: 'If-Match' })]);
    expect(await countEvents(t.db.pool)).toBe(before);
  });
});
