import type pg from 'pg';
import {
  takeAnchor, verifyIntegrity, type Anchor, type AnchorMismatch, type AnchorReport, type BrokenLink, type VerifyReport,
} from '../../../libs/event-store/src/index.js';
import type { CliDatabase } from './cli-database.js';
import { EXIT, type ExitCode } from './cli-errors.js';
import { writeResult, type CliIO } from './cli-io.js';

const REASONS: Record<BrokenLink['reason'], string> = {
  hash_mismatch: 'el contenido del evento no coincide con su hash / the event no longer matches its hash',
  prev_hash_mismatch: 'el enlace al evento anterior no coincide / the link to the previous event does not match',
  position_gap: 'falta una posición en el flujo / a position is missing from the stream',
};

const ANCHOR_REASONS: Record<AnchorMismatch['reason'], string> = {
  head_missing: 'el flujo termina antes de su cabeza anclada (eventos borrados) / the stream ends before its anchored head (events deleted)',
  head_changed: 'la cabeza anclada del flujo cambió (flujo reescrito) / the stream\'s anchored head changed (stream rewritten)',
  heads_differ: 'las cabezas recalculadas no coinciden con el anclaje / the recomputed heads no longer match the anchor',
};

/** The hash chains' report, with the anchors' verdict and the anchor taken after a successful check. */
export type LogVerification = VerifyReport & { anchors: AnchorReport; anchorTaken: Anchor | null };

/**
 * Walks every stream's hash chain and checks the integrity anchors; exit code 3 when either fails. After a
 * successful check the log is anchored (when it moved since the last anchor), so a later truncation of what was
 * just verified is detected by the next run.
 */
export async function verifyLog(pool: pg.Pool): Promise<{ report: LogVerification; exitCode: ExitCode; text: string }> {
  const integrity = await verifyIntegrity(pool);
  const anchorTaken = integrity.ok ? (await takeAnchor(pool, { onlyIfChanged: true })).anchor : null;
  const report: LogVerification = { ...integrity.chains, ok: integrity.ok, anchors: integrity.anchors, anchorTaken };
  return { report, exitCode: report.ok ? EXIT.ok : EXIT.integrity, text: describeVerification(report) };
}

export function describeVerification(report: LogVerification): string {
  const counted = `${report.streamsChecked} flujos/streams, ${report.eventsChecked} eventos/events verificados/checked`;
  const link = report.firstBrokenLink;
  if (link !== null) {
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
  const chains = `cadenas de hash íntegras / hash chains intact: ${counted}`;
  const mismatch = report.anchors.firstMismatch;
  if (mismatch !== null) {
    return [
      chains,
      `INTEGRIDAD COMPROMETIDA / INTEGRITY FAILURE: el anclaje ${mismatch.anchorId} ya no coincide / anchor ${mismatch.anchorId} no longer matches`,
      `  anclaje / anchor:         ${mismatch.anchorId} (${mismatch.takenAt}, posición global / global position ${mismatch.globalPosition})`,
      `  flujo / stream:           ${mismatch.streamId ?? '?'}`,
      `  cabeza anclada / anchored head: ${mismatch.anchoredPosition ?? '-'}; ahora / now: ${mismatch.currentPosition ?? '-'}`,
      `  motivo / reason:          ${mismatch.reason}: ${ANCHOR_REASONS[mismatch.reason]}`,
      '',
    ].join('\n');
  }
  const anchors = `anclajes íntegros / anchors intact: ${report.anchors.anchorsChecked} (${report.anchors.anchorsRecomputed} recalculados/recomputed)`;
  const taken = report.anchorTaken;
  const anchored = taken === null ? [] : [
    `anclaje / anchor ${taken.anchorId}: posición global / global position ${taken.globalPosition}, ${taken.streams} flujos/streams, ` +
    `${taken.events} eventos/events, heads_hash ${taken.headsHash}`,
  ];
  return [chains, anchors, ...anchored, ''].join('\n');
}

/** `verify`. */
export async function runVerify(context: { db: CliDatabase; io: CliIO }): Promise<ExitCode> {
  context.io.log('verificando las cadenas de hash y los anclajes / verifying the hash chains and the anchors…');
  const { exitCode, text } = await verifyLog(context.db.pool);
  await writeResult(context.io, text, null);
  return exitCode;
}
