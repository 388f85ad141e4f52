import { Global, Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import {
  HOTLINE_CALL_EVENT_TYPES,
  POLICE_CASE_EVENT_TYPES,
  PROSECUTION_EVENT_TYPES,
  REFERRAL_EVENT_TYPES,
  TRIAL_EVENT_TYPES,
  CRIMINAL_NETWORK_EVENT_TYPES,
  WITNESS_PROTECTION_EVENT_TYPES,
  VICTIM_ASSISTANCE_EVENT_TYPES,
} from '#domain';
import {
  CopiedLog,
  LogCopier,
  PostgresEventStore,
  ProjectionDaemon,
  ProjectionRunner,
  type DaemonRunner,
  type EventStore,
  type RecordedEvent,
} from '#event-store';
import { PROJECTIONS } from '#read-models';
import type { AppConfig } from '../config/config.js';
import { createDataSource } from '../database/data-source.js';
import { prepareDatabase, type DatabaseUrls } from '../database/roles.js';
import { AnchorExporter } from '../integrity/anchor-export.js';
import { FieldSealer } from '../privacy/field-sealer.js';
import { subjectKeyStore } from '../privacy/projection-opener.js';
import { SealingEventStore } from '../privacy/sealing-event-store.js';
import { SubjectKeyStore } from '../privacy/subject-key-store.js';
import { loadMasterKeyringChecked, type MasterKeyring } from '../privacy/master-keyring.js';
import { loadCatalogs } from '../reference/catalogs.js';
import { MeasuredEventStore, RegistryMetrics } from '../metrics/registry-metrics.js';
import { openKurrentDbLog, type KurrentDbLog } from '../event-log/kurrentdb-log.js';
import { APP_CONFIG, CATALOGS, EVENT_LOG, EVENT_STORE, KURRENTDB_LOG, MASTER_KEYRING, PG_POOL } from './tokens.js';

/** Every event type this version of the registry understands; projections skip and count the rest. */
export const KNOWN_EVENT_TYPES: ReadonlySet<string> = new Set<string>([
  ...HOTLINE_CALL_EVENT_TYPES,
  ...REFERRAL_EVENT_TYPES,
  ...POLICE_CASE_EVENT_TYPES,
  ...PROSECUTION_EVENT_TYPES,
  ...TRIAL_EVENT_TYPES,
  ...CRIMINAL_NETWORK_EVENT_TYPES,
  ...WITNESS_PROTECTION_EVENT_TYPES,
  ...VICTIM_ASSISTANCE_EVENT_TYPES,
  // The numbering streams' one type (registry-number.ts): no projection reads it, none may count it as unknown.
  'RegistryNumberReserved',
]);

const logger = new Logger('Infrastructure');

/**
 * Database, event store, reference catalogs, field sealing and the projection daemon, wired once for the API,
 * the CLI and the seed generator alike. Migrations run (as the owner, who then grants the serving role) before
 * anything else touches the database; everything after connects as the serving role.
 */
@Global()
@Module({})
export class InfrastructureModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly dataSource: DataSource,
    private readonly daemon: ProjectionDaemon,
    @Inject(KURRENTDB_LOG) private readonly kurrent: KurrentDbLog | null,
  ) {}

  static forRoot(config: AppConfig, database: DatabaseUrls): DynamicModule {
    const databaseUrl = database.url;
    return {
      module: InfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        {
          // One pool for the process (the event store, the projections and TypeORM's read-model queries share it):
          // the connection budget is DATABASE_POOL_SIZE. Made after the migrations (as the owner) have run.
          provide: PG_POOL,
          useFactory: async () => {
            const applied = await prepareDatabase(database, (message) => logger.warn(message));
            if (applied.length > 0) logger.log(`migrations applied: ${applied.join(', ')}`);
            const pool = new pg.Pool({ connectionString: databaseUrl, max: config.databasePoolSize });
            // An idle connection dropped by the server (restart, Ctrl-C reaching it first) must not crash us.
            pool.on('error', (error) => logger.warn(`idle database connection lost: ${error.message}`));
            // …and so must a connection lost while checked out: its query fails and is answered, the client's
            // own 'error' event must not become an uncaught exception.
            pool.on('connect', (client) => client.on('error', (error) => logger.warn(`database connection lost: ${error.message}`)));
            return pool;
          },
        },
        {
          provide: DataSource,
          inject: [PG_POOL],
          useFactory: (pool: pg.Pool) => createDataSource(databaseUrl, pool).initialize(),
        },
        // EVENT_STORE=kurrentdb: the log is KurrentDB's, and PostgreSQL's events table its copy (LogCopier, below).
        {
          provide: KURRENTDB_LOG,
          useFactory: () => (config.eventStore === 'kurrentdb' ? openKurrentDbLog(config.kurrentDbUrl!) : null),
        },
        {
          provide: EVENT_LOG,
          inject: [PG_POOL, KURRENTDB_LOG],
          useFactory: (pool: pg.Pool, kurrent: KurrentDbLog | null) => kurrent?.store ?? new PostgresEventStore(pool),
        },
        // This instance's metrics (its own prom-client registry), read by GET /metrics.
        {
          provide: RegistryMetrics,
          inject: [PG_POOL],
          useFactory: (pool: pg.Pool) =>
            new RegistryMetrics(
              pool,
              PROJECTIONS.map((p) => p.name),
            ),
        },
        { provide: SubjectKeyStore, inject: [PG_POOL, MASTER_KEYRING, FieldSealer], useFactory: subjectKeyStore },
        // What commands and readers use: the log, its appends counted and timed, behind the decorator that seals
        // personal fields and free text.
        {
          provide: SealingEventStore,
          inject: [EVENT_LOG, SubjectKeyStore, RegistryMetrics],
          useFactory: (log: EventStore, keys: SubjectKeyStore, metrics: RegistryMetrics) =>
            new SealingEventStore(new MeasuredEventStore(log, metrics), keys),
        },
        { provide: EVENT_STORE, useExisting: SealingEventStore },
        { provide: CATALOGS, useFactory: () => loadCatalogs(config.seedsDir) },
        {
          provide: MASTER_KEYRING,
          inject: [PG_POOL],
          useFactory: (pool: pg.Pool) =>
            loadMasterKeyringChecked(pool, { masterKey: config.masterKey, keyringFile: config.masterKeysFile, dataDir: config.dataDir }),
        },
        {
          provide: FieldSealer,
          inject: [MASTER_KEYRING],
          useFactory: (keyring: MasterKeyring) => new FieldSealer(keyring.legacyFieldKeys),
        },
        { provide: AnchorExporter, useFactory: () => new AnchorExporter(config, (message) => logger.warn(message)) },
        {
          provide: ProjectionDaemon,
          inject: [PG_POOL, SealingEventStore, RegistryMetrics, KURRENTDB_LOG],
          useFactory: (pool: pg.Pool, store: SealingEventStore, metrics: RegistryMetrics, kurrent: KurrentDbLog | null) => {
            // Projections that index free text read it clear (the log holds it sealed): the case list's police unit.
            const open = (events: readonly RecordedEvent[]) => store.openFreeText(events);
            const maxAttempts = config.projectionMaxAttempts;
            // With KurrentDB, the copier keeps PostgreSQL's copy of the log and the projections read the copy (in
            // KurrentDB's order, each one's checkpoint in its own transaction); otherwise they read the log gap-safely.
            const source = kurrent ? new CopiedLog(pool) : undefined;
            const runners: DaemonRunner[] = PROJECTIONS.map(
              (p) =>
                new ProjectionRunner(pool, p, {
                  knownEventTypes: KNOWN_EVENT_TYPES,
                  open,
                  maxAttempts,
                  batchSize: config.projectionBatchSize,
                  source,
                }),
            );
            return new ProjectionDaemon(
              pool,
              kurrent ? [new LogCopier(pool, kurrent.store, config.projectionBatchSize), ...runners] : runners,
              logger,
              200,
              {
                initialMs: config.projectionRetryInitialMs,
                maxMs: config.projectionRetryMaxMs,
                onFailure: (failure) => metrics.projectionErrors.inc({ projection: failure.projection }),
              },
            );
          },
        },
      ],
      exports: [
        APP_CONFIG,
        DataSource,
        PG_POOL,
        EVENT_LOG,
        EVENT_STORE,
        SealingEventStore,
        SubjectKeyStore,
        CATALOGS,
        MASTER_KEYRING,
        FieldSealer,
        ProjectionDaemon,
        KURRENTDB_LOG,
        AnchorExporter,
        RegistryMetrics,
      ],
    };
  }

  onApplicationBootstrap(): void {
    if (this.config.runProjections) this.daemon.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.daemon.stop();
    await this.kurrent?.close().catch(() => undefined);
    await this.dataSource.destroy(); // ends the shared pool
    if (!this.pool.ended) await this.pool.end();
  }
}
