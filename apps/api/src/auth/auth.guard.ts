import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext, type Type } from '@nestjs/common';
// Nest's own route-argument metadata (what @Body() records), to validate the body as the route's pipe will.
import { ROUTE_ARGS_METADATA, RouteParamtypes } from '@nestjs/common/internal';
import type { Request } from 'express';
import { InvalidToken, type RequestWithActor, type TokenVerifier } from '#platform';
import { RateLimiter, RateLimitExemptions } from '../http/rate-limiter.js';
import { createValidationPipe } from '../http/validation.pipe.js';
import { Forbidden, Unauthorized } from './auth.errors.js';
import { DepartmentScope } from './department-scope.js';
import { Reflector } from '@nestjs/core';
import { ACCESS_METADATA, type AccessRule } from './access.js';
import { endpointKey, PUBLIC } from './endpoint-policy.js';

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

/**
 * Every route, in order: the client address's quota of requests without a valid token (429, before any
 * verification), the route's @Access rule (none: refused to everyone) (public routes stop here, with the actor set when a valid
 * token came along), a verified bearer token (401, counted against the address), the subject's quota and a heavy
 * endpoint's own (429), the role (403), the department scope (404 for records outside it, 403 for new ones; a
 * malformed body is a 400 first). Leaves the actor
 * on the request. Registered globally (APP_GUARD), so a new controller is covered without doing anything.
 */
const UNLIMITED = new Set(['GET /health', 'GET /health/live', 'GET /health/ready', 'GET /metrics']);

@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('Auth');

  constructor(
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    private readonly scope: DepartmentScope,
    private readonly limiter: RateLimiter,
    private readonly exemptions: RateLimitExemptions,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request & RequestWithActor>();
    const path = `${request.baseUrl ?? ''}${String(request.route?.path ?? request.path)}`;
    const rule = this.reflector.get<AccessRule | undefined>(ACCESS_METADATA, context.getHandler());
    const roles = rule?.roles ?? null;
    const endpoint = endpointKey(request.method, path);
    // Health probes and the metrics scraper are never limited; everything else is, by address until a token
    // verifies, by subject after.
    const limited = this.limiter.enabled && !UNLIMITED.has(endpoint);
    if (limited) this.limiter.checkAddress(request);
    if (roles === PUBLIC) {
      // A public route answers everyone; a valid token (any role) only identifies the caller (GET /health shows
      // its details then). A token that does not verify is ignored here: the public answer is the same as without one.
      if (request.headers.authorization)
        request.actor = await this.authenticate(request).catch((error: unknown) => {
          if (error instanceof Unauthorized) return undefined;
          throw error;
        });
      if (limited) this.count(request, endpoint);
      return true;
    }
    const actor = await this.authenticate(request).catch((error: unknown) => {
      if (limited && error instanceof Unauthorized) this.limiter.countAddress(request);
      throw error;
    });
    request.actor = actor;
    if (limited) this.count(request, endpoint);
    if (roles === null || !roles.includes(actor.role)) throw new Forbidden();
    try {
      await this.scope.check(actor, rule?.scope ?? {}, request);
    } catch (refusal) {
      // A malformed body is a 400 whether the record is in the token's departments, elsewhere or missing: a 404
      // for one and a 400 for another would tell that it exists. So a refusal first validates the body (the
      // route's pipe validates it once on the way in; an accepted request is not validated twice).
      await this.validateBody(context, request);
      throw refusal;
    }
    return true;
  }

  /** The subject's quota when a token verified (unless exempt: the demo loader), the address's otherwise. */
  private count(request: Request & RequestWithActor, endpoint: string): void {
    if (!request.actor) return this.limiter.countAddress(request);
    if (this.exemptions.has(bearer(request.headers.authorization) ?? '')) return;
    this.limiter.countSubject(request.actor, endpoint, request);
  }

  private readonly validation = createValidationPipe();

  /** The route's @Body() parameters through the global validation pipe (400 naming the fields), as its pipe would. */
  private async validateBody(context: ExecutionContext, request: Request): Promise<void> {
    const controller = context.getClass();
    const method = context.getHandler().name;
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, { index: number; data?: string }>;
    const types = (Reflect.getMetadata('design:paramtypes', controller.prototype as object, method) ?? []) as Array<Type | undefined>;
    for (const [key, arg] of Object.entries(args)) {
      if (Number(key.split(':')[0]) !== Number(RouteParamtypes.BODY)) continue;
      const body = request.body as Record<string, unknown> | undefined;
      const value = arg.data ? body?.[arg.data] : body;
      await this.validation.transform(value, { type: 'body', metatype: types[arg.index], data: arg.data });
    }
  }

  private async authenticate(request: Request) {
    const header = request.headers.authorization;
    if (!header) throw new Unauthorized(false, 'missing');
    const token = bearer(header);
    if (!token) throw new Unauthorized(true, 'malformed');
    try {
      return await this.verifier.verify(token);
    } catch (error) {
      if (!(error instanceof InvalidToken)) throw error;
      // The reason is for the operator (an expired token, a JWKS that cannot be reached), never the token itself.
      const log = error.reason === 'keys_unavailable' ? 'warn' : 'debug';
      this.logger[log](`token refused (${error.reason})`);
      throw new Unauthorized(true, error.reason);
    }
  }
}

/** The token of `Authorization: Bearer <token>` (scheme in any case, any spaces), or null. */
function bearer(header: string | undefined): string | null {
  return /^Bearer +([A-Za-z0-9\-_.]+)$/i.exec(header?.trim() ?? '')?.[1] ?? null;
}
