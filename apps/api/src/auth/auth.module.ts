import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import {
  APP_CONFIG, CATALOGS, createTokenVerifier, resolveAuthKeys, type AppConfig, type ReferenceCatalogs,
} from '../../../../libs/platform/src/index.js';
import { AuthGuard, TOKEN_VERIFIER } from './auth.guard.js';
import { DepartmentScope } from './department-scope.js';
import { NeedToKnow } from './need-to-know.js';

/** Authentication, roles, department scope and need-to-know for every route (README, "Authentication and tokens"). */
@Global()
@Module({
  providers: [
    {
      provide: TOKEN_VERIFIER,
      inject: [APP_CONFIG, CATALOGS],
      useFactory: (config: AppConfig, catalogs: ReferenceCatalogs) => {
        const departments = new Set(catalogs.ubigeo.departmentCodes());
        return createTokenVerifier(resolveAuthKeys(config.auth, config.dataDir), (code) => departments.has(code));
      },
    },
    DepartmentScope,
    NeedToKnow,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [DepartmentScope, NeedToKnow],
})
export class AuthModule {}
