import { Module, type DynamicModule } from '@nestjs/common';
import { BackgroundWorkModule, InfrastructureModule, type AppConfig, type DatabaseUrls } from '#platform';

/**
 * The projector: no HTTP API, only what follows the log — the projections (InfrastructureModule's daemon: one active
 * runner per projection across every process, by PostgreSQL advisory locks), the integration relay and the referral
 * webhook sender (BackgroundWorkModule). Background work is always on here, whatever RUN_PROJECTIONS says.
 */
@Module({})
export class ProjectorModule {
  static register(config: AppConfig, database: DatabaseUrls): DynamicModule {
    const projector = { ...config, runProjections: true };
    return { module: ProjectorModule, imports: [InfrastructureModule.forRoot(projector, database), BackgroundWorkModule] };
  }
}
