import { SignJWT } from 'jose';
import type { Role } from './actor.js';
import type { AuthKeys } from './auth-keys.js';

export interface TokenRequest {
  subject: string;
  role: Role;
  /** Empty: national scope. */
  departments: readonly string[];
  /** Lifetime in hours. */
  hours: number;
  /** Issue time (tests); defaults to now. */
  now?: Date;
}

/**
 * Signs an HS256 token with the configured shared secret (AUTH_JWT_SECRET or the embedded default's
 * `.data/jwt-secret`). With a JWKS the signing keys belong to the identity provider: there is nothing to sign with.
 */
export async function mintToken(keys: AuthKeys, request: TokenRequest): Promise<string> {
  if (keys.kind !== 'secret') throw new Error('tokens are issued by the identity provider when AUTH_JWKS_URL is set');
  const issuedAt = Math.floor((request.now ?? new Date()).getTime() / 1000);
  const claims = request.departments.length > 0 ? { role: request.role, departments: [...request.departments] } : { role: request.role };
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.subject)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + Math.round(request.hours * 3600));
  if (keys.issuer) jwt = jwt.setIssuer(keys.issuer);
  if (keys.audience) jwt = jwt.setAudience(keys.audience);
  return jwt.sign(keys.secret);
}
