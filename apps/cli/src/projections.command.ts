import { userInfo } from 'node:os';
import { eventAt, projectionOverview, recordSkip, retryProjection, type ProjectionOverview } from '#platform';
import { PROJECTIONS } from '#read-models';
import type { CliDatabase } from './cli-database.js';
import { EXIT, invalidOption, type ExitCode } from './cli-errors.js';
import { writeResult, type CliIO } from './cli-io.js';
import type { CliCommand } from './command-line.js';

export type ProjectionsCommand = Extract<CliCommand, { command: 'projections-status' | 'projections-retry' | 'projections-skip' }>;

const STATE = { running: 'en marcha/running', retrying: 'reintentando/retrying', failed: 'FALLIDA/FAILED' } as const;

/** Who records a skip: the operator's account on this machine (an operator, never a data subject). */
export function operator(): string {
  try {
    return `cli:${userInfo().username}`.slice(0, 200);
  } catch {
    return 'cli:unknown';
  }
}

/** The lines `projections status` prints for one projection: state, position, lag, failure, skips. No event data. */
export function describeProjection(p: ProjectionOverview): string {
  const lines = [
    `${p.name}: ${STATE[p.state]}, posición/position ${p.position}, ${p.eventsProcessed} eventos procesados/events processed, ` +
      `retraso/lag ${p.lagEvents} eventos/events (${p.lagSeconds} s)`,
  ];
  if (p.failure)
    lines.push(
      `  fallo/failure: posición/position ${p.failure.globalPosition}, ${p.failure.eventType} (evento/event ${p.failure.eventId}), ` +
        `${p.failure.attempts} intentos/attempts desde/since ${p.failure.since}: ${p.failure.message}`,
    );
  if (p.state === 'failed')
    lines.push(
      `  qué hacer / what to do: corrija y ejecute / fix and run \`npm run cli -- projections retry ${p.name}\`, o / or ` +
        `\`npm run cli -- projections skip ${p.name} --position ${p.failure?.globalPosition ?? 'N'} --reason "…"\``,
    );
  for (const s of p.skips)
    lines.push(
      `  omitido/skipped: posición/position ${s.position}, ${s.eventType} por/by ${s.skippedBy} el/at ${s.skippedAt}: ${s.reason}`,
    );
  return lines.join('\n');
}

/** `projections status | retry <name> | skip <name> --position N --reason R`. */
export async function runProjections(command: ProjectionsCommand, context: { db: CliDatabase; io: CliIO }): Promise<ExitCode> {
  const { db, io } = context;
  switch (command.command) {
    case 'projections-status': {
      const overview = await projectionOverview(
        db.pool,
        PROJECTIONS.map((p) => p.name),
      );
      await writeResult(io, overview.map((p) => `${describeProjection(p)}\n`).join(''), null);
      return EXIT.ok;
    }
    case 'projections-retry': {
      const { wasFailing } = await retryProjection(db.pool, command.projection);
      io.log(
        wasFailing
          ? `${command.projection}: fallo borrado; se reintenta en la próxima pasada del API / failure cleared; the API retries it at its next pass`
          : `${command.projection}: no estaba fallando; nada que hacer / was not failing; nothing to do`,
      );
      return EXIT.ok;
    }
    case 'projections-skip': {
      const event = await eventAt(db.pool, command.position);
      if (event === null)
        throw invalidOption('--position', `no hay evento en la posición ${command.position}`, `no event at position ${command.position}`);
      const by = operator();
      const { clearedFailure } = await recordSkip(db.pool, {
        projection: command.projection,
        position: command.position,
        ...event,
        reason: command.reason,
        by,
      });
      io.log(
        `omisión registrada / skip recorded: ${command.projection}, posición/position ${command.position} (${event.eventType}), ` +
          `por/by ${by}: ${command.reason}`,
      );
      io.log(
        clearedFailure
          ? `${command.projection}: fallo borrado; el API continúa pasando ese evento / failure cleared; the API goes on past that event`
          : `${command.projection}: no fallaba en esa posición; la omisión vale para las reconstrucciones / was not failing there; the skip holds for rebuilds`,
      );
      return EXIT.ok;
    }
  }
}
