import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * A start-up failure the operator can fix: what went wrong (`message`, the details) and ONE line that says what to
 * do (`advice`, Spanish / English), printed last. Anything else that stops a start is described by
 * `describeStartupFailure`, so no start ever ends with `"message":"undefined"`.
 */
export class StartupError extends Error {
  constructor(
    message: string,
    readonly advice: string,
  ) {
    super(message);
  }
}

/** `Qué hacer: … / What to do: …`: the last line of every failed start. */
export function adviceLine(es: string, en: string): string {
  return `Qué hacer: ${es} / What to do: ${en}`;
}

/** The message and the one-line advice for whatever stopped a start (never `undefined`). */
export function describeStartupFailure(error: unknown): { message: string; advice: string } {
  if (error instanceof StartupError) return { message: error.message, advice: error.advice };
  const message = error instanceof Error ? error.message || error.name : error === undefined ? 'unknown error' : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (error?.constructor?.name === 'ConfigError')
    return { message, advice: adviceLine('corrija la variable de entorno indicada arriba', 'fix the environment variable named above') };
  if (error?.constructor?.name === 'MasterKeyError')
    return {
      message,
      advice: adviceLine('restaure el archivo de claves maestras de su copia de seguridad', 'restore the master keyring from your backup'),
    };
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '28P01' || code === '3D000')
    return {
      message: `the database could not be reached: ${message}`,
      advice: adviceLine(
        'compruebe DATABASE_URL y que el servidor PostgreSQL esté en marcha',
        'check DATABASE_URL and that the PostgreSQL server is running',
      ),
    };
  return {
    message,
    advice: adviceLine(
      'lea el error anterior; si persiste, inicie con LOG_LEVEL=debug y consulte "Operating the registry" en el README',
      'read the error above; if it persists, start with LOG_LEVEL=debug and see "Operating the registry" in the README',
    ),
  };
}

/**
 * Ends a failed start: the failure, then one line that says what to do (always the last line), and exit code 1.
 * `failed` is the first line's lead, e.g. "no se pudo iniciar / start-up failed".
 */
export function exitAfterFailedStart(error: unknown, logger: { error(message: string): void }, failed: string): never {
  const { message, advice } = describeStartupFailure(error);
  logger.error(`${failed}: ${message}`);
  logger.error(advice);
  process.exit(1);
}

/** True while a process with this PID exists (EPERM: it exists, owned by someone else). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** On Linux, whether the live process `pid` is a PostgreSQL server (a reused PID after a crash is not); elsewhere, assumed so. */
function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return !existsSync('/proc/self');
  }
}

interface RegistryLock {
  pid: number;
  port?: number;
  startedAt?: string;
}

/**
 * Our own lock on a data folder, `DATA_DIR/registro.pid` (JSON: pid, API port, start time), taken before the
 * embedded database starts, so a second `npm start` in the same folder stops at once naming the running one. A
 * lock whose process is gone (a crash, `kill -9`) is stale and taken over. Released when this process exits.
 */
export function lockDataDir(dataDir: string, apiPort: number, log: (m: string) => void): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'registro.pid');
  const mine = JSON.stringify({ pid: process.pid, port: apiPort, startedAt: new Date().toISOString() } satisfies RegistryLock);
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${mine}\n`, { flag: 'wx', mode: 0o600 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
    }
    const held = readLock(file);
    if (held && held.pid !== process.pid && processAlive(held.pid)) {
      throw new StartupError(
        `another registry is already running in ${dataDir} (PID ${held.pid}${held.port ? `, API port ${held.port}` : ''}${held.startedAt ? `, started ${held.startedAt}` : ''})`,
        adviceLine(
          `use ese registro, deténgalo (kill ${held.pid}) o inicie este con otro DATA_DIR`,
          `use that registry, stop it (kill ${held.pid}) or start this one with another DATA_DIR`,
        ),
      );
    }
    log(`stale lock ${file} removed (PID ${held?.pid ?? '?'} is no longer running)`);
    rmSync(file, { force: true });
  }
  const release = () => {
    if (readLock(file)?.pid === process.pid) rmSync(file, { force: true });
  };
  process.once('exit', release);
  return release;
}

function readLock(file: string): RegistryLock | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as RegistryLock;
    return Number.isInteger(parsed?.pid) ? parsed : null;
  } catch {
    return null; // unreadable or half written: treated as stale
  }
}

/**
 * Before the embedded PostgreSQL starts: its data folder is of this server's major version, no PostgreSQL still
 * runs on it (the postmaster.pid of a live server), a postmaster.pid left by a crash is removed, and its port is
 * free. Each problem is a StartupError with the fix.
 */
export async function checkEmbeddedDatabaseFolder(databaseDir: string, port: number, serverMajor: string, log: (m: string) => void) {
  const versionFile = join(databaseDir, 'PG_VERSION');
  if (existsSync(versionFile)) {
    const folderMajor = readFileSync(versionFile, 'utf8').trim();
    if (folderMajor !== serverMajor) {
      throw new StartupError(
        `the data folder ${databaseDir} belongs to PostgreSQL ${folderMajor}, this registry runs PostgreSQL ${serverMajor}`,
        adviceLine(
          `haga una copia de seguridad con la versión anterior del registro (npm run cli -- backup) y restáurela en un DATA_DIR nuevo, o vuelva a la versión anterior`,
          `back up with the previous version of the registry (npm run cli -- backup) and restore into a new DATA_DIR, or go back to the previous version`,
        ),
      );
    }
  }
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (processAlive(pid) && isPostgres(pid)) {
      throw new StartupError(
        `a PostgreSQL server (PID ${pid}) is still running on ${databaseDir}: another registry, or one that did not stop`,
        adviceLine(
          `detenga ese proceso (kill ${pid}) o inicie este registro con otro DATA_DIR`,
          `stop that process (kill ${pid}) or start this registry with another DATA_DIR`,
        ),
      );
    }
    log(`stale PostgreSQL lock removed (postmaster.pid of PID ${pid}, no longer running): recovering after a crash`);
    rmSync(pidFile, { force: true });
  }
  removeStaleSocketLock(port, log);
  await ensurePortFree(port, '127.0.0.1', 'EMBEDDED_PG_PORT');
}

/** Where the embedded PostgreSQL puts its Unix socket and the socket's lock file (its default). */
const SOCKET_DIR = '/tmp';

/**
 * The server's Unix-socket lock (`/tmp/.s.PGSQL.<port>.lock`) survives a crash too, and PostgreSQL refuses to start
 * while the PID it names exists — even as a zombie nobody reaped after a SIGKILL of the process group. Removed, with
 * the socket, when that PID is not a live PostgreSQL (a live one is refused by the port check that follows).
 */
function removeStaleSocketLock(port: number, log: (m: string) => void): void {
  const lock = join(SOCKET_DIR, `.s.PGSQL.${port}.lock`);
  if (!existsSync(lock)) return;
  let pid: number;
  try {
    pid = Number(readFileSync(lock, 'utf8').split('\n')[0]);
  } catch {
    return; // not ours to read: PostgreSQL will say so in its own words
  }
  if (processAlive(pid) && isPostgres(pid)) return;
  log(`stale PostgreSQL socket lock removed (${lock} of PID ${pid}, no longer running): recovering after a crash`);
  rmSync(lock, { force: true });
  rmSync(join(SOCKET_DIR, `.s.PGSQL.${port}`), { force: true });
}

/** A StartupError naming the setting (`PORT`, `EMBEDDED_PG_PORT`) when something already listens on host:port. */
export async function ensurePortFree(port: number, host: string, setting: string): Promise<void> {
  const code = await new Promise<string | null>((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    server.listen(port, host, () => server.close(() => resolve(null)));
  });
  if (code === 'EADDRINUSE') throw portTaken(port, host, setting);
}

export function portTaken(port: number, host: string, setting: string): StartupError {
  return new StartupError(
    `port ${port} (${setting}) on ${host} is already in use by another program`,
    adviceLine(
      `inicie con otro puerto, p. ej. ${setting}=${port + 1} npm start, o detenga el programa que lo usa`,
      `start with another port, e.g. ${setting}=${port + 1} npm start, or stop the program using it`,
    ),
  );
}

/** What PostgreSQL printed before it stopped during start-up, in plain words with the fix. */
export function explainPostgresOutput(output: string, databaseDir: string, port: number): StartupError {
  const lock = /lock file "postmaster\.pid" already exists[\s\S]*?PID (\d+)/.exec(output);
  if (lock) {
    return new StartupError(
      `a PostgreSQL server (PID ${lock[1]}) is already running on ${databaseDir}`,
      adviceLine(
        `detenga ese proceso (kill ${lock[1]}) o use otro DATA_DIR`,
        `stop that process (kill ${lock[1]}) or use another DATA_DIR`,
      ),
    );
  }
  if (/Address already in use|could not create any TCP\/IP sockets/.test(output)) {
    return new StartupError(
      `PostgreSQL could not listen on port ${port}: ${lastLines(output)}`,
      adviceLine(
        `inicie con otro puerto, p. ej. EMBEDDED_PG_PORT=${port + 1}`,
        `start with another port, e.g. EMBEDDED_PG_PORT=${port + 1}`,
      ),
    );
  }
  if (/database files are incompatible with server/.test(output)) {
    return new StartupError(
      `the data folder ${databaseDir} was made by another PostgreSQL version: ${lastLines(output)}`,
      adviceLine(
        'restaure una copia de seguridad en un DATA_DIR nuevo o vuelva a la versión anterior del registro',
        'restore a backup into a new DATA_DIR or go back to the previous version of the registry',
      ),
    );
  }
  return new StartupError(
    `the embedded PostgreSQL stopped during start-up: ${lastLines(output) || '(no output)'}`,
    adviceLine(
      `lea el mensaje de PostgreSQL anterior; su carpeta de datos es ${databaseDir}`,
      `read PostgreSQL's message above; its data folder is ${databaseDir}`,
    ),
  );
}

/** PostgreSQL's FATAL/ERROR/HINT lines, else its last lines, joined on one line. */
function lastLines(output: string): string {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const important = lines.filter((line) => /FATAL|ERROR|HINT|PANIC/.test(line));
  return (important.length > 0 ? important : lines.slice(-3)).join(' | ');
}
