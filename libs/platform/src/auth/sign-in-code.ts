import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { Actor } from './actor.js';
import { TOKEN_MAX_HOURS_DEFAULT, type AuthKeys } from './auth-keys.js';
import { scopeClaims, type TokenRequest } from './token-minter.js';
import { actorOf, InvalidToken, SIGN_IN_CODE_TYPE } from './token-verifier.js';

/** A sign-in link is valid this long, and once (its `jti` is recorded when used). */
export const SIGN_IN_CODE_MINUTES = 15;
/** Session lengths a link may ask for, in hours (as `npm run cli -- token --hours`); also at most TOKEN_MAX_HOURS. */
export const SESSION_HOURS = { min: 1, max: 720 } as const;

export interface SignInCode {
  jti: string;
  actor: Actor;
  /** The session the link opens, in hours. */
  hours: number;
  /** When the link itself stops working. */
  expiresAt: Date;
}

/**
 * The code of a local sign-in link (`npm run cli -- login-url`): a JWT signed with the same HS256 key as bearer
 * tokens, but with `typ: "sign-in"`, which the bearer verifier refuses, a `jti` for one use, and a 15-minute `exp`.
 * It carries what the session token will say (role, departments, subject, hours); the API exchanges it once.
 */
export async function mintSignInCode(keys: AuthKeys, request: TokenRequest): Promise<{ code: string; jti: string; expiresAt: Date }> {
  if (keys.kind !== 'secret')
    throw new Error('sign-in links need the local shared secret; with AUTH_JWKS_URL the identity provider signs users in');
  const maxHours = keys.maxHours ?? TOKEN_MAX_HOURS_DEFAULT;
  if (request.hours > maxHours) throw new Error(`a session may last at most ${maxHours} h (TOKEN_MAX_HOURS)`);
  const issuedAt = Math.floor((request.now ?? new Date()).getTime() / 1000);
  const exp = issuedAt + SIGN_IN_CODE_MINUTES * 60;
  const jti = randomUUID();
  let jwt = new SignJWT({ typ: SIGN_IN_CODE_TYPE, role: request.role, session_hours: request.hours, ...scopeClaims(request.departments) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.subject)
    .setJti(jti)
    .setIssuedAt(issuedAt)
    .setExpirationTime(exp);
  if (keys.issuer) jwt = jwt.setIssuer(keys.issuer);
  if (keys.audience) jwt = jwt.setAudience(keys.audience);
  return { code: await jwt.sign(keys.secret), jti, expiresAt: new Date(exp * 1000) };
}

/** Verifies a sign-in code (signature, expiry, `typ`, claims); InvalidToken otherwise. Whether it was used is the caller's check. */
export async function verifySignInCode(keys: AuthKeys, code: string, isDepartment: (code: string) => boolean): Promise<SignInCode> {
  if (keys.kind !== 'secret') throw new InvalidToken('claims', 'no local sign-in with an identity provider');
  try {
    const { payload } = await jwtVerify(code, keys.secret, {
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'sub', 'jti'],
      ...(keys.issuer ? { issuer: keys.issuer } : {}),
      ...(keys.audience ? { audience: keys.audience } : {}),
    });
    const hours = (payload as { session_hours?: unknown }).session_hours;
    if ((payload as { typ?: unknown }).typ !== SIGN_IN_CODE_TYPE) throw new InvalidToken('claims', 'not a sign-in code');
    const maxHours = Math.min(SESSION_HOURS.max, keys.maxHours ?? TOKEN_MAX_HOURS_DEFAULT);
    if (typeof hours !== 'number' || !Number.isInteger(hours) || hours < SESSION_HOURS.min || hours > maxHours) {
      throw new InvalidToken('claims', '`session_hours` out of range');
    }
    const { expiresAt: _exp, ...actor } = actorOf(payload, isDepartment);
    return { jti: String(payload.jti), actor, hours, expiresAt: new Date((payload.exp ?? 0) * 1000) };
  } catch (error) {
    if (error instanceof InvalidToken) throw error;
    if (error instanceof errors.JWTExpired) throw new InvalidToken('expired', error.message);
    throw new InvalidToken(error instanceof errors.JWSSignatureVerificationFailed ? 'signature' : 'malformed', String(error));
  }
}
