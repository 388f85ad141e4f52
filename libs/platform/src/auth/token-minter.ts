import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import type { Role } from './actor.js';
import { TOKEN_MAX_HOURS_DEFAULT, type AuthKeys } from './auth-keys.js';

export interface TokenRequest {
  subject: string;
  role: Role;
  /** Empty: national scope, written as the explicit claim `scope_national: true`. */
  departments: readonly string[];
  /** Lifetime in hours, at most the keys' maxHours (TOKEN_MAX_HOURS). */
  hours: number;
  /** The token's id (`jti`), what `revoke-token --jti` names; a random UUID when absent. */
  jti?: string;
  /** Issue time (tests); defaults to now. */
  now?: Date;
}

/**
 * Signs an HS256 token with the configured shared secret (AUTH_JWT_SECRET or the embedded default's
 * `.data/jwt-secret`). With a JWKS the signing keys belong to the identity provider: there is nothing to sign with.
 */
export async function mintToken(keys: AuthKeys, request: TokenRequest): Promise<string> {
  if (keys.kind !== 'secret') throw new Error('tokens are issued by the identity provider when AUTH_JWKS_URL is set');
  const maxHours = keys.maxHours ?? TOKEN_MAX_HOURS_DEFAULT;
  if (request.hours > maxHours) throw new Error(`a token may last at most ${maxHours} h (TOKEN_MAX_HOURS)`);
  const issuedAt = Math.floor((request.now ?? new Date()).getTime() / 1000);
  let jwt = new SignJWT({ role: request.role, ...scopeClaims(request.departments) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.subject)
    .setJti(request.jti ?? randomUUID())
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + Math.round(request.hours * 3600));
  if (keys.issuer) jwt = jwt.setIssuer(keys.issuer);
  if (keys.audience) jwt = jwt.setAudience(keys.audience);
  return jwt.sign(keys.secret);
}

/** The scope claims (README, "Authentication and tokens"): the departments, or the explicit national claim. */
export function scopeClaims(departments: readonly string[]): { departments: string[] } | { scope_national: true } {
  return departments.length > 0 ? { departments: [...departments] } : { scope_national: true };
}
