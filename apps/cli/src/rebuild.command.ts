import cliProgress from 'cli-progress';
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { CopiedLog, ProjectionRunner, type EventStore, type Projection, type ProjectionStatus } from '#event-store';
import {
  FieldSealer,
  KNOWN_EVENT_TYPES,
  loadMasterKeyringChecked,
  projectionOpener,
  type AppConfig,
  type RecordedEventOpener,
} from '#platform';
import { PROJECTIONS } from '#read-models';
import type { CliDatabase } from './cli-database.js';
import { EXIT, type ExitCode } from './cli-errors.js';
import { writeResult, type CliIO } from './cli-io.js';
import type { CliCommand } from './command-line.js';
import { countEvents } from './log-position.js';

export type RebuildCommand = Extract<CliCommand, { command: 'rebuild' }>;

/** How far a projection's rebuild has got; the CLI draws a bar, tests pass nothing. */
export interface RebuildProgress {
  start(projection: string, total: number): void;
  update(processed: number): void;
  stop(): void;
}

export interface RebuildResult {
  projection: string;
  /** Events replayed since the read tables were emptied (known ones and skipped unknown ones). */
  events: number;
  /** Of those, replayed by this process; a running API's projection daemon takes its turns at the rest. */
  byThisProcess: number;
  seconds: number;
  eventsPerSecond: number;
  status: ProjectionStatus;
}

const SILENT: RebuildProgress = { start: () => undefined, update: () => undefined, stop: () => undefined };

/** The projections a rebuild covers: the one named (already validated against PROJECTIONS) or all of them. */
export function selectProjections(name: string | null): readonly Projection[] {
  return name === null ? PROJECTIONS : PROJECTIONS.filter((p) => p.name === name);
}

/**
 * Empties each projection's read tables and replays the whole log into them, one projection after the other.
 * Runners take turns on the checkpoint lock, so a running API's projection daemon may replay some batches
 * itself: progress and results follow the checkpoint, not only this process's own batches.
 */
export async function rebuildProjections(
  pool: pg.Pool,
  projections: readonly Projection[],
  progress: RebuildProgress = SILENT,
  open?: RecordedEventOpener,
  /** With EVENT_STORE=kurrentdb the log is read from its copy in PostgreSQL (LogCopier), not gap-safely. */
  source?: Pick<EventStore, 'readAll'>,
): Promise<RebuildResult[]> {
  const results: RebuildResult[] = [];
  for (const projection of projections) {
    const runner = new ProjectionRunner(pool, projection, { knownEventTypes: KNOWN_EVENT_TYPES, open, source });
    const reached = async () => {
      const status = await runner.status();
      return { status, position: status.eventsProcessed + status.eventsSkippedUnknown };
    };
    let shown = 0;
    const show = (value: number) => {
      if (value <= shown) return;
      shown = value;
      progress.update(value);
    };
    const lookups = new Set<Promise<void>>();
    progress.start(projection.name, await countEvents(pool));
    const started = performance.now();
    let byThisProcess: number;
    let final: Awaited<ReturnType<typeof reached>>;
    try {
      byThisProcess = await runner.rebuild((processed) => {
        show(processed);
        const lookup = reached()
          .then(
            ({ position }) => show(position),
            () => undefined,
          )
          .finally(() => lookups.delete(lookup));
        lookups.add(lookup);
      });
      await Promise.all(lookups);
      final = await reached();
      show(final.position);
    } finally {
      progress.stop();
    }
    const seconds = (performance.now() - started) / 1000;
    results.push({
      projection: projection.name,
      events: final.position,
      byThisProcess,
      seconds,
      eventsPerSecond: seconds > 0 ? Math.round(final.position / seconds) : final.position,
      status: final.status,
    });
  }
  return results;
}

/** One cli-progress bar per projection on stderr (drawn only when stderr is a terminal). */
export function progressBar(stream: NodeJS.WritableStream): RebuildProgress {
  let bar: cliProgress.SingleBar | null = null;
  return {
    start(projection, total) {
      bar = new cliProgress.SingleBar(
        {
          stream,
          format: `${projection.padEnd(20)} [{bar}] {percentage}% | {value}/{total} eventos/events | {duration_formatted}`,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
    },
    update(processed) {
      // A running API may append while we replay: the total grows with what was read.
      if (bar && processed > bar.getTotal()) bar.setTotal(processed);
      bar?.update(processed);
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}

export function describeRebuild(result: RebuildResult): string {
  const skipped =
    result.status.eventsSkippedUnknown > 0
      ? ` (${result.status.eventsSkippedUnknown} de tipo desconocido omitidos / of unknown type skipped)`
      : '';
  const shared =
    result.byThisProcess < result.events ? ` (${result.events - result.byThisProcess} por el API en ejecución / by the running API)` : '';
  return (
    `${result.projection}: ${result.events} eventos/events en/in ${result.seconds.toFixed(1)} s, ` +
    `${result.eventsPerSecond} eventos/s / events/s${skipped}${shared}`
  );
}

/** `rebuild [--projection name]`. */
export async function runRebuild(command: RebuildCommand, context: { db: CliDatabase; config: AppConfig; io: CliIO }): Promise<ExitCode> {
  // The case list indexes the police unit, which the log holds sealed: the rebuild opens it with the master keys.
  const keyring = await loadMasterKeyringChecked(context.db.pool, {
    masterKey: context.config.masterKey,
    keyringFile: context.config.masterKeysFile,
    dataDir: context.config.dataDir,
  });
  const open = projectionOpener(context.db.pool, keyring, new FieldSealer(keyring.legacyFieldKeys));
  const source = context.config.eventStore === 'kurrentdb' ? new CopiedLog(context.db.pool) : undefined;
  const results = await rebuildProjections(
    context.db.pool,
    selectProjections(command.projection),
    progressBar(context.io.stderr),
    open,
    source,
  );
  await writeResult(context.io, results.map((r) => `${describeRebuild(r)}\n`).join(''), null);
  return EXIT.ok;
}
