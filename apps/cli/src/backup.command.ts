import cliProgress from 'cli-progress';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type pg from 'pg';
import { projectRoot } from '#platform';
import { BackupWriter, BACKUP_FORMAT_VERSION, type BackupManifest } from './backup/backup-file.js';
import { SOURCE_TABLES, unclassifiedTables } from './backup/backup-tables.js';
import type { CliDatabase } from './cli-database.js';
import { EXIT, UsageError, type ExitCode } from './cli-errors.js';
import { writeResult, type CliIO } from './cli-io.js';

const BATCH = 2000;

/** How far a table's copy has got (a bar per table on stderr; tests pass nothing). */
export interface CopyProgress {
  start(table: string, total: number): void;
  update(rows: number): void;
  stop(): void;
}

const SILENT: CopyProgress = { start: () => undefined, update: () => undefined, stop: () => undefined };

export function copyProgressBar(stream: NodeJS.WritableStream, unit: string): CopyProgress {
  let bar: cliProgress.SingleBar | null = null;
  return {
    start(table, total) {
      bar = new cliProgress.SingleBar(
        { stream, format: `${table.padEnd(24)} [{bar}] {percentage}% | {value}/{total} ${unit}`, hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
    },
    update: (rows) => bar?.update(rows),
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}

export const registryVersion = (): string =>
  (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;

/** The tables of the public schema (what the migrations created). */
export async function schemaTables(client: Pick<pg.ClientBase, 'query'>): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

/** The columns of a table, in the table's order. */
export async function tableColumns(client: Pick<pg.ClientBase, 'query'>, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
    [table],
  );
  return rows.map((r) => r.name);
}

/**
 * Writes the source-of-truth tables (SOURCE_TABLES) to `out`, all read in one REPEATABLE READ, READ ONLY
 * transaction: one consistent snapshot, even while the API keeps appending. Rows go through a cursor as
 * PostgreSQL's own JSON (to_jsonb), so timestamps keep their microseconds and bytea its bytes.
 */
export async function writeBackup(pool: pg.Pool, out: string, progress: CopyProgress = SILENT): Promise<BackupManifest> {
  const client = await pool.connect();
  let writer: BackupWriter | null = null;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const unclassified = unclassifiedTables(await schemaTables(client));
    if (unclassified.length > 0)
      throw new Error(
        `tablas sin clasificar para la copia / tables not classified for backup: ${unclassified.join(', ')} ` +
          '(apps/cli/src/backup/backup-tables.ts)',
      );
    const {
      rows: [head],
    } = await client.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY timestamp DESC, id DESC LIMIT 1');
    const {
      rows: [log],
    } = await client.query<{ position: string | null; events: string; max_txid: string | null }>(
      'SELECT max(global_position) AS position, count(*) AS events, max(transaction_id)::text AS max_txid FROM events',
    );
    const {
      rows: [anchor],
    } = await client.query<{ id: string | null }>('SELECT max(anchor_id) AS id FROM integrity_anchors');
    const { rows: versions } = await client.query<{ v: number }>(
      'SELECT DISTINCT master_key_version AS v FROM subject_keys WHERE wrapped_key IS NOT NULL ORDER BY 1',
    );
    writer = await BackupWriter.create(out);
    for (const table of SOURCE_TABLES) {
      const {
        rows: [{ n }],
      } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table.name}`);
      await writer.startPart(table.name, await tableColumns(client, table.name));
      progress.start(table.name, Number(n));
      try {
        await client.query(
          `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT to_jsonb(t)::text AS row FROM ${table.name} t ORDER BY ${table.orderBy}`,
        );
        let copied = 0;
        for (;;) {
          const { rows } = await client.query<{ row: string }>(`FETCH ${BATCH} FROM backup_rows`);
          for (const row of rows) await writer.row(row.row);
          copied += rows.length;
          progress.update(copied);
          if (rows.length < BATCH) break;
        }
        await client.query('CLOSE backup_rows');
      } finally {
        progress.stop();
      }
    }
    const manifest = await writer.finish({
      formatVersion: BACKUP_FORMAT_VERSION,
      migrationHead: head?.name ?? '',
      registryVersion: registryVersion(),
      createdAt: new Date().toISOString(),
      logHead: { globalPosition: Number(log.position ?? 0), events: Number(log.events), maxTransactionId: log.max_txid ?? '0' },
      lastAnchorId: Number(anchor.id ?? 0),
      masterKeyVersions: versions.map((r) => r.v),
    });
    writer = null;
    await client.query('COMMIT');
    return manifest;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (writer) {
      await writer.abort();
      rmSync(out, { force: true }); // never leave half a backup that looks like one
    }
    throw error;
  } finally {
    client.release();
  }
}

export function describeManifest(manifest: BackupManifest, file: string): string {
  const parts = manifest.parts.map((p) => `  ${p.name.padEnd(24)} ${String(p.rows).padStart(9)} filas/rows  sha256 ${p.sha256}`);
  return [
    `copia de seguridad / backup: ${file}`,
    `  formato / format ${manifest.formatVersion}, migración / migration ${manifest.migrationHead}, versión / version ${manifest.registryVersion}`,
    `  cabeza del registro / log head: posición global / global position ${manifest.logHead.globalPosition}, ${manifest.logHead.events} eventos/events, ` +
      `último anclaje / last anchor ${manifest.lastAnchorId || '-'}, tomada / taken ${manifest.createdAt}`,
    ...parts,
    '',
  ].join('\n');
}

/** `backup --out FILE`. */
export async function runBackup(command: { out: string }, context: { db: CliDatabase; io: CliIO }): Promise<ExitCode> {
  const out = resolve(command.out);
  context.io.log(`copia de seguridad en una instantánea consistente / backup from one consistent snapshot → ${out}`);
  let manifest: BackupManifest;
  try {
    manifest = await writeBackup(context.db.pool, out, copyProgressBar(context.io.stderr, 'filas/rows'));
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST')
      throw new UsageError(`--out: ${out} ya existe (no se sobrescribe)`, `${out} already exists (never overwritten)`);
    throw error;
  }
  await writeResult(context.io, describeManifest(manifest, out), null);
  return EXIT.ok;
}
