import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';

const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';

describe('the web console served at / (built console present)', () => {
  let t: TestApp;
  let dir: string;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'registro-console-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("registro")');
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await createTestApp({ CONSOLE_DIR: dir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / without a token, under the security headers and a CSP without inline scripts', async () => {
    const response = await http().get('/').set('Accept', 'text/html').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.text).toBe(INDEX);
    expect(response.headers['cache-control']).toBe('no-cache');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
    expect(csp).toMatch(/frame-ancestors 'self'/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('caches hashed assets for a year and other files not at all; a missing asset is a 404', async () => {
    const asset = await http().get('/assets/index-abc123.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect((await http().get('/favicon.svg').expect(200)).headers['cache-control']).toBe('no-cache');
    await http().get('/assets/missing-000.js').expect(404);
    await http().get('/assets/..%2f..%2fpackage.json').expect(404);
  });

  it('answers deep links that accept HTML with index.html, and leaves the API, docs and health alone', async () => {
    const deep = await http().get('/casos').set('Accept', 'text/html,application/xhtml+xml').expect(200);
    expect(deep.text).toBe(INDEX);
    expect((await http().get('/llamadas/3f1c2a9e-5b7d-4c1e-9a2b-6d8e0f1a2b3c').set('Accept', 'text/html').expect(200)).text).toBe(INDEX);
    const api = await http().get('/api/unknown').set('Accept', 'text/html').expect(404);
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(api.body.code).toBe('not_found');
    await http().get('/api/v1/me').set('Accept', 'text/html').expect(401);
    await http()
      .get('/health')
      .set('Accept', 'text/html')
      .expect((r) => expect(r.headers['content-type']).toMatch(/json/));
    await http()
      .get('/docs-json')
      .set('Accept', 'text/html')
      .expect(200)
      .expect((r) => expect(r.headers['content-type']).toMatch(/json/));
    await http().get('/casos').set('Accept', 'application/json').expect(404);
    await http().post('/casos').set('Accept', 'text/html').expect(404);
  });
});

describe('the web console when it was not built', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ CONSOLE_DIR: join(tmpdir(), 'registro-console-never-built') });
  });
  afterAll(async () => t.close());

  it('answers / with 503 saying how to build it, and the API as before', async () => {
    const response = await request(t.app.getHttpServer()).get('/').expect(503);
    expect(response.text).toMatch(/npm run build:console/);
    expect(response.text).toMatch(/no está construida/);
    await request(t.app.getHttpServer()).get('/api/unknown').expect(404);
  });
});
