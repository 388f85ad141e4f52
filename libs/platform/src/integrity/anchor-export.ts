import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type pg from 'pg';
import { canonicalJson, headsAt, takeAnchor, type Anchor } from '#event-store';
import { auditHead, type AuditHead } from '../audit/audit-chain.js';

/**
 * An integrity anchor as exported outside the database: the anchor row, the audit log's head at that moment, and
 * an Ed25519 signature over both by a key the database never holds. One JSON line per anchor in the export file
 * (and, optionally, POSTed to a timestamping or log service), so rewriting the log, its chains and the anchors in
 * the database, even with the owner's rights, no longer matches what was exported.
 */
export interface ExportedAnchor extends Anchor {
  auditHead: AuditHead | null;
  /** The first 16 hex digits of the SHA-256 of the signing key's public key (SPKI DER). */
  keyId: string;
  /** Ed25519 signature (base64) over the canonical JSON of every other field. */
  signature: string;
}

export interface AnchorExportConfig {
  anchorSigningKeyFile: string;
  anchorExportFile: string;
  anchorExportUrl: string | null;
  /** With `kurrentdb` the events table is the log copy: anchors take its last event (no transaction horizon). */
  eventStore?: 'postgres' | 'kurrentdb';
}

export class AnchorExportError extends Error {}

/** Signs and exports anchors; reads and checks the export. The key is loaded (or generated) on first use. */
export class AnchorExporter {
  private privateKey: KeyObject | null = null;

  constructor(
    readonly config: AnchorExportConfig,
    private readonly warn: (message: string) => void = () => undefined,
  ) {}

  /** The signing key, generated (PKCS#8 PEM, mode 600, its public key beside it as .pub.pem) when absent. */
  private signingKey(): KeyObject {
    if (this.privateKey) return this.privateKey;
    const file = this.config.anchorSigningKeyFile;
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      try {
        writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
        writeFileSync(`${file.replace(/\.pem$/, '')}.pub.pem`, publicKey.export({ type: 'spki', format: 'pem' }));
      } catch (error) {
        // Another replica sharing the file wrote its key first: use that one.
        if ((error as { code?: string }).code !== 'EEXIST') throw error;
      }
    }
    this.privateKey = createPrivateKey(readFileSync(file));
    if (this.privateKey.asymmetricKeyType !== 'ed25519') throw new AnchorExportError(`${file} is not an Ed25519 private key`);
    return this.privateKey;
  }

  /** The public key that checks exported anchors, or null when there is no signing key (nothing was ever signed here). */
  publicKey(): KeyObject | null {
    if (!existsSync(this.config.anchorSigningKeyFile)) return null;
    return createPublicKey(this.signingKey());
  }

  /** Signs the anchor with the audit head, appends it to the export file, and POSTs it when a URL is configured. */
  async export(anchor: Anchor, head: AuditHead | null): Promise<ExportedAnchor> {
    const key = this.signingKey();
    const unsigned = { ...anchor, auditHead: head, keyId: keyIdOf(createPublicKey(key)) };
    const exported: ExportedAnchor = { ...unsigned, signature: sign(null, Buffer.from(canonicalJson(unsigned)), key).toString('base64') };
    const line = `${JSON.stringify(exported)}\n`;
    mkdirSync(dirname(this.config.anchorExportFile), { recursive: true });
    appendFileSync(this.config.anchorExportFile, line, { mode: 0o600 });
    if (this.config.anchorExportUrl) {
      try {
        const response = await fetch(this.config.anchorExportUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: line,
          signal: AbortSignal.timeout(10_000),
        });
        if (!response.ok) this.warn(`anchor ${anchor.anchorId} not accepted by ANCHOR_EXPORT_URL: HTTP ${response.status}`);
      } catch (error) {
        // The file holds it; a later anchor is sent again. Never fail the anchor for the remote copy.
        this.warn(`anchor ${anchor.anchorId} not sent to ANCHOR_EXPORT_URL: ${(error as Error).message}`);
      }
    }
    return exported;
  }
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/**
 * Takes an anchor (see takeAnchor) and, when one was created, signs and exports it with the audit log's head. The
 * anchor is committed before it is exported: an export that fails (the error is thrown) leaves an anchor the
 * export lacks, which `verify` does not count against the log.
 */
export async function takeExportedAnchor(
  pool: pg.Pool,
  exporter: AnchorExporter,
  options: { onlyIfChanged?: boolean } = {},
): Promise<{ anchor: Anchor; created: boolean }> {
  const taken = await takeAnchor(pool, { ...options, copiedLog: exporter.config.eventStore === 'kurrentdb' });
  if (taken.created) await exporter.export(taken.anchor, await auditHead(pool));
  return taken;
}

export interface ExportMismatch {
  /** The line of the export file at fault (1-based). */
  line: number;
  anchorId: number | null;
  /**
   * unreadable: the line is not an exported anchor; signature_invalid: not signed by this registry's key (or
   * altered); no_key: there is no key to check signatures with; anchor_missing: the database has no such anchor;
   * anchor_differs: the database's anchor differs from the exported one; heads_differ: the log's heads at the
   * exported anchor's position no longer hash to it; audit_head_differs: the audit entry it recorded is gone or changed.
   */
  reason: 'unreadable' | 'signature_invalid' | 'no_key' | 'anchor_missing' | 'anchor_differs' | 'heads_differ' | 'audit_head_differs';
  /** The exported anchor's fields that differ from the database's (anchor_differs). */
  fields: string[];
}

export interface ExportReport {
  ok: boolean;
  anchorsExported: number;
  lastExported: ExportedAnchor | null;
  firstMismatch: ExportMismatch | null;
}

const ANCHOR_FIELDS = ['anchorId', 'takenAt', 'transactionId', 'globalPosition', 'streams', 'events', 'headsHash'] as const;

/**
 * Checks the database against the export file: every line must be signed by the key, every exported anchor must
 * be in the database unchanged, and the log as it is now must still hash to the last exported anchor, whose audit
 * head must still be in the audit log. A missing or empty file checks nothing (ok, anchorsExported 0).
 */
export async function verifyExportedAnchors(pool: pg.Pool, file: string, publicKey: KeyObject | null): Promise<ExportReport> {
  const lines = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
    : [];
  const exported: ExportedAnchor[] = [];
  const report = (firstMismatch: ExportMismatch | null): ExportReport => ({
    ok: firstMismatch === null,
    anchorsExported: lines.length,
    lastExported: exported.at(-1) ?? null,
    firstMismatch,
  });
  const mismatch = (line: number, anchorId: number | null, reason: ExportMismatch['reason'], fields: string[] = []) =>
    report({ line, anchorId, reason, fields });
  if (lines.length === 0) return report(null);
  if (publicKey === null) return mismatch(1, null, 'no_key');
  const keyId = keyIdOf(publicKey);
  for (const [i, text] of lines.entries()) {
    const anchor = parseExported(text);
    if (anchor === null) return mismatch(i + 1, null, 'unreadable');
    const { signature, ...unsigned } = anchor;
    const valid = anchor.keyId === keyId && verify(null, Buffer.from(canonicalJson(unsigned)), publicKey, Buffer.from(signature, 'base64'));
    if (!valid) return mismatch(i + 1, anchor.anchorId, 'signature_invalid');
    exported.push(anchor);
  }
  const { rows } = await pool.query<{
    anchor_id: string;
    taken_at: Date;
    transaction_id: string;
    global_position: string;
    streams: number;
    events: string;
    heads_hash: string;
  }>(
    `SELECT anchor_id, taken_at, transaction_id::text AS transaction_id, global_position, streams, events, heads_hash
       FROM integrity_anchors WHERE anchor_id = ANY($1::bigint[])`,
    [exported.map((a) => a.anchorId)],
  );
  const stored = new Map(
    rows.map((row) => [
      Number(row.anchor_id),
      {
        anchorId: Number(row.anchor_id),
        takenAt: row.taken_at.toISOString(),
        transactionId: row.transaction_id,
        globalPosition: Number(row.global_position),
        streams: row.streams,
        events: Number(row.events),
        headsHash: row.heads_hash,
      } satisfies Anchor,
    ]),
  );
  for (const [i, anchor] of exported.entries()) {
    const inDatabase = stored.get(anchor.anchorId);
    if (!inDatabase) return mismatch(i + 1, anchor.anchorId, 'anchor_missing');
    const fields = ANCHOR_FIELDS.filter((field) => inDatabase[field] !== anchor[field]);
    if (fields.length > 0) return mismatch(i + 1, anchor.anchorId, 'anchor_differs', [...fields]);
  }
  const last = exported[exported.length - 1];
  const current = await headsAt(pool, last);
  if (current.headsHash !== last.headsHash || current.streams !== last.streams || current.events !== last.events) {
    return mismatch(lines.length, last.anchorId, 'heads_differ');
  }
  if (last.auditHead) {
    const { rows: audit } = await pool.query<{ hash: string }>('SELECT hash FROM audit_log WHERE audit_id = $1', [last.auditHead.auditId]);
    if (audit[0]?.hash !== last.auditHead.hash) return mismatch(lines.length, last.anchorId, 'audit_head_differs');
  }
  return report(null);
}

function parseExported(text: string): ExportedAnchor | null {
  try {
    const value = JSON.parse(text) as Partial<ExportedAnchor>;
    const ok =
      typeof value === 'object' &&
      value !== null &&
      Number.isInteger(value.anchorId) &&
      typeof value.takenAt === 'string' &&
      typeof value.transactionId === 'string' &&
      Number.isInteger(value.globalPosition) &&
      Number.isInteger(value.streams) &&
      Number.isInteger(value.events) &&
      typeof value.headsHash === 'string' &&
      typeof value.keyId === 'string' &&
      typeof value.signature === 'string' &&
      (value.auditHead === null ||
        (typeof value.auditHead === 'object' && Number.isInteger(value.auditHead?.auditId) && typeof value.auditHead?.hash === 'string'));
    return ok ? (value as ExportedAnchor) : null;
  } catch {
    return null;
  }
}
