import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuthConfig } from '../config/config.js';

/**
 * The verification keys, resolved once from the configuration: `secret` signs and verifies (`previous`, a rotation's
 * old secrets, only verify); `jwks` verifies with an identity provider's keys.
 */
export type AuthKeys = (
  | { kind: 'secret'; secret: Uint8Array; previous?: readonly Uint8Array[]; issuer: string | null; audience: string | null }
  | { kind: 'jwks'; url: URL; issuer: string | null; audience: string | null }
) & {
  /** Longest token lifetime (`exp` − `iat`) in hours; TOKEN_MAX_HOURS_DEFAULT when absent. */
  maxHours?: number;
};

/** TOKEN_MAX_HOURS when not configured. */
export const TOKEN_MAX_HOURS_DEFAULT = 8;

/**
 * AUTH_JWT_SECRET or AUTH_JWKS_URL as configured; with neither (embedded default, no DATABASE_URL) a secret is
 * generated once into `<dataDir>/jwt-secret`, readable by this user only, so `npm run cli -- token` on the same
 * machine can sign tokens the running API accepts.
 */
export function resolveAuthKeys(config: AuthConfig, dataDir: string): AuthKeys {
  const { issuer, audience, maxHours } = config;
  if (config.jwksUrl) return { kind: 'jwks', url: new URL(config.jwksUrl), issuer, audience, maxHours };
  const secret = config.jwtSecret ?? localSecret(dataDir);
  const encode = (s: string) => new TextEncoder().encode(s);
  return { kind: 'secret', secret: encode(secret), previous: config.previousSecrets.map(encode), issuer, audience, maxHours };
}

export const JWT_SECRET_FILE = 'jwt-secret';

function localSecret(dataDir: string): string {
  const file = join(dataDir, JWT_SECRET_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    // `wx`: two processes starting together must not overwrite each other's secret.
    try {
      writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (Buffer.byteLength(secret, 'utf8') < 32) throw new Error(`${file} holds fewer than 32 bytes: delete it to generate a new one`);
  return secret;
}
