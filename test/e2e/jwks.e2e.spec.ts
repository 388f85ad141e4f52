import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '../support/app.js';
import { hotlineCall, hoursAgo } from '../support/fixtures.js';
import { signTestToken } from '../support/tokens.js';

const ISSUER = 'http://idp.test/realms/registro';
const AUDIENCE = 'registro-api';

/**
 * AUTH_JWKS_URL against a real JWKS endpoint: an identity provider's key set served over HTTP by node:http, keys
 * generated here, tokens signed here, verification by the API exactly as with Keycloak.
 */
describe('tokens from an identity provider (JWKS)', () => {
  let t: TestApp;
  let server: Server;
  let rsa: CryptoKey;
  let ec: CryptoKey;
  let stranger: CryptoKey;
  let fetches = 0;

  // National unless the claims name departments: the provider's token must say so (scope_national: true).
  const sign = (key: CryptoKey, alg: 'RS256' | 'ES256', kid: string, claims: Record<string, unknown> = {}, audience = AUDIENCE) =>
    new SignJWT({ role: 'operator', jti: randomUUID(), ...('departments' in claims ? {} : { scope_national: true }), ...claims })
      .setProtectedHeader({ alg, kid })
      .setSubject('kc-user-7f3a')
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key);

  beforeAll(async () => {
    const rsaPair = await generateKeyPair('RS256');
    const ecPair = await generateKeyPair('ES256');
    rsa = rsaPair.privateKey;
    ec = ecPair.privateKey;
    stranger = (await generateKeyPair('RS256')).privateKey;
    const keys: JWK[] = [
      { ...(await exportJWK(rsaPair.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(ecPair.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
    ];
    server = createServer((req, res) => {
      fetches++;
      if (req.url !== '/realms/registro/protocol/openid-connect/certs') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    t = await createTestApp({
      AUTH_JWKS_URL: `http://127.0.0.1:${port}/realms/registro/protocol/openid-connect/certs`,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
    });
  });
  afterAll(async () => {
    await t.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const call = hotlineCall({ receivedAt: hoursAgo(0), callerUbigeo: '080101', topic: 'information' });

  it('accepts RS256 and ES256 tokens whose keys the identity provider publishes', async () => {
    const created = await t
      .api()
      .post('/api/v1/hotline-calls')
      .set(as(await sign(rsa, 'RS256', 'rsa-1')))
      .send(call)
      .expect(201);
    await t
      .api()
      .get(`/api/v1/hotline-calls/${created.body.callId}`)
      .set(as(await sign(ec, 'ES256', 'ec-1')))
      .expect(200);
    expect(fetches).toBeGreaterThanOrEqual(1);
    const { rows } = await t.db.pool.query(`SELECT metadata->>'actor' AS actor FROM events WHERE stream_id = $1`, [
      `hotline-call-${created.body.callId}`,
    ]);
    expect(rows[0].actor).toBe('operator:kc-user-7f3a');
  });

  it('applies the role and department claims of the provider’s token', async () => {
    await t
      .api()
      .post('/api/v1/hotline-calls')
      .set(as(await sign(rsa, 'RS256', 'rsa-1', { role: 'analyst' })))
      .send(call)
      .expect(403);
    const scoped = await sign(rsa, 'RS256', 'rsa-1', { departments: ['15'] });
    expect((await t.api().post('/api/v1/hotline-calls').set(as(scoped)).send(call).expect(403)).body.fields[0].field).toBe('callerUbigeo');
  });

  it('refuses a provider token without a scope claim (401 token_scope_missing), without jti, or longer than TOKEN_MAX_HOURS', async () => {
    const unscoped = await t
      .api()
      .get('/api/v1/statistics/hotline')
      .set(as(await sign(rsa, 'RS256', 'rsa-1', { scope_national: undefined })))
      .expect(401);
    expect(unscoped.body.code).toBe('token_scope_missing');
    await t
      .api()
      .get('/api/v1/statistics/hotline')
      .set(as(await sign(rsa, 'RS256', 'rsa-1', { jti: undefined })))
      .expect(401);
    const long = await new SignJWT({ role: 'operator', jti: randomUUID(), scope_national: true })
      .setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' })
      .setSubject('kc-user-7f3a')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('9h')
      .sign(rsa);
    await t.api().get('/api/v1/statistics/hotline').set(as(long)).expect(401);
  });

  it('refuses a key it does not publish, another audience, and a shared-secret token (401)', async () => {
    await t
      .api()
      .get('/api/v1/statistics/hotline')
      .set(as(await sign(stranger, 'RS256', 'rsa-1')))
      .expect(401);
    await t
      .api()
      .get('/api/v1/statistics/hotline')
      .set(as(await sign(stranger, 'RS256', 'unknown-kid')))
      .expect(401);
    await t
      .api()
      .get('/api/v1/statistics/hotline')
      .set(as(await sign(rsa, 'RS256', 'rsa-1', {}, 'other-api')))
      .expect(401);
    await t
      .api()
      .get('/api/v1/statistics/hotline')
      .set(as(signTestToken('s'.repeat(40), 'admin')))
      .expect(401);
    await t
      .api()
      .get('/api/v1/statistics/hotline')
      .set(as(await sign(rsa, 'RS256', 'rsa-1')))
      .expect(200);
  });
});
