import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { runCli } from '../../apps/cli/src/main.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { signTestToken } from '../support/tokens.js';
import { captureIO } from '../support/capture-io.js';

// A read every role may make: the tests are about the tokens.
const STATS = '/api/v1/me';

/** Tokens fail closed (issue 10, item 7): explicit national scope, capped lifetime, revocation, rotation. */
describe('bearer tokens that fail closed', () => {
  let t: TestApp;
  const get = (token: string, language = 'es') =>
    request(t.app.getHttpServer()).get(STATS).set('Authorization', `Bearer ${token}`).set('Accept-Language', language);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('refuses a token with neither departments nor scope_national: true (401 token_scope_missing)', async () => {
    const unscoped = t.token('admin', { claims: { scope_national: undefined } });
    const es = await get(unscoped).expect(401);
    expect(es.body).toEqual({
      type: '/problems/token_scope_missing',
      title: 'Credencial sin alcance',
      status: 401,
      detail: 'La credencial no declara su alcance: departments (departamentos) o scope_national: true (nacional)',
      instance: STATS,
      error: 'La credencial no declara su alcance: departments (departamentos) o scope_national: true (nacional)',
      code: 'token_scope_missing',
      fields: [{ field: 'Authorization', reason: 'sin departments ni scope_national' }],
    });
    expect(es.headers['www-authenticate']).toBe('Bearer realm="registro", error="invalid_token"');
    expect((await get(t.token('admin', { claims: { scope_national: undefined, departments: [] } }), 'en').expect(401)).body.code).toBe(
      'token_scope_missing',
    );
    // Both claims at once is a contradiction, refused like any bad claim.
    expect((await get(t.token('admin', { claims: { departments: ['08'] } })).expect(401)).body.code).toBe('unauthorized');
    await get(t.token('admin')).expect(200);
    await get(t.token('police', { departments: ['08'] })).expect(200);
  });

  it('refuses a token that lasts longer than TOKEN_MAX_HOURS (8 h), or has no iat', async () => {
    await get(t.token('admin', { expiresIn: 8 * 3600 })).expect(200);
    expect((await get(t.token('admin', { expiresIn: 8 * 3600 + 60 })).expect(401)).body.code).toBe('unauthorized');
    expect((await get(t.token('admin', { expiresIn: 30 * 24 * 3600 })).expect(401)).body.code).toBe('unauthorized');
    await get(t.token('admin', { claims: { iat: undefined } })).expect(401);
    await get(t.token('admin', { claims: { jti: undefined } })).expect(401);
  });

  it('refuses a revoked token (npm run cli -- revoke-token --jti) within a few seconds, even one verified a moment before', async () => {
    const minted = captureIO();
    expect(await runCli(['token', '--role', 'analyst', '--subject', 'to-revoke'], minted.io, { AUTH_JWT_SECRET: t.secret })).toBe(0);
    const token = minted.out.stdout.trim();
    const jti = /revoke-token --jti ([0-9a-f-]{36})/.exec(minted.out.stderr)?.[1];
    expect(jti).toBeDefined();
    const other = t.token('analyst', { subject: 'not-revoked' });
    await get(token).expect(200); // verified and cached
    const revoked = captureIO();
    const env = { DATABASE_URL: t.db.url, MASTER_KEY: randomBytes(32).toString('base64'), AUTH_JWT_SECRET: t.secret };
    expect(await runCli(['revoke-token', '--jti', jti as string, '--reason', 'lost laptop'], revoked.io, env)).toBe(0);
    expect(revoked.out.stderr).toMatch(/token revocado \/ token revoked/);
    const { rows } = await t.db.pool.query(
      "SELECT reason, expires_at > now() + interval '8 hours' AS outlives FROM revoked_tokens WHERE jti = $1",
      [jti],
    );
    expect(rows).toEqual([{ reason: 'lost laptop', outlives: true }]);
    const started = Date.now();
    while ((await get(token)).status === 200) {
      expect(Date.now() - started).toBeLessThan(7_000);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect((await get(token).expect(401)).body.code).toBe('unauthorized');
    await get(other).expect(200);
    const again = captureIO();
    expect(await runCli(['revoke-token', '--jti', jti as string], again.io, env)).toBe(0);
    expect(again.out.stderr).toMatch(/ya estaba revocado/);
    const missing = captureIO();
    expect(await runCli(['revoke-token'], missing.io, env)).toBe(2);
    expect(missing.out.stderr).toMatch(/--jti: es obligatorio/);
  }, 20_000);
});

describe('a rotation of AUTH_JWT_SECRET', () => {
  let t: TestApp;
  const previous = randomBytes(32).toString('base64url');
  const current = randomBytes(32).toString('base64url');

  beforeAll(async () => {
    t = await createTestApp({ AUTH_JWT_SECRET: current, AUTH_JWT_SECRET_PREVIOUS: previous });
  });
  afterAll(async () => t.close());

  it('accepts tokens signed with the previous secret and the current one, and nothing else', async () => {
    const get = (token: string) => request(t.app.getHttpServer()).get(STATS).set('Authorization', `Bearer ${token}`);
    await get(signTestToken(current, 'analyst')).expect(200);
    await get(signTestToken(previous, 'analyst')).expect(200);
    await get(signTestToken(randomBytes(32).toString('base64url'), 'analyst')).expect(401);
    // The sign-in exchange signs with the current secret only.
    const minted = captureIO();
    expect(await runCli(['token', '--role', 'analyst'], minted.io, { AUTH_JWT_SECRET: current, AUTH_JWT_SECRET_PREVIOUS: previous })).toBe(
      0,
    );
    await get(minted.out.stdout.trim()).expect(200);
    const header = minted.out.stdout.trim().split('.').slice(0, 2).join('.');
    const { createHmac } = await import('node:crypto');
    expect(minted.out.stdout.trim().split('.')[2]).toBe(createHmac('sha256', current).update(header).digest('base64url'));
  });
});
