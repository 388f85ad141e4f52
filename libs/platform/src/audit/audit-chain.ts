import { createHash } from 'node:crypto';
import type pg from 'pg';

/** Serializes audit writers (the chain trigger of migration AuditChain1764201600830 takes it until commit). */
export const AUDIT_CHAIN_LOCK = 7_314_206_002;

const GENESIS = '0'.repeat(64);

export interface AuditBrokenLink {
  auditId: number;
  /** hash_mismatch: the entry no longer matches its hash; prev_hash_mismatch: an entry before it was removed or rechained. */
  reason: 'hash_mismatch' | 'prev_hash_mismatch';
}

export interface AuditChainReport {
  ok: boolean;
  entriesChecked: number;
  /** The last entry of the chain (null: no entry yet). */
  head: AuditHead | null;
  firstBrokenLink: AuditBrokenLink | null;
}

export interface AuditHead {
  auditId: number;
  hash: string;
}

interface ChainRow {
  audit_id: string;
  at_us: string;
  actor_subject: string;
  actor_role: string;
  action: string;
  record_type: string;
  record_id: string | null;
  purpose: string | null;
  request_id: string | null;
  subject_ids: string[];
  prev_hash: string;
  hash: string;
}

/** The hash of one entry, computed here from its columns: the same bytes as the SQL of the chain trigger. */
export function auditEntryHash(prevHash: string, row: Omit<ChainRow, 'prev_hash' | 'hash'>): string {
  const canonical = [
    row.audit_id,
    row.at_us,
    ...[row.actor_subject, row.actor_role, row.action, row.record_type, row.record_id, row.purpose, row.request_id, row.subject_ids].map(
      (value) => JSON.stringify(value),
    ),
  ].join('\t');
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

/** Walks the audit log's chain in audit_id order (keyset pages) and stops at the first broken link. */
export async function verifyAuditChain(pool: pg.Pool, pageSize = 5000): Promise<AuditChainReport> {
  let after = '0';
  let expectedPrev = GENESIS;
  let checked = 0;
  let head: AuditHead | null = null;
  for (;;) {
    const page = await pool.query<ChainRow>(
      // Qualified in WHERE and ORDER BY: the bare name would sort by the text alias ('10' < '9').
      `SELECT audit_id::text AS audit_id, ((extract(epoch FROM at) * 1000000)::bigint)::text AS at_us, actor_subject, actor_role,
              action, record_type, record_id, purpose, request_id, subject_ids, prev_hash, hash
         FROM audit_log WHERE audit_log.audit_id > $1::bigint ORDER BY audit_log.audit_id LIMIT $2`,
      [after, pageSize],
    );
    for (const row of page.rows) {
      const broken = (reason: AuditBrokenLink['reason']): AuditChainReport => ({
        ok: false,
        entriesChecked: checked,
        head,
        firstBrokenLink: { auditId: Number(row.audit_id), reason },
      });
      if (row.prev_hash !== expectedPrev) return broken('prev_hash_mismatch');
      if (auditEntryHash(row.prev_hash, row) !== row.hash) return broken('hash_mismatch');
      checked++;
      expectedPrev = row.hash;
      head = { auditId: Number(row.audit_id), hash: row.hash };
    }
    if (page.rows.length < pageSize) break;
    after = page.rows[page.rows.length - 1].audit_id;
  }
  return { ok: true, entriesChecked: checked, head, firstBrokenLink: null };
}

/** The audit log's last entry now (what an exported anchor records, so removing the last entries is detected too). */
export async function auditHead(pool: pg.Pool | pg.PoolClient): Promise<AuditHead | null> {
  const { rows } = await pool.query<{ audit_id: string; hash: string }>(
    'SELECT audit_id, hash FROM audit_log ORDER BY audit_id DESC LIMIT 1',
  );
  return rows.length === 0 ? null : { auditId: Number(rows[0].audit_id), hash: rows[0].hash };
}
