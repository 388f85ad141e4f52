import pg from 'pg';
import { DataSource } from 'typeorm';
import { READ_MODEL_ENTITIES, READ_MODEL_MIGRATIONS } from '#read-models';
import { EventStore1764201600000 } from './migrations/1764201600000-event-store.js';
import { DemoLoads1764201600400 } from './migrations/1764201600400-demo-loads.js';
import { AuditLog1764201600600 } from './migrations/1764201600600-audit-log.js';
import { IntegrityAnchors1764201600700 } from './migrations/1764201600700-integrity-anchors.js';
import { SubjectKeys1764201600650 } from './migrations/1764201600650-subject-keys.js';
import { SignInCodes1764201600800 } from './migrations/1764201600800-sign-in-codes.js';
import { EventsNotify1764201600810 } from './migrations/1764201600810-events-notify.js';
import { AuditSearches1764201600820 } from './migrations/1764201600820-audit-searches.js';
import { AuditSubjects1764201600825 } from './migrations/1764201600825-audit-subjects.js';
import { AuditChain1764201600830 } from './migrations/1764201600830-audit-chain.js';
import { RecordIdLookups1764201600870 } from './migrations/1764201600870-record-id-lookups.js';
import { ErasureReach1764201600960 } from './migrations/1764201600960-erasure-reach.js';
import { ProjectionFailures1764201600970 } from './migrations/1764201600970-projection-failures.js';
import { RevokedTokens1764201600900 } from './migrations/1764201600900-revoked-tokens.js';
import { RateLimitWindows1764201600910 } from './migrations/1764201600910-rate-limit-windows.js';
import { IntegrityVerifications1764201600920 } from './migrations/1764201600920-integrity-verifications.js';
import { SameFactsLookup1764201601040 } from './migrations/1764201601040-same-facts-lookup.js';
import { ReferralWebhookDeliveries1764201601420 } from './migrations/1764201601420-referral-webhook-deliveries.js';
import { IntegrationRelay1764201601500 } from './migrations/1764201601500-integration-relay.js';
import { IntegrationDeadLetterResolution1764201601510 } from './migrations/1764201601510-integration-dead-letter-resolution.js';

/** A migration's timestamp: the digits its class name ends with (TypeORM's own convention and order). */
const timestampOf = (migration: { name: string }): number => Number(/(\d+)$/.exec(migration.name)?.[1] ?? 0);

/**
 * All schema changes, in timestamp order (TypeORM applies them so, and the last one is the schema's head that
 * backups record and restore checks), whatever order the libraries list theirs in. Applied at start-up by `migrate`;
 * the schema is never synchronized.
 */
export const MIGRATIONS = [
  EventStore1764201600000,
  ...READ_MODEL_MIGRATIONS,
  DemoLoads1764201600400,
  AuditLog1764201600600,
  SubjectKeys1764201600650,
  IntegrityAnchors1764201600700,
  SignInCodes1764201600800,
  EventsNotify1764201600810,
  AuditSearches1764201600820,
  AuditSubjects1764201600825,
  AuditChain1764201600830,
  RecordIdLookups1764201600870,
  RevokedTokens1764201600900,
  RateLimitWindows1764201600910,
  IntegrityVerifications1764201600920,
  ErasureReach1764201600960,
  ProjectionFailures1764201600970,
  SameFactsLookup1764201601040,
  ReferralWebhookDeliveries1764201601420,
  IntegrationRelay1764201601500,
  IntegrationDeadLetterResolution1764201601510,
].sort((a, b) => timestampOf(a) - timestampOf(b));

/**
 * The TypeORM data source (migrations, read-model queries). Given a `pg.Pool`, TypeORM runs on that pool instead of
 * opening its own, so a process has one pool and one connection budget; given a size, it opens a pool of its own
 * (the migrating owner, a short-lived CLI connection). Destroying the data source ends the shared pool too.
 */
export function createDataSource(url: string, pool: pg.Pool | number = 5): DataSource {
  const shared = typeof pool === 'number' ? null : pool;
  return new DataSource({
    type: 'postgres',
    url,
    entities: [...READ_MODEL_ENTITIES],
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    // TypeORM makes its pool with `new driver.Pool(options)`: a constructor that returns the shared pool.
    ...(shared
      ? {
          driver: Object.create(pg, {
            Pool: {
              value: function SharedPool() {
                return shared;
              },
            },
          }) as typeof pg,
        }
      : { extra: { max: pool } }),
  });
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
