import { randomUUID } from 'node:crypto';
import type { ReferenceCatalogs } from '#platform';
import { OfficialStatistics, type Publication } from '#read-models';
import type { CliDatabase } from './cli-database.js';
import { EXIT, type ExitCode } from './cli-errors.js';
import { writeResult, type CliIO } from './cli-io.js';
import type { CliCommand } from './command-line.js';
import { bringStatisticsUpToDate } from './log-position.js';

export type PublishCommand = Extract<CliCommand, { command: 'publish' }>;

/**
 * Freezes the report at the current log position: run by an administrator (database credentials), it first
 * declares that position a release point, since publications are taken at release points only. Without --id a new id is drawn; with one, a retry returns the
 * original publication (replayed: true) and another request under the same id is refused.
 */
export async function publish(
  statistics: OfficialStatistics,
  command: PublishCommand,
  options: { k: number; now: Date },
): Promise<Publication & { replayed: boolean }> {
  await statistics.declareReleasePoint(options.now.toISOString());
  const { publication, replayed } = await statistics.publish(
    { kind: command.kind, period: command.period, department: command.department },
    { publicationId: command.id ?? randomUUID(), k: options.k, now: options.now.toISOString() },
  );
  return { ...publication, replayed };
}

/** `publish`: prints the publication (id, position, sha256…) as JSON on stdout. */
export async function runPublish(
  command: PublishCommand,
  context: { db: CliDatabase; catalogs: ReferenceCatalogs; k: number; io: CliIO },
): Promise<ExitCode> {
  const { db, catalogs, k, io } = context;
  await bringStatisticsUpToDate(db, io.log);
  const result = await publish(new OfficialStatistics(db.dataSource, catalogs), command, { k, now: new Date() });
  if (result.replayed)
    io.log(`ya publicada con ese id: se devuelve la original / already published under that id: the original is returned`);
  await writeResult(io, `${JSON.stringify(result, null, 2)}\n`, null);
  return EXIT.ok;
}
