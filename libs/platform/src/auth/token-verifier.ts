import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { ROLES, type Actor, type Role } from './actor.js';
import { TOKEN_MAX_HOURS_DEFAULT, type AuthKeys } from './auth-keys.js';

/**
 * Why a bearer token was refused; the HTTP answer is the same 401 for all but `no_scope` (its own code, so an
 * identity provider's missing claim mapping is found quickly); the reason goes to the log.
 */
export type InvalidTokenReason = 'missing' | 'malformed' | 'expired' | 'signature' | 'claims' | 'no_scope' | 'revoked' | 'keys_unavailable';

export class InvalidToken extends Error {
  constructor(
    readonly reason: InvalidTokenReason,
    detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

export interface TokenVerifier {
  readonly mode: AuthKeys['kind'];
  /** The actor the token names, or InvalidToken. */
  verify(token: string): Promise<Actor>;
}

/** The revocation list (revoked-tokens.ts): whether a token id (`jti`) was revoked. */
export interface RevocationCheck {
  isRevoked(jti: string): Promise<boolean>;
}

const CLOCK_TOLERANCE_SECONDS = 30;

/** The `typ` claim of a sign-in link's code (sign-in-code.ts); never accepted as a bearer token. */
export const SIGN_IN_CODE_TYPE = 'sign-in';

/**
 * Verifies signature, `exp`, `iat` and `jti` (required), a lifetime `exp` − `iat` of at most maxHours, `iss`/`aud`
 * when configured (always with a JWKS), the revocation list, and our claims: `sub`, `role` (one of ROLES) and the
 * scope: `departments` (two-digit UBIGEO codes that exist) or `scope_national: true`, exactly one of them. With a
 * shared secret, a rotation's previous secrets verify too. With a JWKS the keys are fetched from the identity
 * provider and cached; an unknown `kid` refetches them (key rotation), rate-limited by jose.
 */
export function createTokenVerifier(keys: AuthKeys, isDepartment: (code: string) => boolean, revocations?: RevocationCheck): TokenVerifier {
  const maxSeconds = (keys.maxHours ?? TOKEN_MAX_HOURS_DEFAULT) * 3600;
  const options = {
    algorithms: keys.kind === 'secret' ? ['HS256'] : ['RS256', 'ES256'],
    requiredClaims: ['exp', 'iat', 'sub', 'jti'],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    ...(keys.issuer ? { issuer: keys.issuer } : {}),
    ...(keys.audience ? { audience: keys.audience } : {}),
  };
  const jwks = keys.kind === 'jwks' ? createRemoteJWKSet(keys.url) : null;
  const secrets = keys.kind === 'secret' ? [keys.secret, ...(keys.previous ?? [])] : [];
  const checkSignature = async (token: string) => {
    if (jwks) return jwtVerify(token, jwks, options);
    // The current secret first; a rotation's previous ones only when the signature does not match it.
    for (const [index, secret] of secrets.entries()) {
      try {
        return await jwtVerify(token, secret, options);
      } catch (error) {
        if (!(error instanceof errors.JWSSignatureVerificationFailed) || index === secrets.length - 1) throw error;
      }
    }
    throw new InvalidToken('signature', 'no secret');
  };
  const isRevoked = async (jti: string) => {
    if (revocations && (await revocations.isRevoked(jti))) throw new InvalidToken('revoked', 'the token was revoked');
  };
  // A client sends the same token with every request: a signature checked once holds until the token expires;
  // the revocation list is asked every time (it answers from its own short cache, revoked-tokens.ts).
  const verified = new Map<string, { actor: Actor; jti: string; expiresAt: number }>();
  return {
    mode: keys.kind,
    async verify(token: string): Promise<Actor> {
      const cached = verified.get(token);
      if (cached && Date.now() < cached.expiresAt) {
        await isRevoked(cached.jti);
        return cached.actor;
      }
      let payload: JWTPayload;
      try {
        ({ payload } = await checkSignature(token));
      } catch (error) {
        throw refusal(error);
      }
      // A sign-in link's code is signed with the same key, but it opens a session, it is not one.
      if ((payload as { typ?: unknown }).typ === SIGN_IN_CODE_TYPE)
        throw new InvalidToken('claims', 'a sign-in code is not a bearer token');
      const { exp, iat, jti } = payload;
      if (typeof exp !== 'number' || typeof iat !== 'number' || exp - iat > maxSeconds) {
        throw new InvalidToken('claims', `the token lasts longer than ${maxSeconds / 3600} h (TOKEN_MAX_HOURS)`);
      }
      if (typeof jti !== 'string' || jti === '' || jti.length > 200) throw new InvalidToken('claims', '`jti` must be a non-empty string');
      const actor = actorOf(payload, isDepartment);
      await isRevoked(jti);
      if (verified.size >= CACHE_LIMIT) verified.delete(verified.keys().next().value as string);
      verified.set(token, { actor, jti, expiresAt: Math.min(exp * 1000, Date.now() + CACHE_MS) });
      return actor;
    },
  };
}

/** Verified tokens kept at most this long (less when they expire sooner), and at most this many at once. */
const CACHE_MS = 60_000;
const CACHE_LIMIT = 10_000;

function refusal(error: unknown): InvalidToken {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof InvalidToken) return error;
  if (error instanceof errors.JWTExpired) return new InvalidToken('expired', message);
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey)
    return new InvalidToken('signature', message);
  if (error instanceof errors.JWTClaimValidationFailed) return new InvalidToken('claims', message);
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return new InvalidToken('keys_unavailable', message);
  if (error instanceof errors.JOSEError) return new InvalidToken('malformed', message);
  // A JWKS that cannot be fetched surfaces as a network error: the token may be fine, but it cannot be checked.
  return new InvalidToken('keys_unavailable', message);
}

/**
 * Checks our claims (`sub`, `role`, the scope) of a verified payload; also used for sign-in codes. National scope
 * only by the explicit `scope_national: true`: a token with neither it nor departments is refused (`no_scope`).
 */
export function actorOf(payload: JWTPayload, isDepartment: (code: string) => boolean): Actor {
  const {
    sub,
    role,
    departments,
    scope_national: national,
  } = payload as JWTPayload & { role?: unknown; departments?: unknown; scope_national?: unknown };
  if (typeof sub !== 'string' || sub.trim() === '' || sub.length > 200)
    throw new InvalidToken('claims', '`sub` must be a non-empty string');
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw new InvalidToken('claims', `\`role\` must be one of ${ROLES.join(', ')}`);
  }
  const scope = departments ?? [];
  if (!Array.isArray(scope) || !scope.every((d) => typeof d === 'string' && /^\d{2}$/.test(d) && isDepartment(d))) {
    throw new InvalidToken('claims', '`departments` must be an array of two-digit UBIGEO department codes');
  }
  if (national !== undefined && national !== true && national !== false)
    throw new InvalidToken('claims', '`scope_national` must be true or false');
  if (national === true && scope.length > 0) throw new InvalidToken('claims', '`scope_national` and `departments` exclude each other');
  if (national !== true && scope.length === 0) throw new InvalidToken('no_scope', 'neither `departments` nor `scope_national: true`');
  const expiresAt = typeof payload.exp === 'number' ? { expiresAt: new Date(payload.exp * 1000).toISOString() } : {};
  return { subject: sub, role: role as Role, departments: [...new Set(scope as string[])].sort(), ...expiresAt };
}
