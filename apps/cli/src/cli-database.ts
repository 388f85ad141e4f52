import pg from 'pg';
import type { DataSource } from 'typeorm';
import {
  createDataSource,
  ensureEmbeddedServingRole,
  existingEmbeddedDatabaseUrl,
  poolClosed,
  prepareDatabase,
  startEmbeddedDatabase,
  type AppConfig,
  type DatabaseUrls,
  type EmbeddedDatabase,
} from '#platform';
import { NoData } from './cli-errors.js';

/** One connection to the registry for the length of a command, as the serving role (migrations: as the owner). */
export interface CliDatabase {
  pool: pg.Pool;
  dataSource: DataSource;
  /** True when this process started the embedded server: nobody else is running the projections. */
  ownsServer: boolean;
  close(): Promise<void>;
}

/**
 * DATABASE_URL when set. Otherwise the embedded PostgreSQL under dataDir: the running API's server if one listens,
 * else this process starts it (and stops it in close()). A dataDir without a database is refused (NoData): an
 * operator's command never creates an empty registry.
 */
export async function openDatabase(config: AppConfig, log: (message: string) => void): Promise<CliDatabase> {
  if (config.databaseUrl) {
    const urls = { url: config.databaseUrl, ownerUrl: config.migrationDatabaseUrl ?? config.databaseUrl };
    return connect(urls, where(config.databaseUrl), null, log);
  }
  const ownerUrl = existingEmbeddedDatabaseUrl(config.dataDir, config.embeddedPostgresPort);
  if (ownerUrl === null) throw new NoData(config.dataDir);
  if (await listening(ownerUrl)) {
    log(`usando la base embebida en ejecución / using the running embedded database (127.0.0.1:${config.embeddedPostgresPort})`);
    const url = await ensureEmbeddedServingRole(config.dataDir, ownerUrl);
    return connect({ url, ownerUrl }, config.dataDir, null, log);
  }
  log(`iniciando la base embebida / starting the embedded database (${config.dataDir})`);
  const embedded = await startEmbeddedDatabase(config.dataDir, config.embeddedPostgresPort, log);
  try {
    return await connect(embedded, config.dataDir, embedded, log);
  } catch (error) {
    await embedded.stop().catch(() => undefined);
    throw error;
  }
}

/** Whether a server answers at url; a refused connection means nothing listens, anything else is a real error. */
export async function listening(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'ECONNREFUSED') return false;
    throw error;
  }
}

/** A database URL without its credentials, to name it in messages. */
function where(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/** Connects and migrates; `label` names the database in the NoData message when it holds no registry. */
async function connect(
  urls: DatabaseUrls,
  label: string,
  embedded: EmbeddedDatabase | null,
  log: (message: string) => void,
): Promise<CliDatabase> {
  const url = urls.url;
  // One pool for the command (its TypeORM queries run on it too).
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on('error', (error) => log(`conexión perdida / database connection lost: ${error.message}`));
  let dataSource: DataSource;
  try {
    dataSource = await createDataSource(url, pool).initialize();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  try {
    const [{ present }] = await dataSource.query<Array<{ present: boolean }>>(`SELECT to_regclass('events') IS NOT NULL AS present`);
    if (!present) throw new NoData(label);
    // The API migrates at start-up; a CLI built from newer code may find migrations still pending.
    const applied = await prepareDatabase(urls, (message) => log(`aviso / warning: ${message}`));
    if (applied.length > 0) log(`migraciones aplicadas / migrations applied: ${applied.join(', ')}`);
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
  const opened = pool;
  let closed = false;
  return {
    pool: opened,
    dataSource,
    ownsServer: embedded !== null,
    async close() {
      if (closed) return;
      closed = true;
      const connectionsClosed = poolClosed(opened);
      await dataSource.destroy().catch(() => undefined); // ends the pool too
      if (!opened.ended) await opened.end().catch(() => undefined);
      await connectionsClosed;
      // Ctrl-C reaches the embedded server too (same process group): stopping it twice must not fail the command.
      await embedded?.stop().catch(() => undefined);
    },
  };
}
