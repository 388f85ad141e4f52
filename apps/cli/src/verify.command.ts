import type pg from 'pg';
import { verifyHashChains, type BrokenLink, type VerifyReport } from '../../../libs/event-store/src/index.js';
import type { CliDatabase } from './cli-database.js';
import { EXIT, type ExitCode } from './cli-errors.js';
import { writeResult, type CliIO } from './cli-io.js';

const REASONS: Record<BrokenLink['reason'], string> = {
  hash_mismatch: 'el contenido del evento no coincide con su hash / the event no longer matches its hash',
  prev_hash_mismatch: 'el enlace al evento anterior no coincide / the link to the previous event does not match',
  position_gap: 'falta una posición en el flujo / a position is missing from the stream',
};

/** Walks every stream's hash chain; exit code 3 when a link is broken. */
export async function verifyLog(pool: pg.Pool): Promise<{ report: VerifyReport; exitCode: ExitCode; text: string }> {
  const report = await verifyHashChains(pool);
  return { report, exitCode: report.ok ? EXIT.ok : EXIT.integrity, text: describeVerification(report) };
}

export function describeVerification(report: VerifyReport): string {
  const counted = `${report.streamsChecked} flujos/streams, ${report.eventsChecked} eventos/events verificados/checked`;
  const link = report.firstBrokenLink;
  if (report.ok || link === null) return `cadenas de hash íntegras / hash chains intact: ${counted}\n`;
  return [
    'INTEGRIDAD COMPROMETIDA / INTEGRITY FAILURE: enlace roto / broken link',
    `  flujo / stream:           ${link.streamId}`,
    `  posición / position:      ${link.streamPosition}`,
    `  evento / event:           ${link.eventId}`,
    `  posición global / global: ${link.globalPosition}`,
    `  motivo / reason:          ${link.reason}: ${REASONS[link.reason]}`,
    `  antes del enlace roto / before the broken link: ${counted}`,
    '',
  ].join('\n');
}

/** `verify`. */
export async function runVerify(context: { db: CliDatabase; io: CliIO }): Promise<ExitCode> {
  context.io.log('verificando las cadenas de hash / verifying the hash chains…');
  const { exitCode, text } = await verifyLog(context.db.pool);
  await writeResult(context.io, text, null);
  return exitCode;
}
