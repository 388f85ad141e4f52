import { createHmac, randomUUID } from 'node:crypto';
import type { Role } from '#platform';

export interface TestTokenOptions {
  /** Empty or absent: a national token, which says so with `scope_national: true`. */
  departments?: readonly string[];
  subject?: string;
  /** Seconds from now until `exp`; negative for an expired token. */
  expiresIn?: number;
  /** Extra or replacing claims (e.g. a role that does not exist). */
  claims?: Record<string, unknown>;
}

/**
 * An HS256 token signed with node:crypto alone, independently of the library the API verifies with, so the
 * tests check the wire format rather than the library against itself. Synchronous, for `t.api(role)`.
 */
export function signTestToken(secret: string, role: Role | string, options: TestTokenOptions = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = {
    sub: options.subject ?? `test-${role}`,
    role,
    iat: now,
    exp: now + (options.expiresIn ?? 3600),
    jti: randomUUID(),
    ...(options.departments && options.departments.length > 0 ? { departments: options.departments } : { scope_national: true }),
    ...options.claims,
  };
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signingInput = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}`;
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}
