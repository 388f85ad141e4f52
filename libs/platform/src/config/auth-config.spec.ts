import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from './config.js';

const key = randomBytes(32).toString('base64');
const load = (env: NodeJS.ProcessEnv) => loadConfig(env, []);

describe('authentication configuration', () => {
  it('uses the embedded default secret when nothing is set and there is no DATABASE_URL', () => {
    expect(load({}).auth).toEqual({ jwtSecret: null, jwksUrl: null, issuer: null, audience: null });
  });

  it('requires AUTH_JWT_SECRET or AUTH_JWKS_URL with DATABASE_URL, naming both', () => {
    expect(() => load({ DATABASE_URL: 'postgres://db/registro', MASTER_KEY: key })).toThrow(ConfigError);
    expect(() => load({ DATABASE_URL: 'postgres://db/registro', MASTER_KEY: key })).toThrow(/AUTH_JWT_SECRET or AUTH_JWKS_URL is required/);
    expect(load({ DATABASE_URL: 'postgres://db/registro', MASTER_KEY: key, AUTH_JWT_SECRET: 'k'.repeat(32) }).auth.jwtSecret).toBe('k'.repeat(32));
  });

  it('validates the secret, the URL, and that only one is set', () => {
    expect(() => load({ AUTH_JWT_SECRET: 'short' })).toThrow(/AUTH_JWT_SECRET must be at least 32 bytes/);
    expect(() => load({ AUTH_JWKS_URL: 'keycloak/certs' })).toThrow(/AUTH_JWKS_URL must be an http\(s\) URL/);
    expect(() => load({ AUTH_JWT_SECRET: 'k'.repeat(32), AUTH_JWKS_URL: 'https://idp/certs' })).toThrow(/not both/);
    expect(load({ AUTH_JWKS_URL: 'https://idp.example/realms/r/protocol/openid-connect/certs', AUTH_ISSUER: 'https://idp.example/realms/r', AUTH_AUDIENCE: 'registro-api' }).auth)
      .toEqual({ jwtSecret: null, jwksUrl: 'https://idp.example/realms/r/protocol/openid-connect/certs', issuer: 'https://idp.example/realms/r', audience: 'registro-api' });
  });
});
