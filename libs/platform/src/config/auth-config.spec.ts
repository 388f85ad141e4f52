import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from './config.js';

const key = randomBytes(32).toString('base64');
const load = (env: NodeJS.ProcessEnv) => loadConfig(env, []);
const strong = randomBytes(32).toString('base64url');
const idp = { AUTH_ISSUER: 'https://idp.example/realms/r', AUTH_AUDIENCE: 'registro-api' };

describe('authentication configuration', () => {
  it('uses the embedded default secret when nothing is set and there is no DATABASE_URL', () => {
    expect(load({}).auth).toEqual({ jwtSecret: null, previousSecrets: [], jwksUrl: null, issuer: null, audience: null, maxHours: 8 });
  });

  it('requires AUTH_JWT_SECRET or AUTH_JWKS_URL with DATABASE_URL, naming both', () => {
    expect(() => load({ DATABASE_URL: 'postgres://db/registro', MASTER_KEY: key })).toThrow(ConfigError);
    expect(() => load({ DATABASE_URL: 'postgres://db/registro', MASTER_KEY: key })).toThrow(/AUTH_JWT_SECRET or AUTH_JWKS_URL is required/);
    expect(load({ DATABASE_URL: 'postgres://db/registro', MASTER_KEY: key, AUTH_JWT_SECRET: strong }).auth.jwtSecret).toBe(strong);
  });

  it('validates the secret, the URL, and that only one is set', () => {
    expect(() => load({ AUTH_JWT_SECRET: 'short' })).toThrow(/AUTH_JWT_SECRET must be at least 32 bytes/);
    expect(() => load({ AUTH_JWKS_URL: 'keycloak/certs' })).toThrow(/AUTH_JWKS_URL must be an http\(s\) URL/);
    expect(() => load({ AUTH_JWT_SECRET: strong, AUTH_JWKS_URL: 'https://idp/certs' })).toThrow(/not both/);
    expect(
      load({
        AUTH_JWKS_URL: 'https://idp.example/realms/r/protocol/openid-connect/certs',
        AUTH_ISSUER: 'https://idp.example/realms/r',
        AUTH_AUDIENCE: 'registro-api',
      }).auth,
    ).toEqual({
      jwtSecret: null,
      previousSecrets: [],
      jwksUrl: 'https://idp.example/realms/r/protocol/openid-connect/certs',
      issuer: 'https://idp.example/realms/r',
      audience: 'registro-api',
      maxHours: 8,
    });
  });

  it('requires the issuer, the audience and https with a JWKS (http only for a loopback host)', () => {
    const url = 'https://idp.example/realms/r/protocol/openid-connect/certs';
    expect(() => load({ AUTH_JWKS_URL: url, AUTH_AUDIENCE: 'registro-api' })).toThrow(/AUTH_ISSUER is required with AUTH_JWKS_URL/);
    expect(() => load({ AUTH_JWKS_URL: url, AUTH_ISSUER: 'https://idp.example/realms/r' })).toThrow(
      /AUTH_AUDIENCE is required with AUTH_JWKS_URL/,
    );
    expect(() => load({ AUTH_JWKS_URL: 'http://idp.example/realms/r/certs', ...idp })).toThrow(/AUTH_JWKS_URL must use https:\/\//);
    expect(load({ AUTH_JWKS_URL: 'http://127.0.0.1:8080/certs', ...idp }).auth.jwksUrl).toBe('http://127.0.0.1:8080/certs');
    expect(load({ AUTH_JWKS_URL: 'http://localhost:8080/certs', ...idp }).auth.jwksUrl).toBe('http://localhost:8080/certs');
    expect(load({ AUTH_JWKS_URL: 'http://[::1]:8080/certs', ...idp }).auth.jwksUrl).toBe('http://[::1]:8080/certs');
  });

  it("refuses predictable secrets, naming the variable, and reads a rotation's previous secrets", () => {
    expect(() => load({ AUTH_JWT_SECRET: 'k'.repeat(32) })).toThrow(/AUTH_JWT_SECRET is too predictable/);
    expect(() => load({ AUTH_JWT_SECRET: 'abcdabcdabcdabcdabcdabcdabcdabcd' })).toThrow(/AUTH_JWT_SECRET is too predictable/);
    expect(() => load({ AUTH_JWT_SECRET: strong, AUTH_JWT_SECRET_PREVIOUS: 'short' })).toThrow(
      /AUTH_JWT_SECRET_PREVIOUS must be at least 32 bytes/,
    );
    expect(() => load({ AUTH_JWT_SECRET: strong, AUTH_JWT_SECRET_PREVIOUS: 'x'.repeat(40) })).toThrow(
      /AUTH_JWT_SECRET_PREVIOUS is too predictable/,
    );
    expect(() => load({ AUTH_JWT_SECRET_PREVIOUS: strong })).toThrow(/AUTH_JWT_SECRET_PREVIOUS needs AUTH_JWT_SECRET/);
    const old = [randomBytes(32).toString('base64'), randomBytes(32).toString('hex')];
    expect(load({ AUTH_JWT_SECRET: strong, AUTH_JWT_SECRET_PREVIOUS: ` ${old[0]}, ${old[1]} ` }).auth.previousSecrets).toEqual(old);
  });

  it('refuses the generated local secret with NODE_ENV=production or a host that is not loopback', () => {
    expect(() => load({ NODE_ENV: 'production' })).toThrow(/AUTH_JWT_SECRET or AUTH_JWKS_URL is required with NODE_ENV=production/);
    expect(() => load({ HOST: '0.0.0.0' })).toThrow(
      /AUTH_JWT_SECRET or AUTH_JWKS_URL is required when HOST is not a loopback address \(HOST=0\.0\.0\.0\)/,
    );
    expect(() => load({ HOST: '10.0.0.5' })).toThrow(/not a loopback address/);
    expect(load({ HOST: '127.0.0.1' }).auth.jwtSecret).toBeNull();
    expect(load({ HOST: '0.0.0.0', AUTH_JWT_SECRET: strong }).auth.jwtSecret).toBe(strong);
    expect(load({ NODE_ENV: 'production', AUTH_JWT_SECRET: strong }).host).toBe('127.0.0.1');
  });

  it('reads TRUST_PROXY: false by default, proxy hops, or proxy addresses and subnets', () => {
    expect(load({}).trustProxy).toBe(false);
    expect(load({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(load({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(load({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(() => load({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY must be false/);
  });

  it('caps token lifetimes with TOKEN_MAX_HOURS (8 by default, 1 to 720)', () => {
    expect(load({ TOKEN_MAX_HOURS: '12' }).auth.maxHours).toBe(12);
    expect(() => load({ TOKEN_MAX_HOURS: '0' })).toThrow(/TOKEN_MAX_HOURS must be an integer between 1 and 720/);
  });

  it("reads the console's identity provider, only together with AUTH_JWKS_URL", () => {
    const jwks = { AUTH_JWKS_URL: 'https://idp.example/realms/r/protocol/openid-connect/certs', ...idp };
    expect(load({}).oidc).toBeNull();
    expect(load({ ...jwks, OIDC_AUTHORITY: 'https://idp.example/realms/r/', OIDC_CLIENT_ID: 'registro-console' }).oidc).toEqual({
      authority: 'https://idp.example/realms/r',
      clientId: 'registro-console',
      scope: 'openid',
    });
    expect(
      load({ ...jwks, OIDC_AUTHORITY: 'https://idp.example/realms/r', OIDC_CLIENT_ID: 'c', OIDC_SCOPE: 'openid profile' }).oidc?.scope,
    ).toBe('openid profile');
    expect(() => load({ ...jwks, OIDC_AUTHORITY: 'https://idp.example/realms/r' })).toThrow(
      /OIDC_AUTHORITY and OIDC_CLIENT_ID must be set together/,
    );
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
