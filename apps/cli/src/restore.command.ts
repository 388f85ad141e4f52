import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import {
  ConfigError,
  endPool,
  ensureEmbeddedServingRole,
  existingEmbeddedDatabaseUrl,
  FieldSealer,
  keyringPath,
  loadMasterKeyring,
  MIGRATIONS,
  prepareDatabase,
  projectionOpener,
  startEmbeddedDatabase,
  wrappersOf,
  type AppConfig,
  type DatabaseUrls,
  type MasterKeyring,
} from '#platform';
import { PROJECTIONS } from '#read-models';
import { readBackupFile, verifyBackupFile, BackupFileError, type BackupManifest } from './backup/backup-file.js';
import { SOURCE_TABLES } from './backup/backup-tables.js';
import { copyProgressBar, describeManifest, tableColumns, type CopyProgress } from './backup.command.js';
import { listening } from './cli-database.js';
import { EXIT, type ExitCode } from './cli-errors.js';
import { writeResult, type CliIO } from './cli-io.js';
import { describeRebuild, progressBar, rebuildProjections, type RebuildProgress } from './rebuild.command.js';

const BATCH = 1000;

/** The database restore writes into refuses: it already holds registry data. Exit code 2. */
export class NotEmpty extends Error {
  constructor(readonly tables: Array<{ table: string; rows: number }>) {
    const list = tables.map((t) => `${t.table} (${t.rows})`).join(', ');
    super(
      `la base de destino no está vacía: ${list}. restore solo escribe en una base vacía (cree una nueva) / ` +
        `the target database is not empty: ${list}. restore only writes into an empty database (create a new one)`,
    );
    this.name = 'NotEmpty';
  }
}

const SILENT_COPY: CopyProgress = { start: () => undefined, update: () => undefined, stop: () => undefined };

/** The head migration of this version: a backup is restored by the version whose schema it was taken with. */
export const codeMigrationHead = (): string => MIGRATIONS[MIGRATIONS.length - 1].name;

/** The source tables that hold rows (a missing table, in a database never migrated, holds none). */
export async function nonEmptyTables(client: pg.ClientBase): Promise<Array<{ table: string; rows: number }>> {
  const found: Array<{ table: string; rows: number }> = [];
  for (const { name } of SOURCE_TABLES) {
    const {
      rows: [{ present }],
    } = await client.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [`public.${name}`]);
    if (!present) continue;
    const {
      rows: [{ n }],
    } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name}`);
    if (n > 0) found.push({ table: name, rows: n });
  }
  return found;
}

/**
 * The restored log keeps its transaction ids (they order it gap-safely and are in the signed anchors); readers
 * only see transaction ids below the oldest running one. On a server whose counter is behind the backup's (a
 * new server), the counter is moved past it first, by using up transaction ids.
 */
export async function advanceTransactionIds(client: pg.ClientBase, beyond: bigint, log: (message: string) => void): Promise<void> {
  const current = async () => BigInt((await client.query<{ x: string }>('SELECT pg_current_xact_id()::text AS x')).rows[0].x);
  let now = await current();
  if (now > beyond) return;
  log(
    `avanzando el contador de transacciones de ${now} a ${beyond + 1n} / advancing the transaction counter from ${now} to ${beyond + 1n}`,
  );
  await client.query('SET synchronous_commit = off');
  while (now <= beyond) {
    const step = Number(beyond - now + 1n > 100_000n ? 100_000n : beyond - now + 1n);
    await client.query(`DO $$ BEGIN FOR i IN 1..${step} LOOP PERFORM pg_current_xact_id(); COMMIT; END LOOP; END $$`);
    now = await current();
  }
  await client.query('RESET synchronous_commit');
}

/** Loads every part of a verified backup file as the owner, in one transaction (all of it or nothing). */
async function loadBackup(
  owner: pg.ClientBase,
  file: string,
  manifest: BackupManifest,
  progress: CopyProgress,
  beforeCommit: () => Promise<void>,
): Promise<void> {
  const expected = new Map(manifest.parts.map((p) => [p.name, p.rows]));
  await owner.query('BEGIN');
  try {
    // The audit chain's trigger numbers and hashes new entries: restored ones keep their own id and hashes.
    await owner.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_chain');
    let table: string | null = null;
    let columns: string[] = [];
    let batch: string[] = [];
    let loaded = 0;
    const flush = async () => {
      if (table === null || batch.length === 0) return;
      const list = columns.map((c) => `"${c}"`).join(', ');
      await owner.query(
        `INSERT INTO ${table} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`,
        [`[${batch.join(',')}]`],
      );
      loaded += batch.length;
      progress.update(loaded);
      batch = [];
    };
    for await (const entry of readBackupFile(file)) {
      if (entry.kind === 'part') {
        await flush();
        if (table !== null) progress.stop();
        if (!SOURCE_TABLES.some((t) => t.name === entry.name))
          throw new BackupFileError(`tabla desconocida en la copia: ${entry.name}`, `unknown table in the backup: ${entry.name}`);
        const actual = await tableColumns(owner, entry.name);
        if (actual.join(',') !== entry.columns.join(','))
          throw new BackupFileError(
            `las columnas de ${entry.name} no coinciden con el esquema`,
            `the columns of ${entry.name} do not match the schema`,
          );
        table = entry.name;
        columns = entry.columns;
        loaded = 0;
        progress.start(table, expected.get(table) ?? 0);
      } else if (entry.kind === 'row') {
        batch.push(entry.json);
        if (batch.length >= BATCH) await flush();
      }
    }
    await flush();
    if (table !== null) progress.stop();
    await owner.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_chain');
    // Identity and serial columns kept their values: their sequences continue after the highest one.
    for (const [tableName, column] of [
      ['events', 'global_position'],
      ['audit_log', 'audit_id'],
      ['integrity_anchors', 'anchor_id'],
    ]) {
      await owner.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${column}) FROM ${tableName}), 0) + 1, false)`,
        [tableName, column],
      );
    }
    await beforeCommit();
    await owner.query('COMMIT');
  } catch (error) {
    await owner.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** The master keyring the restored subject keys are wrapped with; never generated here (that would lose every sealed field). */
function restoreKeyring(config: AppConfig, manifest: BackupManifest): MasterKeyring {
  const file = keyringPath(config.masterKeysFile, config.dataDir);
  if (manifest.masterKeyVersions.length > 0 && !existsSync(file) && !config.masterKey)
    throw new ConfigError(
      `la copia guarda claves de personas envueltas con la clave maestra, y no hay llavero en ${file} ni MASTER_KEY: ` +
        'restaure también el archivo de claves maestras guardado con la copia / ' +
        `the backup holds subject keys wrapped by the master key, and there is no keyring at ${file} nor MASTER_KEY: ` +
        'restore the master keys file kept with the backup too',
    );
  const keyring = loadMasterKeyring({ masterKey: config.masterKey, keyringFile: config.masterKeysFile, dataDir: config.dataDir });
  const missing = manifest.masterKeyVersions.filter((v) => !keyring.keys.has(v));
  if (missing.length > 0)
    throw new ConfigError(
      `el llavero no tiene las versiones ${missing.join(', ')} de la clave maestra que envuelven las claves de la copia / ` +
        `the keyring lacks master key versions ${missing.join(', ')}, which wrap the backup's subject keys`,
    );
  return keyring;
}

/** Each master key version in use opens one of the restored subject keys: the right keyring, not merely one. */
async function checkKeysOpen(owner: pg.ClientBase, keyring: MasterKeyring): Promise<void> {
  const wrappers = wrappersOf(keyring);
  const { rows } = await owner.query<{ v: number; wrapped_key: Buffer }>(
    `SELECT DISTINCT ON (master_key_version) master_key_version AS v, wrapped_key FROM subject_keys
      WHERE wrapped_key IS NOT NULL ORDER BY master_key_version, subject_id`,
  );
  for (const row of rows) {
    try {
      await wrappers.wrapper(row.v)!.unwrap(row.wrapped_key);
    } catch {
      throw new BackupFileError(
        `la clave maestra versión ${row.v} no abre las claves restauradas: no es el llavero de esta copia`,
        `master key version ${row.v} does not open the restored subject keys: this is not the backup's keyring`,
      );
    }
  }
}

interface Target {
  urls: DatabaseUrls;
  label: string;
  stop(): Promise<void>;
}

/** DATABASE_URL (loading as MIGRATION_DATABASE_URL's owner), else the embedded database in dataDir, created if absent. */
async function openTarget(config: AppConfig, log: (message: string) => void): Promise<Target> {
  if (config.databaseUrl) {
    const url = new URL(config.databaseUrl);
    return {
      urls: { url: config.databaseUrl, ownerUrl: config.migrationDatabaseUrl ?? config.databaseUrl },
      label: `${url.host}${url.pathname}`,
      stop: async () => undefined,
    };
  }
  const ownerUrl = existingEmbeddedDatabaseUrl(config.dataDir, config.embeddedPostgresPort);
  if (ownerUrl !== null && (await listening(ownerUrl))) {
    log(`usando la base embebida en ejecución / using the running embedded database (127.0.0.1:${config.embeddedPostgresPort})`);
    return {
      urls: { ownerUrl, url: await ensureEmbeddedServingRole(config.dataDir, ownerUrl) },
      label: config.dataDir,
      stop: async () => undefined,
    };
  }
  log(`iniciando la base embebida / starting the embedded database (${config.dataDir})`);
  const embedded = await startEmbeddedDatabase(config.dataDir, config.embeddedPostgresPort, log);
  return { urls: embedded, label: config.dataDir, stop: () => embedded.stop().catch(() => undefined) };
}

export interface RestoreResult {
  manifest: BackupManifest;
  rebuilt: string[];
}

/**
 * Restores a backup into an empty database: checks every checksum first (nothing is loaded from a damaged file),
 * refuses a database that holds registry data, migrates, loads the tables as the owner in one transaction, then
 * rebuilds every read model from the restored log.
 */
export async function restoreBackup(
  file: string,
  urls: DatabaseUrls,
  config: AppConfig,
  io: { log(message: string): void; copy?: CopyProgress; rebuild?: RebuildProgress },
): Promise<RestoreResult> {
  const checked = await checkBackup(file, config, io.log);
  return loadIntoEmpty(file, checked, urls, io);
}

/** Everything that needs no database: every checksum, the schema it was taken at, the keyring it needs. */
export async function checkBackup(
  file: string,
  config: AppConfig,
  log: (message: string) => void,
): Promise<{ manifest: BackupManifest; keyring: MasterKeyring }> {
  log(`verificando las sumas de control / checking the checksums: ${file}`);
  const manifest = await verifyBackupFile(file);
  if (manifest.migrationHead !== codeMigrationHead())
    throw new BackupFileError(
      `la copia se tomó con el esquema ${manifest.migrationHead} y esta versión tiene ${codeMigrationHead()}: ` +
        `restaure con la versión ${manifest.registryVersion} del registro y actualice después`,
      `the backup was taken at schema ${manifest.migrationHead} and this version is at ${codeMigrationHead()}: ` +
        `restore with version ${manifest.registryVersion} of the registry, then upgrade`,
    );
  return { manifest, keyring: restoreKeyring(config, manifest) };
}

/** Refuses a database with registry data, migrates it, loads the backup as the owner and rebuilds the read models. */
export async function loadIntoEmpty(
  file: string,
  { manifest, keyring }: { manifest: BackupManifest; keyring: MasterKeyring },
  urls: DatabaseUrls,
  io: { log(message: string): void; copy?: CopyProgress; rebuild?: RebuildProgress },
): Promise<RestoreResult> {
  const owner = new pg.Client({ connectionString: urls.ownerUrl });
  await owner.connect();
  try {
    const occupied = await nonEmptyTables(owner);
    if (occupied.length > 0) throw new NotEmpty(occupied);
    const applied = await prepareDatabase(urls, (message) => io.log(`aviso / warning: ${message}`));
    if (applied.length > 0) io.log(`migraciones aplicadas / migrations applied: ${applied.length}`);
    await advanceTransactionIds(owner, BigInt(manifest.logHead.maxTransactionId), io.log);
    io.log('cargando las tablas / loading the tables…');
    // A keyring that does not open the restored keys leaves the database empty, not restored with unreadable data.
    await loadBackup(owner, file, manifest, io.copy ?? SILENT_COPY, () => checkKeysOpen(owner, keyring));
  } finally {
    await owner.end();
  }
  io.log('reconstruyendo las proyecciones / rebuilding the projections…');
  const pool = new pg.Pool({ connectionString: urls.url, max: 4 });
  pool.on('error', (error) => io.log(`conexión perdida / database connection lost: ${error.message}`));
  try {
    const open = projectionOpener(pool, keyring, new FieldSealer(keyring.legacyFieldKeys));
    const results = await rebuildProjections(pool, PROJECTIONS, io.rebuild, open);
    return { manifest, rebuilt: results.map(describeRebuild) };
  } finally {
    await endPool(pool);
  }
}

/**
 * Exported anchors taken after the backup (the log went on after it) are not in the restored database: `verify`
 * would report them missing, and the next anchor would reuse their ids. Says how many and what to do.
 */
export function laterExportedAnchors(exportFile: string, lastAnchorId: number): number {
  if (!existsSync(exportFile)) return 0;
  return readFileSync(exportFile, 'utf8')
    .split('\n')
    .filter((line) => {
      try {
        return (JSON.parse(line) as { anchorId?: number }).anchorId! > lastAnchorId;
      } catch {
        return false;
      }
    }).length;
}

/** `restore --in FILE`: exit 2 for a database that is not empty, 3 for a damaged backup. */
export async function runRestore(command: { in: string }, context: { config: AppConfig; io: CliIO }): Promise<ExitCode> {
  const { config, io } = context;
  const file = resolve(command.in);
  if (!existsSync(file)) {
    io.log(`no existe / does not exist: ${file}`);
    return EXIT.usage;
  }
  let target: Target | null = null;
  try {
    const checked = await checkBackup(file, config, io.log);
    target = await openTarget(config, io.log);
    const { manifest, rebuilt } = await loadIntoEmpty(file, checked, target.urls, {
      log: io.log,
      copy: copyProgressBar(io.stderr, 'filas/rows'),
      rebuild: progressBar(io.stderr),
    });
    const later = laterExportedAnchors(config.anchorExportFile, manifest.lastAnchorId);
    if (later > 0)
      io.log(
        `aviso: ${config.anchorExportFile} tiene ${later} anclajes exportados después del anclaje ${manifest.lastAnchorId} de esta copia ` +
          '(lo registrado después de la copia no está en ella): guarde ese archivo como constancia y use uno nuevo con sus líneas ' +
          `hasta el anclaje ${manifest.lastAnchorId} antes de verify (docs/operations-backup.md) / warning: ${config.anchorExportFile} holds ${later} ` +
          `anchors exported after this backup's anchor ${manifest.lastAnchorId} (what was recorded after the backup is not in it): keep that ` +
          `file as evidence and use a new one with its lines up to anchor ${manifest.lastAnchorId} before verify (docs/operations-backup.md)`,
      );
    await writeResult(
      io,
      [
        `restaurado en / restored into ${target.label}`,
        describeManifest(manifest, file).trimEnd(),
        ...rebuilt,
        'siguiente paso / next: npm run cli -- verify',
        '',
      ].join('\n'),
      null,
    );
    return EXIT.ok;
  } catch (error) {
    if (error instanceof NotEmpty) {
      io.log(error.message);
      return EXIT.usage;
    }
    if (error instanceof BackupFileError) {
      io.log(error.message);
      return EXIT.integrity;
    }
    throw error;
  } finally {
    await target?.stop();
  }
}
