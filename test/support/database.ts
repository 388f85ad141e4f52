import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../libs/platform/src/database/data-source.js';
import { EMBEDDED_SERVING_ROLE, ensureServingRole, prepareDatabase, type DatabaseUrls } from '../../libs/platform/src/database/roles.js';

export interface TestDatabase extends DatabaseUrls {
  /** The serving role's URL: what the application under test (and the CLI under test) connects with. */
  url: string;
  /** The owner's URL (the test server's superuser): migrations, and tampering as someone with the owner's rights. */
  ownerUrl: string;
  /** A pool of the owner, for the tests' own setup, inspection and tampering. */
  pool: pg.Pool;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database on the run's embedded PostgreSQL (started by global-setup.js), so test files are
 * isolated from each other and run against the real server, never a mock. Migrated as the owner, with the
 * serving role granted exactly as at start-up, so the application under test runs with the production privileges.
 */
export async function createTestDatabase(poolSize = 20): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set: run the tests through npm test');
  const name = `test_${randomBytes(6).toString('hex')}`;
  // One serving role for the whole server (roles are cluster-wide), its password derived from the run's admin URL
  // so that every test file (in any worker) sets the same one.
  const servingPassword = createHash('sha256').update(`serving:${adminUrl}`).digest('base64url');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  // Created once; never altered again (concurrent ALTER ROLE from parallel test files could collide).
  await ensureServingRole(admin, EMBEDDED_SERVING_ROLE, servingPassword, { resetExisting: false });
  await admin.end();
  const ownerUrl = new URL(adminUrl);
  ownerUrl.pathname = `/${name}`;
  const servingUrl = new URL(ownerUrl);
  servingUrl.username = EMBEDDED_SERVING_ROLE;
  servingUrl.password = servingPassword;
  await prepareDatabase({ url: servingUrl.toString(), ownerUrl: ownerUrl.toString() });
  const dataSource = createDataSource(ownerUrl.toString(), 2);
  await dataSource.initialize();
  const pool = new pg.Pool({ connectionString: ownerUrl.toString(), max: poolSize });
  return {
    url: servingUrl.toString(),
    ownerUrl: ownerUrl.toString(),
    pool,
    dataSource,
    async close() {
      await pool.end();
      await dataSource.destroy();
    },
  };
}

export async function countEvents(pool: pg.Pool): Promise<number> {
  const result = await pool.query<{ n: string }>('SELECT count(*) AS n FROM events');
  return Number(result.rows[0].n);
}

/**
 * Waits (bounded) until every committed event is visible to gap-safe readers. Readers stop at the oldest
 * transaction running anywhere on the server, and other test files share the server.
 */
export async function waitUntilLogVisible(pool: pg.Pool, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ hidden: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM events WHERE transaction_id >= pg_snapshot_xmin(pg_current_snapshot())) AS hidden',
    );
    if (!rows[0].hidden) return;
    if (Date.now() > deadline) throw new Error('events stayed invisible to gap-safe readers for too long');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
