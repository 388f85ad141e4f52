import { resolve } from 'node:path';
import type pg from 'pg';
import type { Anchor, AnchorMismatch, AnchorReport, BrokenLink, VerifyReport } from '#event-store';
import {
  AnchorExporter,
  takeExportedAnchor,
  verifyRegistry,
  type AppConfig,
  type AuditBrokenLink,
  type AuditChainReport,
  type ExportMismatch,
  type ExportReport,
} from '#platform';
import type { CliDatabase } from './cli-database.js';
import { EXIT, type ExitCode } from './cli-errors.js';
import { writeResult, type CliIO } from './cli-io.js';

const REASONS: Record<BrokenLink['reason'], string> = {
  hash_mismatch: 'el contenido del evento no coincide con su hash / the event no longer matches its hash',
  prev_hash_mismatch: 'el enlace al evento anterior no coincide / the link to the previous event does not match',
  position_gap: 'falta una posición en el flujo / a position is missing from the stream',
};

const ANCHOR_REASONS: Record<AnchorMismatch['reason'], string> = {
  head_missing:
    'el flujo termina antes de su cabeza anclada (eventos borrados) / the stream ends before its anchored head (events deleted)',
  head_changed: "la cabeza anclada del flujo cambió (flujo reescrito) / the stream's anchored head changed (stream rewritten)",
  heads_differ: 'las cabezas recalculadas no coinciden con el anclaje / the recomputed heads no longer match the anchor',
};

const AUDIT_REASONS: Record<AuditBrokenLink['reason'], string> = {
  hash_mismatch: 'la entrada ya no coincide con su hash / the entry no longer matches its hash',
  prev_hash_mismatch:
    'el enlace a la entrada anterior no coincide (entrada borrada o reencadenada) / the link to the previous entry does not match (entry removed or rechained)',
};

const EXPORT_REASONS: Record<ExportMismatch['reason'], string> = {
  unreadable: 'la línea no es un anclaje exportado / the line is not an exported anchor',
  signature_invalid:
    "firma inválida (no firmada con la clave del registro, o alterada) / invalid signature (not signed by the registry's key, or altered)",
  no_key:
    'no hay clave para verificar las firmas (ANCHOR_SIGNING_KEY_FILE) / no key to check the signatures with (ANCHOR_SIGNING_KEY_FILE)',
  anchor_missing: 'el anclaje exportado no está en la base / the exported anchor is not in the database',
  anchor_differs: "el anclaje de la base difiere del exportado / the database's anchor differs from the exported one",
  heads_differ: 'el registro ya no coincide con el último anclaje exportado / the log no longer matches the last exported anchor',
  audit_head_differs: 'la entrada de auditoría anclada falta o cambió / the anchored audit entry is missing or changed',
};

/** The hash chains' report, with the anchors', audit log's and export's verdicts and the anchor taken after a successful check. */
export type LogVerification = VerifyReport & {
  anchors: AnchorReport;
  audit: AuditChainReport;
  exported: ExportReport;
  exportFile: string;
  anchorTaken: Anchor | null;
};

/**
 * Walks every stream's hash chain, checks the integrity anchors, the audit log's chain and the database against
 * the signed anchors exported outside it (`exportFile`, default ANCHOR_EXPORT_FILE); exit code 3 when any fails.
 * After a successful check the log is anchored and the anchor exported (when it moved since the last anchor), so
 * a later truncation or rewrite of what was just verified is detected by the next run.
 */
export async function verifyLog(
  pool: pg.Pool,
  exporter: AnchorExporter,
  exportFile = exporter.config.anchorExportFile,
): Promise<{ report: LogVerification; exitCode: ExitCode; text: string }> {
  const integrity = await verifyRegistry(pool, exporter, exportFile);
  const anchorTaken = integrity.ok ? (await takeExportedAnchor(pool, exporter, { onlyIfChanged: true })).anchor : null;
  const report: LogVerification = {
    ...integrity.chains,
    ok: integrity.ok,
    anchors: integrity.anchors,
    audit: integrity.audit,
    exported: integrity.exported,
    exportFile,
    anchorTaken,
  };
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
  const broken = report.audit.firstBrokenLink;
  if (broken !== null) {
    return [
      chains,
      anchors,
      'INTEGRIDAD COMPROMETIDA / INTEGRITY FAILURE: bitácora de auditoría / audit log',
      `  entrada / entry:          ${broken.auditId}`,
      `  motivo / reason:          ${broken.reason}: ${AUDIT_REASONS[broken.reason]}`,
      `  antes / before:           ${report.audit.entriesChecked} entradas/entries verificadas/checked`,
      '',
    ].join('\n');
  }
  const audit = `bitácora de auditoría íntegra / audit log intact: ${report.audit.entriesChecked} entradas/entries`;
  const exported = report.exported.firstMismatch;
  if (exported !== null) {
    return [
      chains,
      anchors,
      audit,
      `INTEGRIDAD COMPROMETIDA / INTEGRITY FAILURE: la base no coincide con los anclajes exportados / the database does not match the exported anchors`,
      `  archivo / file:           ${report.exportFile}, línea / line ${exported.line}`,
      `  anclaje / anchor:         ${exported.anchorId ?? '?'}`,
      ...(exported.fields.length > 0 ? [`  campos / fields:          ${exported.fields.join(', ')}`] : []),
      `  motivo / reason:          ${exported.reason}: ${EXPORT_REASONS[exported.reason]}`,
      '',
    ].join('\n');
  }
  const last = report.exported.lastExported;
  const external =
    last === null
      ? `sin anclajes exportados en / no exported anchors in ${report.exportFile}`
      : `anclajes exportados coinciden / exported anchors match: ${report.exported.anchorsExported} (último/last ${last.anchorId}, clave/key ${last.keyId}) en/in ${report.exportFile}`;
  const taken = report.anchorTaken;
  const anchored =
    taken === null
      ? []
      : [
          `anclaje / anchor ${taken.anchorId}: posición global / global position ${taken.globalPosition}, ${taken.streams} flujos/streams, ` +
            `${taken.events} eventos/events, heads_hash ${taken.headsHash}`,
        ];
  return [chains, anchors, audit, external, ...anchored, ''].join('\n');
}

/** `verify [--anchors FILE]`. */
export async function runVerify(
  command: { anchors?: string },
  context: { db: CliDatabase; config: AppConfig; io: CliIO },
): Promise<ExitCode> {
  context.io.log(
    'verificando las cadenas de hash, los anclajes y la auditoría / verifying the hash chains, the anchors and the audit log…',
  );
  const exporter = new AnchorExporter(context.config, (message) => context.io.log(`aviso / warning: ${message}`));
  const file = command.anchors === undefined ? context.config.anchorExportFile : resolve(command.anchors);
  const { exitCode, text } = await verifyLog(context.db.pool, exporter, file);
  await writeResult(context.io, text, null);
  return exitCode;
}
