import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { runCli } from '../../apps/cli/src/main.js';
import { mintSignInCode, resolveAuthKeys, type Role } from '#platform';
import { createTestApp, type TestApp } from '../support/app.js';
import { captureIO } from '../support/capture-io.js';

describe('the console session: GET /me, sign-in links, auth config', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  const code = (role: Role, options: { departments?: string[]; hours?: number; now?: Date; secret?: string } = {}) =>
    mintSignInCode(
      resolveAuthKeys(
        { jwtSecret: options.secret ?? t.secret, previousSecrets: [], jwksUrl: null, issuer: null, audience: null, maxHours: 8 },
        '/nonexistent',
      ),
      {
        role,
        departments: options.departments ?? [],
        hours: options.hours ?? 8,
        subject: `link-${role}`,
        now: options.now,
      },
    ).then((c) => c.code);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it("GET /me names the token's subject, role, departments, expiry and the endpoints the role may call", async () => {
    const token = t.token('operator', { departments: ['08'], subject: 'op-17', expiresIn: 600 });
    const exp = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).exp as number;
    const me = await http().get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body).toEqual({
      subject: 'op-17',
      role: 'operator',
      departments: ['08'],
      expiresAt: new Date(exp * 1000).toISOString(),
      allowed: expect.any(Array),
      personalData: { case: false, hotline_call: true, documentSearch: false },
    });
    expect(me.body.allowed).toEqual(
      expect.arrayContaining(['POST /api/v1/hotline-calls', 'GET /api/v1/me', 'GET /api/v1/statistics/hotline']),
    );
    expect(me.body.allowed).not.toContain('POST /api/v1/cases');
    expect((await t.api('auditor').get('/api/v1/me').expect(200)).body.allowed).toContain('GET /api/v1/audit');
    // Need to know, from the one table (PERSONAL_DATA_READERS): the judiciary reads cases, never the victims' data.
    expect((await t.api('judiciary').get('/api/v1/me').expect(200)).body.personalData).toEqual({
      case: false,
      hotline_call: false,
      documentSearch: false,
    });
    expect((await t.api('prosecutor').get('/api/v1/me').expect(200)).body.personalData).toEqual({
      case: true,
      hotline_call: false,
      documentSearch: true,
    });
    await http().get('/api/v1/me').expect(401);
  });

  it('exchanges a sign-in code once for a bearer token of the session it names', async () => {
    const signIn = await http()
      .post('/api/v1/auth/sign-in')
      .send({ code: await code('police', { departments: ['08'], hours: 2 }) })
      .expect(200);
    expect(signIn.body).toEqual({
      token: expect.any(String),
      expiresAt: expect.any(String),
      role: 'police',
      departments: ['08'],
      subject: 'link-police',
    });
    const hours = (Date.parse(signIn.body.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(1.9);
    expect(hours).toBeLessThanOrEqual(2);
    const me = await http().get('/api/v1/me').set('Authorization', `Bearer ${signIn.body.token}`).expect(200);
    expect(me.body).toMatchObject({ subject: 'link-police', role: 'police', departments: ['08'], expiresAt: signIn.body.expiresAt });
  });

  it('refuses a second use (sign_in_link_used), an expired, a forged code and a bearer token as a code', async () => {
    const once = await code('operator');
    await http().post('/api/v1/auth/sign-in').send({ code: once }).expect(200);
    const again = await http().post('/api/v1/auth/sign-in').set('Accept-Language', 'en').send({ code: once }).expect(401);
    expect(again.body).toEqual({
      type: '/problems/sign_in_link_used',
      title: 'Sign-in link already used',
      status: 401,
      detail: 'This sign-in link was already used; ask for a new one',
      instance: '/api/v1/auth/sign-in',
      error: 'This sign-in link was already used; ask for a new one',
      code: 'sign_in_link_used',
      fields: [{ field: 'code', reason: 'already used' }],
    });
    const expired = await code('operator', { now: new Date(Date.now() - 16 * 60_000) });
    const forged = await code('operator', { secret: randomBytes(32).toString('base64url') });
    for (const refused of [expired, forged, t.token('admin'), 'not-a-jwt']) {
      const response = await http().post('/api/v1/auth/sign-in').send({ code: refused }).expect(401);
      expect(response.body).toMatchObject({ code: 'unauthorized', fields: [{ field: 'code', reason: 'no válido o vencido' }] });
    }
    const missing = await http().post('/api/v1/auth/sign-in').send({}).expect(400);
    expect(missing.body.fields).toEqual([{ field: 'code', reason: 'es obligatorio' }]);
  });

  it('never accepts a sign-in code as a bearer token', async () => {
    const unused = await code('admin');
    const response = await http().get('/api/v1/me').set('Authorization', `Bearer ${unused}`).expect(401);
    expect(response.body.code).toBe('unauthorized');
    await http().get('/api/v1/statistics/hotline').set('Authorization', `Bearer ${unused}`).expect(401);
  });

  it('says the console signs in locally', async () => {
    expect((await http().get('/api/v1/auth/config').expect(200)).body).toEqual({ mode: 'local', oidc: null });
  });

  it('npm run cli -- login-url prints a link whose code this API exchanges', async () => {
    const { io, out } = captureIO();
    const exit = await runCli(['login-url', '--role', 'operator', '--department', '15', '--hours', '4', '--subject', 'op-cli'], io, {
      AUTH_JWT_SECRET: t.secret,
      PORT: '3999',
    });
    expect(exit).toBe(0);
    const link = out.stdout.trim();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:3999\/sign-in#code=[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(out.stderr).toMatch(/15 minutos y una sola vez/);
    expect(out.stderr).toMatch(/valid for 15 minutes, once/);
    const signIn = await http()
      .post('/api/v1/auth/sign-in')
      .send({ code: link.split('#code=')[1] })
      .expect(200);
    expect(signIn.body).toMatchObject({ role: 'operator', departments: ['15'], subject: 'op-cli' });
    const other = captureIO();
    expect(
      await runCli(['login-url', '--role', 'operator', '--url', 'https://registro.example.gob.pe/'], other.io, {
        AUTH_JWT_SECRET: t.secret,
      }),
    ).toBe(0);
    expect(other.out.stdout).toMatch(/^https:\/\/registro\.example\.gob\.pe\/sign-in#code=/);
    const bad = captureIO();
    expect(await runCli(['login-url', '--role', 'operator', '--url', 'ftp://x'], bad.io, { AUTH_JWT_SECRET: t.secret })).toBe(2);
    expect(bad.out.stderr).toMatch(/--url/);
  });
});

describe('the console session with an identity provider (OIDC)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      AUTH_JWKS_URL: 'http://127.0.0.1:9/realms/registro/protocol/openid-connect/certs',
      AUTH_ISSUER: 'https://sso.example.gob.pe/realms/registro',
      AUTH_AUDIENCE: 'registro-api',
      OIDC_AUTHORITY: 'https://sso.example.gob.pe/realms/registro',
      OIDC_CLIENT_ID: 'registro-console',
      OIDC_SCOPE: 'openid profile',
    });
  });
  afterAll(async () => t.close());

  it('gives the console the provider, allows it in connect-src, and has no local sign-in', async () => {
    const config = await request(t.app.getHttpServer()).get('/api/v1/auth/config').expect(200);
    expect(config.body).toEqual({
      mode: 'oidc',
      oidc: { authority: 'https://sso.example.gob.pe/realms/registro', clientId: 'registro-console', scope: 'openid profile' },
    });
    expect(config.headers['content-security-policy']).toMatch(/connect-src 'self' https:\/\/sso\.example\.gob\.pe(;|$)/);
    const signIn = await request(t.app.getHttpServer()).post('/api/v1/auth/sign-in').send({ code: 'x.y.z' }).expect(404);
    expect(signIn.body.code).toBe('sign_in_unavailable');
  });
});
