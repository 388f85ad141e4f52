import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { NotFound } from '#domain';
import {
  APP_CONFIG,
  CATALOGS,
  InvalidToken,
  mintToken,
  PG_POOL,
  resolveAuthKeys,
  SignInCodesUsed,
  verifySignInCode,
  type AppConfig,
  type AuthKeys,
  type ReferenceCatalogs,
} from '#platform';
import type pg from 'pg';
import { SignInRefused } from '../auth/auth.errors.js';
import type { SessionDto } from './session.dto.js';

const noLocalSignIn = () =>
  new NotFound(
    'sign_in_unavailable',
    'El acceso con enlaces locales no está disponible: inicie sesión con el proveedor de identidad',
    'Local sign-in links are not available: sign in with the identity provider',
  );

/** Exchanges a sign-in link's code, once, for a bearer token of the session it names. */
@Injectable()
export class SignIn {
  private readonly logger = new Logger('Session');
  private readonly keys: AuthKeys;
  private readonly used: SignInCodesUsed;
  private readonly departments: Set<string>;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(CATALOGS) catalogs: ReferenceCatalogs, @Inject(PG_POOL) pool: pg.Pool) {
    this.keys = resolveAuthKeys(config.auth, config.dataDir);
    this.used = new SignInCodesUsed(pool);
    this.departments = new Set(catalogs.ubigeo.departmentCodes());
  }

  async exchange(code: string, now = new Date()): Promise<SessionDto> {
    if (this.keys.kind !== 'secret') throw noLocalSignIn();
    const verified = await verifySignInCode(this.keys, code, (d) => this.departments.has(d)).catch((error: unknown) => {
      throw error instanceof InvalidToken ? new SignInRefused(false) : error;
    });
    if (!(await this.used.markUsed(verified.jti, verified.expiresAt))) throw new SignInRefused(true);
    const { actor, hours } = verified;
    const jti = randomUUID();
    const token = await mintToken(this.keys, { subject: actor.subject, role: actor.role, departments: actor.departments, hours, now, jti });
    const expiresAt = new Date((Math.floor(now.getTime() / 1000) + Math.round(hours * 3600)) * 1000).toISOString();
    // The session's jti in the log: what `npm run cli -- revoke-token --jti` needs to end it (subjects are opaque ids).
    this.logger.log({ event: 'session_opened', subject: actor.subject, role: actor.role, jti, expiresAt });
    return { token, expiresAt, role: actor.role, departments: [...actor.departments], subject: actor.subject };
  }
}
