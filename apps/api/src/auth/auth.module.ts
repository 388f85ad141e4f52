import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import {
  APP_CONFIG,
  CATALOGS,
  createTokenVerifier,
  PG_POOL,
  resolveAuthKeys,
  RevokedTokens,
  type AppConfig,
  type ReferenceCatalogs,
} from '#platform';
import type pg from 'pg';
import { RateLimiter, RateLimitExemptions } from '../http/rate-limiter.js';
import { AuthGuard, TOKEN_VERIFIER } from './auth.guard.js';
import { AccessTable } from './access.js';
import { DepartmentScope } from './department-scope.js';
import { NeedToKnow } from './need-to-know.js';

/** Authentication, roles, department scope and need-to-know for every route (README, "Authentication and tokens"). */
@Global()
@Module({
  providers: [
    {
      provide: TOKEN_VERIFIER,
      inject: [APP_CONFIG, CATALOGS, PG_POOL],
      useFactory: (config: AppConfig, catalogs: ReferenceCatalogs, pool: pg.Pool) => {
        const departments = new Set(catalogs.ubigeo.departmentCodes());
        return createTokenVerifier(resolveAuthKeys(config.auth, config.dataDir), (code) => departments.has(code), new RevokedTokens(pool));
      },
    },
    DepartmentScope,
    NeedToKnow,
    AccessTable,
    RateLimiter,
    RateLimitExemptions,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [DepartmentScope, NeedToKnow, AccessTable, RateLimiter, RateLimitExemptions],
})
export class AuthModule {}
