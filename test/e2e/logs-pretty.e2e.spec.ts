import { Logger } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import request from 'supertest';
import { loadConfig } from '#platform';
import { logFormatFor } from '../../apps/api/src/http/logging.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { hotlineCall } from '../support/fixtures.js';

describe('the log format: readable on a terminal, JSON elsewhere, or as LOG_FORMAT says', () => {
  it('follows the terminal when LOG_FORMAT is auto (the default), and LOG_FORMAT otherwise', () => {
    expect(logFormatFor({ logFormat: 'auto' }, true)).toBe('pretty');
    expect(logFormatFor({ logFormat: 'auto' }, false)).toBe('json');
    expect(logFormatFor({ logFormat: 'pretty' }, false)).toBe('pretty');
    expect(logFormatFor({ logFormat: 'json' }, true)).toBe('json');
  });

  it('reads LOG_FORMAT from the environment, auto when unset, and refuses anything else', () => {
    expect(loadConfig({}, []).logFormat).toBe('auto');
    expect(loadConfig({ LOG_FORMAT: 'json' }, []).logFormat).toBe('json');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' }, [])).toThrow(/LOG_FORMAT must be one of pretty, json, auto/);
  });
});

describe('readable logs on a terminal (stdout a TTY, LOG_FORMAT unset)', () => {
  let t: TestApp;
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  // Colours, when the terminal has them, are not part of what is said.
  const lines = () => stripVTControlCharacters(text).split('\n').filter(Boolean);

  beforeAll(async () => {
    t = await createTestApp({}, { stream, isTTY: true });
  });
  afterAll(async () => t.close());

  it('writes lines, not JSON: local time, level name, [context], message and request id', async () => {
    new Logger('Registro').warn('disco casi lleno / disk almost full');
    const line = lines().find((l) => l.includes('disk almost full'));
    expect(line).toMatch(/^\[\d{2}:\d{2}:\d{2}\.\d{3}\] WARN: \[Registro\] disco casi lleno \/ disk almost full$/);
    expect(() => JSON.parse(line!)).toThrow();

    const answer = await t
      .api('operator')
      .post('/api/v1/hotline-calls')
      .set('X-Request-Id', 'pretty-1')
      .send(hotlineCall({ callId: randomUUID() }))
      .expect(201);
    expect(answer.headers['x-request-id']).toBe('pretty-1');
    expect(lines().filter((l) => l.includes('pretty-1'))).toEqual([
      expect.stringMatching(/^\[\d{2}:\d{2}:\d{2}\.\d{3}\] INFO: \[Http\] POST \/api\/v1\/hotline-calls 201 \d+ ms \(pretty-1\)$/),
    ]);
    expect(lines().every((l) => !l.startsWith('{'))).toBe(true);
  });

  it('keeps LOG_LEVEL: at the default (info) a refused token leaves its request line, not the debug reason', async () => {
    await request(t.app.getHttpServer()).get('/api/v1/cases').set('Authorization', 'Bearer nope').set('X-Request-Id', 'lvl-1').expect(401);
    expect(lines().filter((l) => l.includes('lvl-1'))).toEqual([expect.stringMatching(/INFO: \[Http\] GET \/api\/v1\/cases 401/)]);
    expect(text).not.toContain('token refused');
  });

  it('leaves out the lines of successful requests while told to (the demo loading), never the failures', async () => {
    t.logger!.quietSuccessfulRequests = true;
    try {
      await t.api('operator').get('/api/v1/hotline-calls').set('X-Request-Id', 'quiet-ok').expect(200);
      await t.api('operator').get('/api/v1/cases').set('X-Request-Id', 'quiet-refused').expect(403);
    } finally {
      t.logger!.quietSuccessfulRequests = false;
    }
    await t.api('operator').get('/api/v1/hotline-calls').set('X-Request-Id', 'loud-ok').expect(200);
    expect(text).not.toContain('quiet-ok');
    expect(lines().filter((l) => l.includes('quiet-refused'))).toEqual([expect.stringMatching(/INFO: \[Http\] GET \/api\/v1\/cases 403/)]);
    expect(lines().filter((l) => l.includes('loud-ok'))).toHaveLength(1);
  });
});
