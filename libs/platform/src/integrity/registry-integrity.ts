import type pg from 'pg';
import { verifyIntegrity, type IntegrityReport } from '#event-store';
import { verifyAuditChain, type AuditChainReport } from '../audit/audit-chain.js';
import { verifyExportedAnchors, type AnchorExporter, type ExportReport } from './anchor-export.js';

/** The log's chains and anchors, the audit log's chain, and the database against the exported anchors. */
export interface RegistryIntegrityReport extends IntegrityReport {
  audit: AuditChainReport;
  exported: ExportReport;
}

/**
 * Everything `verify` and GET /integrity check; intact only if every part holds. `exportFile` defaults to the
 * configured ANCHOR_EXPORT_FILE (the CLI may name another copy, e.g. one kept on another machine).
 */
export async function verifyRegistry(
  pool: pg.Pool,
  exporter: AnchorExporter,
  exportFile = exporter.config.anchorExportFile,
): Promise<RegistryIntegrityReport> {
  const integrity = await verifyIntegrity(pool);
  const audit = await verifyAuditChain(pool);
  const exported = await verifyExportedAnchors(pool, exportFile, exporter.publicKey());
  return { ...integrity, ok: integrity.ok && audit.ok && exported.ok, audit, exported };
}
