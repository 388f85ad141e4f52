import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { ROLES, type Actor, type Role } from './actor.js';
import type { AuthKeys } from './auth-keys.js';

/** Why a bearer token was refused; the HTTP answer is the same 401 for all, the reason goes to the log. */
export type InvalidTokenReason = 'missing' | 'malformed' | 'expired' | 'signature' | 'claims' | 'keys_unavailable';

export class InvalidToken extends Error {
  constructor(readonly reason: InvalidTokenReason, detail: string) {
    super(`${reason}: ${detail}`);
  }
}

export interface TokenVerifier {
  readonly mode: AuthKeys['kind'];
  /** The actor the token names, or InvalidToken. */
  verify(token: string): Promise<Actor>;
}

const CLOCK_TOLERANCE_SECONDS = 30;

/** The `typ` claim of a sign-in link's code (sign-in-code.ts); never accepted as a bearer token. */
export const SIGN_IN_CODE_TYPE = 'sign-in';

/**
 * Verifies signature, `exp` (required), `iss`/`aud` when configured, and our claims: `sub`, `role` (one of
 * ROLES) and optional `departments` (two-digit UBIGEO codes that exist). With a JWKS the keys are fetched from
 * the identity provider and cached; an unknown `kid` refetches them (key rotation), rate-limited by jose.
 */
export function createTokenVerifier(keys: AuthKeys, isDepartment: (code: string) => boolean): TokenVerifier {
  const options = {
    algorithms: keys.kind === 'secret' ? ['HS256'] : ['RS256', 'ES256'],
    requiredClaims: ['exp', 'sub'],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    ...(keys.issuer ? { issuer: keys.issuer } : {}),
    ...(keys.audience ? { audience: keys.audience } : {}),
  };
  const jwks = keys.kind === 'jwks' ? createRemoteJWKSet(keys.url) : null;
  // A client sends the same token with every request: a signature checked once holds until the token expires.
  const verified = new Map<string, { actor: Actor; expiresAt: number }>();
  return {
    mode: keys.kind,
    async verify(token: string): Promise<Actor> {
      const cached = verified.get(token);
      if (cached && Date.now() < cached.expiresAt) return cached.actor;
      let payload: JWTPayload;
      try {
        ({ payload } = jwks ? await jwtVerify(token, jwks, options) : await jwtVerify(token, (keys as { secret: Uint8Array }).secret, options));
      } catch (error) {
        throw refusal(error);
      }
      // A sign-in link's code is signed with the same key, but it opens a session, it is not one.
      if ((payload as { typ?: unknown }).typ === SIGN_IN_CODE_TYPE) throw new InvalidToken('claims', 'a sign-in code is not a bearer token');
      const actor = actorOf(payload, isDepartment);
      if (verified.size >= CACHE_LIMIT) verified.clear();
      verified.set(token, { actor, expiresAt: Math.min((payload.exp ?? 0) * 1000, Date.now() + CACHE_MS) });
      return actor;
    },
  };
}

/** Verified tokens kept at most this long (less when they expire sooner), and at most this many at once. */
const CACHE_MS = 60_000;
const CACHE_LIMIT = 10_000;

function refusal(error: unknown): InvalidToken {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof errors.JWTExpired) return new InvalidToken('expired', message);
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return new InvalidToken('signature', message);
  if (error instanceof errors.JWTClaimValidationFailed) return new InvalidToken('claims', message);
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return new InvalidToken('keys_unavailable', message);
  if (error instanceof errors.JOSEError) return new InvalidToken('malformed', message);
  // A JWKS that cannot be fetched surfaces as a network error: the token may be fine, but it cannot be checked.
  return new InvalidToken('keys_unavailable', message);
}

/** Checks our claims (`sub`, `role`, `departments`) of a verified payload; also used for sign-in codes. */
export function actorOf(payload: JWTPayload, isDepartment: (code: string) => boolean): Actor {
  const { sub, role, departments } = payload as JWTPayload & { role?: unknown; departments?: unknown };
  if (typeof sub !== 'string' || sub.trim() === '' || sub.length > 200) throw new InvalidToken('claims', '`sub` must be a non-empty string');
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw new InvalidToken('claims', `\`role\` must be one of ${ROLES.join(', ')}`);
  }
  const scope = departments ?? [];
  if (!Array.isArray(scope) || !scope.every((d) => typeof d === 'string' && /^\d{2}$/.test(d) && isDepartment(d))) {
    throw new InvalidToken('claims', '`departments` must be an array of two-digit UBIGEO department codes');
  }
  const expiresAt = typeof payload.exp === 'number' ? { expiresAt: new Date(payload.exp * 1000).toISOString() } : {};
  return { subject: sub, role: role as Role, departments: [...new Set(scope as string[])].sort(), ...expiresAt };
}
