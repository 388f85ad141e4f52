import { Logger } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseRegistration, hotlineCall, victim } from '../support/fixtures.js';

/** What a request, or anything else, writes to the log: the JSON lines of the app, in memory. */
function captureLogs() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return {
    output: { stream, isTTY: false },
    text: () => text,
    lines: () =>
      text
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

// Personal data and secrets a request carries, none of which may reach the log.
const SUMMARY = 'Relato reservado de la llamada ZQX';
const NAME = 'Rosa Quispe Mamani';
const DOCUMENT = '47112233';
const PURPOSE = 'Carpeta fiscal XK-42';
const TOKEN = 'not-a-real-token-QWE';

describe('logs as JSON lines (LOG_FORMAT=json): one line per request, its id on every line, no personal data', () => {
  let t: TestApp;
  const logs = captureLogs();

  beforeAll(async () => {
    t = await createTestApp({ LOG_FORMAT: 'json', LOG_LEVEL: 'debug' }, logs.output);
  });
  afterAll(async () => t.close());

  const linesOf = (requestId: string) => logs.lines().filter((line) => line.requestId === requestId);

  it('logs a command as one request line (method, route template, status, duration) with the request id it echoes', async () => {
    const call = hotlineCall({ callId: randomUUID(), anonymous: false, summary: SUMMARY });
    const answer = await t.api('operator').post('/api/v1/hotline-calls').set('X-Request-Id', 'req-call-1').send(call).expect(201);
    expect(answer.headers['x-request-id']).toBe('req-call-1');

    const lines = linesOf('req-call-1');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        context: 'Http',
        method: 'POST',
        route: '/api/v1/hotline-calls',
        status: 201,
        ms: expect.any(Number),
        msg: expect.stringMatching(/^POST \/api\/v1\/hotline-calls 201 \d+ ms$/),
      }),
    ]);
    expect(new Date(String(lines[0]!.time)).toISOString()).toBe(lines[0]!.time); // ISO 8601, not epoch milliseconds
    expect(logs.text()).not.toContain(SUMMARY);
    expect(logs.text()).not.toContain(call.callId);
  });

  it("never logs a victim's name or document, a purpose, a query string, a path id or a token", async () => {
    const caseId = randomUUID();
    const person = victim({ fullName: NAME, documentType: 'DNI', documentNumber: DOCUMENT });
    await t
      .api('police')
      .post('/api/v1/cases')
      .set('X-Request-Id', 'req-case-1')
      .send(caseRegistration({ caseId, victims: [person] }))
      .expect(201);
    const read = await t
      .api('prosecutor')
      .get(`/api/v1/cases/${caseId}`)
      .set('X-Purpose', PURPOSE)
      .set('X-Request-Id', 'req-case-2')
      .expect(200);
    expect(JSON.stringify(read.body)).toContain(NAME); // the answer holds it: the log must not
    await t
      .api('police')
      .post('/api/v1/cases/search')
      .set('X-Request-Id', 'req-case-3')
      .send({ documentType: 'DNI', documentNumber: DOCUMENT, purpose: PURPOSE })
      .expect(200);
    await t
      .api('police')
      .get(`/api/v1/cases?ubigeo=080108&name=${encodeURIComponent(NAME)}`)
      .set('X-Request-Id', 'req-case-4');

    expect(linesOf('req-case-2')).toEqual([expect.objectContaining({ route: '/api/v1/cases/:caseId', status: 200 })]);
    expect(linesOf('req-case-3')).toEqual([expect.objectContaining({ route: '/api/v1/cases/search', status: 200 })]);
    const text = logs.text();
    for (const secret of [NAME, 'Quispe', DOCUMENT, PURPOSE, caseId, 'ubigeo=', 'Bearer']) expect(text).not.toContain(secret);
  });

  it("tags the code's own lines inside a request with its id: a refused token's reason, never the token", async () => {
    await request(t.app.getHttpServer())
      .get('/api/v1/cases')
      .set('Authorization', `Bearer ${TOKEN}`)
      .set('X-Request-Id', 'req-bad-token')
      .expect(401);
    expect(linesOf('req-bad-token')).toEqual([
      expect.objectContaining({ level: 'debug', context: 'Auth', msg: expect.stringMatching(/^token refused \(/) }),
      expect.objectContaining({ level: 'info', context: 'Http', status: 401 }),
    ]);
    expect(logs.text()).not.toContain(TOKEN);
  });

  it('gives a request without a usable X-Request-Id one of its own, in the answer and in its line', async () => {
    const plain = await t.api('police').get('/api/v1/cases').expect(200);
    const generated = plain.headers['x-request-id'] as string;
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    expect(linesOf(generated)).toEqual([expect.objectContaining({ status: 200 })]);

    const odd = await t.api('police').get('/api/v1/cases').set('X-Request-Id', 'has spaces, commas').expect(200);
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(linesOf(odd.headers['x-request-id'] as string)).toHaveLength(1);
    expect(logs.text()).not.toContain('has spaces');
  });

  it('logs /health (outside the /api prefix) once, like any request', async () => {
    await request(t.app.getHttpServer()).get('/health').set('X-Request-Id', 'req-health').expect(200);
    expect(linesOf('req-health')).toEqual([expect.objectContaining({ route: '/health', status: 200 })]);
  });

  it('replaces personal fields in whatever object the code logs (the net under a future mistake)', () => {
    new Logger('Mistake').log({ event: 'oops', fullName: NAME, victim: { documentNumber: DOCUMENT }, summary: SUMMARY, count: 2 });
    const line = logs.lines().find((l) => l.context === 'Mistake');
    expect(line).toEqual(
      expect.objectContaining({
        event: 'oops',
        fullName: '[redacted]',
        victim: { documentNumber: '[redacted]' },
        summary: '[redacted]',
        count: 2,
      }),
    );
    expect(logs.text()).not.toContain(NAME);
  });

  it('logs the lines outside requests (start-up) as JSON too, with no request id', () => {
    const startUp = logs.lines().filter((line) => line.requestId === undefined);
    expect(startUp.length).toBeGreaterThan(0);
    expect(startUp).toContainEqual(expect.objectContaining({ level: 'info', msg: expect.any(String), time: expect.any(String) }));
  });
});
