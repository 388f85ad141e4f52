import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import request from 'supertest';
import { projectRoot, ROLES, type Role } from '#platform';
import { createTestApp, type TestApp } from '../support/app.js';
import { signTestToken } from '../support/tokens.js';

/**
 * The README's "Roles" table (made by `npm run openapi` from the routes' @Access): `METHOD /path` → the roles
 * allowed, or 'public'. The calls below check that the running API enforces exactly it.
 */
function readmeRoles(): Map<string, readonly Role[] | 'public'> {
  const readme = readFileSync(join(projectRoot(), 'README.md'), 'utf8');
  const section = readme.split(/^### Roles\s*$/m)[1];
  if (!section) throw new Error('README.md has no "### Roles" section');
  const rows = new Map<string, readonly Role[] | 'public'>();
  for (const line of section.split('\n').slice(1)) {
    if (rows.size > 0 && !line.startsWith('|')) break; // the table ends at the first line that is not a row
    const match = /^\|\s*`((?:GET|POST|PUT|PATCH|DELETE) \/[^`]*)`\s*\|\s*([^|]+?)\s*\|/.exec(line);
    if (!match) continue;
    const cell = match[2].replace(/\s*\(.*\)\s*$/, ''); // a note in parentheses says more about the roles
    const roles = cell.startsWith('public') ? 'public' : cell.split(',').map((r) => r.trim());
    if (roles !== 'public')
      for (const role of roles) if (!(ROLES as readonly string[]).includes(role)) throw new Error(`unknown role "${role}" in README`);
    rows.set(match[1], roles as readonly Role[] | 'public');
  }
  return rows;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Method = (typeof METHODS)[number];

/** A concrete URL for an OpenAPI path: ids are fresh UUIDs (so nothing is found), other parameters plausible values. */
const concrete = (path: string) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'year' ? '2025' : name === 'stage' ? 'archive' : randomUUID()));

/** Server-sent event streams never end: their status and headers are read, then the test hangs up. */
const EVENT_STREAMS = ['/api/v1/referrals/notifications'];
function statusOfStream(res: unknown, done: (error: Error | null, body: unknown) => void): void {
  const stream = res as IncomingMessage;
  if (String(stream.headers['content-type']).startsWith('text/event-stream')) {
    done(null, {});
    stream.destroy();
    return;
  }
  let text = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (text += chunk));
  stream.on('end', () => done(null, text ? JSON.parse(text) : {}));
}

describe('roles × endpoints, from the OpenAPI document and the README table', () => {
  let t: TestApp;
  let endpoints: Array<{ key: string; method: Method; path: string }>;
  const table = readmeRoles();
  const call = (method: Method, path: string, authorization?: string, language = 'es') => {
    let req = request(t.app.getHttpServer())[method](concrete(path)).set('Accept-Language', language);
    if (authorization) req = req.set('Authorization', authorization);
    if (EVENT_STREAMS.includes(path)) req = req.buffer(true).parse(statusOfStream);
    return method === 'get' ? req : req.send({});
  };

  beforeAll(async () => {
    t = await createTestApp();
    const document = (await request(t.app.getHttpServer()).get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    endpoints = Object.entries(document.paths).flatMap(([path, operations]) =>
      METHODS.filter((m) => operations[m]).map((method) => ({ key: `${method.toUpperCase()} ${path}`, method, path })),
    );
  });
  afterAll(async () => t.close());

  it('lists in the README every endpoint of the OpenAPI document, and nothing else', () => {
    expect(endpoints.length).toBeGreaterThan(30);
    expect([...table.keys()].sort()).toEqual(endpoints.map((e) => e.key).sort());
  });

  it('has every operation of the OpenAPI document declare its access (x-registro-access, from its @Access)', async () => {
    const document = (await request(t.app.getHttpServer()).get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    const undeclared = endpoints.filter((e) => !document.paths[e.path][e.method]['x-registro-access']).map((e) => e.key);
    expect(undeclared).toEqual([]);
    expect(document.paths['/api/v1/cases/{caseId}'].get['x-registro-access']).toEqual({
      roles: ['police', 'prosecutor', 'judiciary', 'admin'],
      audit: { recordType: 'case', disclosure: 'case' },
    });
    expect(document.paths['/api/v1/referrals/{referralId}/revoke'].post['x-registro-access']).toMatchObject({
      scope: { referral: 'sender' },
    });
  });

  it('keeps /docs and /docs-json public: they describe the API and hold no data', async () => {
    await request(t.app.getHttpServer()).get('/docs-json').expect(200);
    expect((await request(t.app.getHttpServer()).get('/docs')).status).toBeLessThan(400);
  });

  it('answers 401 with a Bearer challenge to no token, an expired one and a forged one, on every endpoint', async () => {
    const expired = `Bearer ${t.token('admin', { expiresIn: -3600 })}`;
    const forged = `Bearer ${signTestToken(randomBytes(32).toString('base64url'), 'admin')}`;
    const wrong: string[] = [];
    for (const { key, method, path } of endpoints) {
      if (table.get(key) === 'public') {
        const open = await call(method, path);
        if ([401, 403].includes(open.status)) wrong.push(`${key} without a token: ${open.status}`);
        continue;
      }
      for (const [label, authorization] of [
        ['no token', undefined],
        ['expired', expired],
        ['forged', forged],
      ] as const) {
        const response = await call(method, path, authorization);
        const challenge = String(response.headers['www-authenticate'] ?? '');
        const ok =
          response.status === 401 &&
          response.body.code === 'unauthorized' &&
          challenge.startsWith('Bearer') &&
          (authorization === undefined || challenge.includes('error="invalid_token"'));
        if (!ok) wrong.push(`${key} ${label}: ${response.status} ${challenge}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each(ROLES)(
    'lets %s call what the README allows (not 401/403) and refuses the rest (403)',
    async (role) => {
      const authorization = `Bearer ${t.token(role)}`;
      const wrong: string[] = [];
      for (const { key, method, path } of endpoints) {
        const allowed = table.get(key);
        if (allowed === 'public') continue;
        const response = await call(method, path, authorization);
        const expected = allowed?.includes(role) ? 'allowed' : 'forbidden';
        const got =
          response.status === 403 && response.body.code === 'forbidden'
            ? 'forbidden'
            : [401, 403].includes(response.status)
              ? String(response.status)
              : 'allowed';
        if (got !== expected) wrong.push(`${key}: expected ${expected}, got ${response.status} ${JSON.stringify(response.body)}`);
      }
      expect(wrong).toEqual([]);
    },
    60_000,
  );

  it('explains the refusal in Spanish by default and in English on request, as problem details', async () => {
    const es = await call('get', '/api/v1/statistics/hotline').expect(401);
    expect(es.headers['www-authenticate']).toBe('Bearer realm="registro"');
    expect(es.body).toEqual({
      type: '/problems/unauthorized',
      title: 'Credencial requerida',
      status: 401,
      detail: 'Se requiere una credencial válida (Authorization: Bearer <token>)',
      instance: '/api/v1/statistics/hotline',
      error: 'Se requiere una credencial válida (Authorization: Bearer <token>)',
      code: 'unauthorized',
      fields: [{ field: 'Authorization', reason: 'falta el token' }],
    });
    const en = await call('get', '/api/v1/statistics/hotline', `Bearer ${t.token('admin', { expiresIn: -3600 })}`, 'en').expect(401);
    expect(en.body).toEqual({
      type: '/problems/unauthorized',
      title: 'Credential required',
      status: 401,
      detail: 'A valid credential is required (Authorization: Bearer <token>)',
      instance: '/api/v1/statistics/hotline',
      error: 'A valid credential is required (Authorization: Bearer <token>)',
      code: 'unauthorized',
      fields: [{ field: 'Authorization', reason: 'invalid or expired token' }],
    });
    const forbidden = await call('post', '/api/v1/hotline-calls', `Bearer ${t.token('analyst')}`, 'en').expect(403);
    expect(forbidden.body).toEqual({
      type: '/problems/forbidden',
      title: 'Operation not allowed',
      status: 403,
      detail: 'Your credential does not allow this operation',
      instance: '/api/v1/hotline-calls',
      error: 'Your credential does not allow this operation',
      code: 'forbidden',
      fields: [],
    });
    expect(forbidden.headers['www-authenticate']).toBe('Bearer realm="registro", error="insufficient_scope"');
  });

  it.each([
    ['a role that does not exist', { claims: { role: 'superuser' } }],
    ['a department that does not exist', { departments: ['99'] }],
    ['departments that are not a list', { claims: { departments: '08' } }],
    ['no subject', { claims: { sub: undefined } }],
    ['no expiry', { claims: { exp: undefined } }],
  ])('refuses a correctly signed token with %s (401)', async (_label, options) => {
    const response = await call('get', '/api/v1/statistics/hotline', `Bearer ${t.token('operator', options)}`);
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('unauthorized');
  });

  it('refuses a token that is not a JWT and an Authorization that is not Bearer (401)', async () => {
    await call('get', '/api/v1/statistics/hotline', 'Bearer not.a.jwt').expect(401);
    await call('get', '/api/v1/statistics/hotline', `Basic ${Buffer.from('admin:admin').toString('base64')}`).expect(401);
    await call('get', '/api/v1/statistics/hotline', `Bearer ${t.token('operator')}`).expect(200);
  });
});
