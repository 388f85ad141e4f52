import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, migrate } from '../../libs/platform/src/database/data-source.js';

export interface TestDatabase {
  url: string;
  pool: pg.Pool;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database on the run's embedded PostgreSQL (started by global-setup.js), so test files are
 * isolated from each other and run against the real server, never a mock.
 */
export async function createTestDatabase(poolSize = 20): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set: run the tests through npm test');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataSource = createDataSource(url.toString(), 2);
  await dataSource.initialize();
  await migrate(dataSource);
  const pool = new pg.Pool({ connectionString: url.toString(), max: poolSize });
  return {
    url: url.toString(),
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
