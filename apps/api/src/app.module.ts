import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { BackgroundWorkModule, InfrastructureModule, type AppConfig, type DatabaseUrls } from '#platform';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { RequestContextMiddleware } from './auth/request-context.js';
import { CasesModule } from './cases/cases.module.js';
import { HealthModule } from './health/health.module.js';
import { HotlineCallsModule } from './hotline-calls/hotline-calls.module.js';
import { ApiErrorFilter } from './http/api-error.filter.js';
import type { RegistryLogger } from './http/logging.js';

import { IntegrityModule } from './integrity/integrity.module.js';
import { JusticeModule } from './justice/justice.module.js';
import { NetworksModule } from './networks/networks.module.js';
import { VictimAssistanceModule } from './victim-assistance/victim-assistance.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { OfficialStatisticsModule } from './official-statistics/official-statistics.module.js';
import { ReferralsModule } from './referrals/referrals.module.js';
import { SessionModule } from './session/session.module.js';
import { SharedModule } from './shared/shared.module.js';
import { StatisticsModule } from './statistics/statistics.module.js';
import { SubjectsModule } from './subjects/subjects.module.js';

@Module({})
export class AppModule implements NestModule {
  static register(config: AppConfig, database: DatabaseUrls, logs: RegistryLogger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // The request id and the one line per request (pino-http), with the same pino the process logs through.
        LoggerModule.forRootAsync({ useFactory: () => logs.params }),
        InfrastructureModule.forRoot(config, database),
        SharedModule,
        AuthModule,
        SessionModule,
        HotlineCallsModule,
        ReferralsModule,
        CasesModule,
        JusticeModule,
        NetworksModule,
        VictimAssistanceModule,
        StatisticsModule,
        OfficialStatisticsModule,
        SubjectsModule,
        AuditModule,
        IntegrityModule,
        HealthModule,
        MetricsModule,
        BackgroundWorkModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ApiErrorFilter }],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*path');
  }
}
