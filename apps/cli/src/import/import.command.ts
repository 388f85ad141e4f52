import cliProgress from 'cli-progress';
import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { performance } from 'node:perf_hooks';
import {
  derivedIdKeyOf,
  endPool,
  eventIdKeyOf,
  FieldSealer,
  loadMasterKeyringChecked,
  subjectKeyStore,
  type AppConfig,
  type ReferenceCatalogs,
} from '#platform';
import { caseStreamName, hotlineCallStreamName } from '#domain';
import { PostgresEventStore } from '#event-store';
import type { CliDatabase } from '../cli-database.js';
import { EXIT, UsageError, type ExitCode } from '../cli-errors.js';
import { writeResult, type CliIO } from '../cli-io.js';
import type { CliCommand } from '../command-line.js';
import { readCalls } from './call-rows.js';
import { readCases, type SourceRow } from './case-rows.js';
import { CALL_FILE_COLUMNS, CASE_FILE_COLUMNS, headerProblems, type RowProblem } from './import-layout.js';
import { appendCalls, appendCases, decideCalls, decideCases, existingStreams, type ImportContext } from './importer.js';

export type ImportCommand = Extract<CliCommand, { command: 'import' }>;

/** Cases appended at a time (their numbers are reserved together) and appends in flight. */
const CHUNK = 300;
const CONCURRENCY = 8;

/** A file read for import: its rows by column, and its SHA-256 (every imported event's provenance names it). */
export interface ImportFile<Column extends string> {
  path: string;
  sha256: string;
  rows: Array<SourceRow<Column>>;
}

/**
 * Reads a CSV file of the given layout: UTF-8 (a BOM is dropped), a header naming every column of the layout in any
 * order, cells trimmed. A missing file, or a header that lacks columns (or has unknown ones), is a usage error
 * naming them; a row with too many or too few cells is a row problem.
 */
export function readImportFile<Column extends string>(
  path: string,
  columns: readonly Column[],
): { file: ImportFile<Column>; problems: RowProblem[] } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(
      `no se puede leer el archivo «${path}» (${code ?? 'error'})`,
      `cannot read the file "${path}" (${code ?? 'error'})`,
    );
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(bytes, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new UsageError(
      `el archivo «${path}» no es un CSV válido${line ? ` (línea ${line})` : ''}: ${(error as Error).message}`,
      `the file "${path}" is not valid CSV${line ? ` (line ${line})` : ''}`,
    );
  }
  const [header, ...data] = records;
  if (header === undefined) throw new UsageError(`el archivo «${path}» está vacío`, `the file "${path}" is empty`);
  const names = header.record.map((name) => name.toLowerCase());
  const { missing, unknown } = headerProblems(names, columns);
  if (missing.length > 0 || unknown.length > 0) {
    const es = [
      missing.length ? `faltan las columnas ${missing.join(', ')}` : '',
      unknown.length ? `columnas desconocidas ${unknown.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    const en = [
      missing.length ? `missing columns ${missing.join(', ')}` : '',
      unknown.length ? `unknown columns ${unknown.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    throw new UsageError(`encabezado de «${path}»: ${es} (docs/import.md)`, `header of "${path}": ${en} (docs/import.md)`);
  }
  const problems: RowProblem[] = [];
  const rows: Array<SourceRow<Column>> = [];
  for (const { record, info } of data) {
    if (record.length !== names.length) {
      problems.push({
        line: info.lines,
        field: '*',
        reason: `tiene ${record.length} celdas y el encabezado ${names.length}`,
        reasonEn: `has ${record.length} cells, the header ${names.length}`,
      });
      continue;
    }
    const cells = Object.fromEntries(names.map((name, i) => [name, record[i]])) as Record<Column, string>;
    rows.push({ line: info.lines, cells });
  }
  return { file: { path, sha256, rows }, problems };
}

/** One import's counts, by rows of the file (a case with three victims is three rows). */
export interface ImportSummary {
  kind: 'cases' | 'calls';
  file: string;
  fileSha256: string;
  rows: number;
  newRows: number;
  newRecords: number;
  alreadyImportedRows: number;
  invalidRows: number;
  seconds: number;
  rowsPerSecond: number;
  problems: RowProblem[];
  dryRun: boolean;
}

/** A bar on stderr with the rows done and the rows per second (drawn only when stderr is a terminal). */
export function importProgressBar(stream: NodeJS.WritableStream, label: string, total: number) {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label.padEnd(14)} [{bar}] {percentage}% | {value}/{total} filas/rows | {speed} filas/s rows/s | {duration_formatted}`,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let done = 0;
  bar.start(total, 0, { speed: 0 });
  return {
    add(rows: number) {
      done += rows;
      const seconds = (performance.now() - started) / 1000;
      bar.update(done, { speed: seconds > 0 ? Math.round(done / seconds) : 0 });
    },
    stop: () => bar.stop(),
  };
}

/**
 * The import's own connections, committing asynchronously (`synchronous_commit = off`): the server stays
 * consistent after a crash, only the last moments' commits may be lost — and a re-run of the file appends exactly
 * those (the import is idempotent). Before the summary is printed, flushLog makes every one of them durable.
 */
function importPool(db: CliDatabase): pg.Pool {
  const pool = new pg.Pool({ ...db.pool.options, max: CONCURRENCY + 2, options: '-c synchronous_commit=off' });
  pool.on('error', () => undefined); // a connection dropped while idle: the next query reports it
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** One synchronous commit: it returns once the log up to it — every asynchronous commit before it — is on disk. */
async function flushLog(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN; SET LOCAL synchronous_commit = on; SELECT pg_current_xact_id(); COMMIT;');
  } finally {
    client.release();
  }
}

/** Opens the registry's store and keys for an import (the keyring as the API loads it: never generated here). */
async function importContext(
  db: CliDatabase,
  pool: pg.Pool,
  config: AppConfig,
  catalogs: ReferenceCatalogs,
  sourceSystem: string,
  fileSha256: string,
) {
  const keyring = await loadMasterKeyringChecked(db.pool, {
    masterKey: config.masterKey,
    keyringFile: config.masterKeysFile,
    dataDir: config.dataDir,
  });
  const keys = subjectKeyStore(pool, keyring, new FieldSealer(keyring.legacyFieldKeys));
  const ids = { derivedIds: derivedIdKeyOf(keyring.linkageKey), eventIds: eventIdKeyOf(keyring.linkageKey) };
  const log = new PostgresEventStore(pool);
  return { log, keys, pool, ids, catalogs, sourceSystem, fileSha256, now: new Date().toISOString() } satisfies ImportContext;
}

/** What one run of `import` works with: the CLI's database, the import's own connections, the options. */
export interface ImportRun {
  db: CliDatabase;
  pool: pg.Pool;
  config: AppConfig;
  catalogs: ReferenceCatalogs;
  sourceSystem: string;
  dryRun: boolean;
  /** Where the progress bar is drawn. */
  stderr: NodeJS.WritableStream;
}

/**
 * Imports one cases file: edge checks, the deciders, then (unless dry) the new cases appended. Returns the summary;
 * nothing is appended for an invalid row nor for any other row of its case.
 */
export async function importCasesFile(
  file: ImportFile<(typeof CASE_FILE_COLUMNS)[number]>,
  readProblems: RowProblem[],
  options: ImportRun,
): Promise<ImportSummary> {
  const started = performance.now();
  const context = await importContext(options.db, options.pool, options.config, options.catalogs, options.sourceSystem, file.sha256);
  const edge = readCases(file.rows, options.catalogs);
  const { decided, problems: refused } = decideCases(edge.cases, context);
  const problems = [...readProblems, ...edge.problems, ...refused].sort((a, b) => a.line - b.line);
  const existing = await existingStreams(
    context.pool,
    decided.map((c) => caseStreamName(c.caseId)),
  );
  const fresh = decided.filter((c) => !existing.has(caseStreamName(c.caseId)));
  const rowsOf = (cases: typeof decided) => cases.reduce((n, c) => n + c.record.lines.length, 0);
  let outcome = { appended: fresh.length, appendedRows: rowsOf(fresh), alreadyRows: 0 };
  if (!options.dryRun && fresh.length > 0) {
    const bar = importProgressBar(options.stderr, 'import cases', rowsOf(fresh));
    try {
      outcome = await appendCases(fresh, context, { concurrency: CONCURRENCY, chunk: CHUNK, onRows: (rows) => bar.add(rows) });
    } finally {
      bar.stop();
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const rows = file.rows.length + readProblems.length;
  return {
    kind: 'cases',
    file: file.path,
    fileSha256: file.sha256,
    rows,
    newRows: outcome.appendedRows,
    newRecords: outcome.appended,
    alreadyImportedRows: rowsOf(decided) - rowsOf(fresh) + outcome.alreadyRows,
    invalidRows: new Set(problems.map((p) => p.line)).size,
    seconds,
    rowsPerSecond: seconds > 0 ? Math.round(rows / seconds) : rows,
    problems,
    dryRun: options.dryRun,
  };
}

/** Imports one calls file, as importCasesFile. */
export async function importCallsFile(
  file: ImportFile<(typeof CALL_FILE_COLUMNS)[number]>,
  readProblems: RowProblem[],
  options: ImportRun,
): Promise<ImportSummary> {
  const started = performance.now();
  const context = await importContext(options.db, options.pool, options.config, options.catalogs, options.sourceSystem, file.sha256);
  const edge = readCalls(file.rows, options.catalogs);
  const { decided, problems: refused } = decideCalls(edge.calls, context);
  const problems = [...readProblems, ...edge.problems, ...refused].sort((a, b) => a.line - b.line);
  const existing = await existingStreams(
    context.pool,
    decided.map((c) => hotlineCallStreamName(c.callId)),
  );
  const fresh = decided.filter((c) => !existing.has(hotlineCallStreamName(c.callId)));
  let outcome = { appended: fresh.length, appendedRows: fresh.length, alreadyRows: 0 };
  if (!options.dryRun && fresh.length > 0) {
    const bar = importProgressBar(options.stderr, 'import calls', fresh.length);
    try {
      outcome = await appendCalls(fresh, context, { concurrency: CONCURRENCY, chunk: CHUNK, onRows: (rows) => bar.add(rows) });
    } finally {
      bar.stop();
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const rows = file.rows.length + readProblems.length;
  return {
    kind: 'calls',
    file: file.path,
    fileSha256: file.sha256,
    rows,
    newRows: outcome.appendedRows,
    newRecords: outcome.appended,
    alreadyImportedRows: decided.length - fresh.length + outcome.alreadyRows,
    invalidRows: new Set(problems.map((p) => p.line)).size,
    seconds,
    rowsPerSecond: seconds > 0 ? Math.round(rows / seconds) : rows,
    problems,
    dryRun: options.dryRun,
  };
}

/** The summary the operator reads (stdout): each invalid row, then the counts. */
export function describeImport(summary: ImportSummary): string {
  const lines = summary.problems.map((p) => `  línea/line ${p.line}, ${p.field}: ${p.reason} / ${p.reasonEn}`);
  const records = summary.kind === 'cases' ? 'casos/cases' : 'llamadas/calls';
  const verb = summary.dryRun ? 'se importarían / would be imported' : 'importadas / imported';
  return [
    `${summary.dryRun ? 'prueba (nada se añadió) / dry run (nothing appended)' : 'importación / import'}: ${summary.file} (sha256 ${summary.fileSha256})`,
    ...(lines.length > 0 ? [`filas no válidas / invalid rows:`, ...lines] : []),
    `filas/rows ${summary.rows}: nuevas ${verb} ${summary.newRows} (${summary.newRecords} ${records}), ` +
      `ya importadas / already imported ${summary.alreadyImportedRows}, no válidas / invalid ${summary.invalidRows}`,
    `${summary.seconds.toFixed(1)} s, ${summary.rowsPerSecond} filas/s / rows/s`,
    '',
  ].join('\n');
}

/**
 * `import cases FILE [--calls CALLS] [--source-system NAME] [--dry-run]`, `import calls FILE …`. The files are read
 * and their headers checked before the database is opened. Exit code 2 when any row is invalid (the valid cases of
 * a real run are imported all the same), 0 otherwise.
 */
export async function runImport(
  command: ImportCommand,
  context: { config: AppConfig; catalogs: ReferenceCatalogs; io: CliIO; open(): Promise<CliDatabase> },
): Promise<ExitCode> {
  const { config, catalogs, io } = context;
  const casesFile = command.kind === 'cases' ? readImportFile(command.file, CASE_FILE_COLUMNS) : null;
  const callsPath = command.kind === 'calls' ? command.file : command.calls;
  const callsFile = callsPath === null ? null : readImportFile(callsPath, CALL_FILE_COLUMNS);
  const db = await context.open();
  const pool = importPool(db);
  try {
    const options: ImportRun = {
      db,
      pool,
      config,
      catalogs,
      sourceSystem: command.sourceSystem,
      dryRun: command.dryRun,
      stderr: io.stderr,
    };
    const summaries: ImportSummary[] = [];
    if (callsFile) summaries.push(await importCallsFile(callsFile.file, callsFile.problems, options));
    if (casesFile) summaries.push(await importCasesFile(casesFile.file, casesFile.problems, options));
    if (!command.dryRun) await flushLog(pool);
    await writeResult(io, summaries.map(describeImport).join('\n'), null);
    return summaries.some((s) => s.invalidRows > 0) ? EXIT.usage : EXIT.ok;
  } finally {
    await endPool(pool);
    await db.close();
  }
}
