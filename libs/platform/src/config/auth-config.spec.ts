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

  it('reads the console\'s identity provider, only together with AUTH_JWKS_URL', () => {
    const jwks = { AUTH_JWKS_URL: 'https://idp.example/realms/r/protocol/openid-connect/certs' };
    expect(load({}).oidc).toBeNull();
    expect(load({ ...jwks, OIDC_AUTHORITY: 'https://idp.example/realms/r/', OIDC_CLIENT_ID: 'registro-console' }).oidc)
      .toEqual({ authority: 'https://idp.example/realms/r', clientId: 'registro-console', scope: 'openid' });
    expect(load({ ...jwks, OIDC_AUTHORITY: 'https://idp.example/realms/r', OIDC_CLIENT_ID: 'c', OIDC_SCOPE: 'openid profile' }).oidc?.scope).toBe('openid profile');
    expect(() => load({ ...jwks, OIDC_AUTHORITY: 'https://idp.example/realms/r' })).toThrow(/OIDC_AUTHORITY and OIDC_CLIENT_ID must be set together/);
    expect(() => load({ ...jwks, OIDC_AUTHORITY: 'idp', OIDC_CLIENT_ID: 'c' })).toThrow(/OIDC_AUTHORITY must be an http\(s\) URL/);
    expect(() => load({ OIDC_AUTHORITY: 'https://idp.example/realms/r', OIDC_CLIENT_ID: 'c' })).toThrow(/needs AUTH_JWKS_URL/);
  });

  it('bounds READ_YOUR_WRITES_WAIT_MS and resolves CONSOLE_DIR from the project root', () => {
    expect(load({}).readYourWritesWaitMs).toBe(5000);
    expect(() => load({ READ_YOUR_WRITES_WAIT_MS: '-1' })).toThrow(/READ_YOUR_WRITES_WAIT_MS/);
    expect(load({}).consoleDir).toMatch(/dist\/console$/);
    expect(load({ CONSOLE_DIR: '/srv/console' }).consoleDir).toBe('/srv/console');
  });
});
