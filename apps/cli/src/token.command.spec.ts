import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTokenVerifier, resolveAuthKeys, type AuthConfig } from '#platform';
import { runCli } from './main.js';
import { captureIO } from '#test-support/capture-io.js';

const auth = (overrides: Partial<AuthConfig>): AuthConfig => ({
  jwtSecret: null,
  previousSecrets: [],
  jwksUrl: null,
  issuer: null,
  audience: null,
  maxHours: 8,
  ...overrides,
});
const verifierFor = (config: AuthConfig, dataDir = tmpdir()) =>
  createTokenVerifier(resolveAuthKeys(config, dataDir), (d) => ['08', '15'].includes(d));

describe('npm run cli -- token', () => {
  it('prints a token signed with AUTH_JWT_SECRET that the API accepts, without touching a database', async () => {
    const secret = randomBytes(32).toString('base64url');
    const { io, out } = captureIO();
    const code = await runCli(['token', '--role', 'police', '--department', '08', '--hours', '2', '--subject', 'comisaria-17'], io, {
      AUTH_JWT_SECRET: secret,
      DATABASE_URL: 'postgres://nowhere.invalid/none',
      MASTER_KEY: randomBytes(32).toString('base64'),
    });
    expect(code).toBe(0);
    expect(out.stderr).toMatch(/rol\/role police, sujeto\/subject comisaria-17, departamentos\/departments 08/);
    const actor = await verifierFor(auth({ jwtSecret: secret })).verify(out.stdout.trim());
    expect(actor).toEqual({ subject: 'comisaria-17', role: 'police', departments: ['08'], expiresAt: expect.any(String) });
  });

  it('uses (and creates, readable by its owner only) the embedded default secret in DATA_DIR', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'registro-token-'));
    try {
      const { io, out } = captureIO();
      expect(await runCli(['token', '--role', 'analyst'], io, { DATA_DIR: dataDir })).toBe(0);
      expect(statSync(join(dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600);
      expect(await verifierFor(auth({}), dataDir).verify(out.stdout.trim())).toEqual({
        subject: 'local-analyst',
        role: 'analyst',
        departments: [],
        expiresAt: expect.any(String),
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses with exit 2 when tokens come from an identity provider, or for a department that does not exist', async () => {
    const jwks = captureIO();
    expect(
      await runCli(['token', '--role', 'admin'], jwks.io, {
        AUTH_JWKS_URL: 'https://idp.example/certs',
        AUTH_ISSUER: 'https://idp.example',
        AUTH_AUDIENCE: 'registro-api',
      }),
    ).toBe(2);
    expect(jwks.out.stderr).toMatch(/AUTH_JWKS_URL is set: tokens are issued by your identity provider/);
    expect(jwks.out.stdout).toBe('');
    const unknown = captureIO();
    expect(
      await runCli(['token', '--role', 'police', '--department', '99'], unknown.io, {
        AUTH_JWT_SECRET: randomBytes(32).toString('base64'),
      }),
    ).toBe(2);
    expect(unknown.out.stderr).toMatch(/--department: «99» no es un departamento/);
  });

  it('says national scope explicitly, prints the jti, and refuses --hours above TOKEN_MAX_HOURS (exit 2)', async () => {
    const secret = randomBytes(32).toString('base64url');
    const national = captureIO();
    expect(await runCli(['token', '--role', 'admin'], national.io, { AUTH_JWT_SECRET: secret })).toBe(0);
    expect(national.out.stderr).toMatch(/departamentos\/departments NACIONAL .*NATIONAL/);
    const payload = JSON.parse(Buffer.from(national.out.stdout.trim().split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    expect(payload).toMatchObject({ scope_national: true, jti: expect.any(String) });
    expect(payload.departments).toBeUndefined();
    expect(national.out.stderr).toContain(`revoke-token --jti ${String(payload.jti)}`);
    const long = captureIO();
    expect(await runCli(['token', '--role', 'admin', '--hours', '9'], long.io, { AUTH_JWT_SECRET: secret })).toBe(2);
    expect(long.out.stderr).toMatch(/--hours: no puede superar TOKEN_MAX_HOURS \(8 h\)/);
    expect(long.out.stdout).toBe('');
    expect(
      await runCli(['token', '--role', 'admin', '--hours', '12'], captureIO().io, { AUTH_JWT_SECRET: secret, TOKEN_MAX_HOURS: '12' }),
    ).toBe(0);
  });
});
