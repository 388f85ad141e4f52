import type pg from 'pg';

/**
 * What is audited. Reads of personal data (`read_personal_data`: the answer held personal fields) and reads of
 * records that point at data subjects without their fields (`read_record`: a case without its victims' fields, a
 * referral naming a victim, a queue or list of calls) are recorded by the API's interceptor; erasure requests and
 * erasures (one per subject an approval erases) by their endpoints; searches by an identity document
 * (POST /cases/search) by the case list.
 */
export const AUDIT_ACTIONS = ['read_personal_data', 'read_record', 'erasure_request', 'erasure', 'search_personal_data'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who did what to which record, and why: never the personal data itself. */
export interface AuditEntry {
  actorSubject: string;
  actorRole: string;
  action: AuditAction;
  recordType: string;
  /** Null for a search by personal data that matched no record. */
  recordId: string | null;
  /** The caller's stated purpose (X-Purpose), at most 200 characters. */
  purpose: string | null;
  requestId: string | null;
  /** The data subjects (victims, callers) the answer disclosed or pointed at; empty when none. */
  subjectIds?: readonly string[];
}

export interface RecordedAuditEntry extends AuditEntry {
  subjectIds: readonly string[];
  auditId: number;
  at: string;
}

export interface AuditFilters {
  from?: Date;
  to?: Date;
  actor?: string;
  recordId?: string;
  /** Entries that disclosed or pointed at this data subject. */
  subjectId?: string;
  action?: AuditAction;
  /** Only entries older than this id: the next page after the last entry seen. */
  before?: number;
  limit?: number;
}

export const PURPOSE_MAX_LENGTH = 200;

interface AuditRow {
  audit_id: string;
  at: Date;
  actor_subject: string;
  actor_role: string;
  action: AuditAction;
  record_type: string;
  record_id: string | null;
  purpose: string | null;
  request_id: string | null;
  subject_ids: string[];
}

/** The append-only audit table (migration AuditLog1764201600600). */
export class AuditLog {
  constructor(private readonly pool: pg.Pool) {}

  /** Writes one entry; throws if it cannot be written, so the caller can refuse to answer unaudited. */
  async record(entry: AuditEntry): Promise<RecordedAuditEntry> {
    const { rows } = await this.pool.query<AuditRow>(
      `INSERT INTO audit_log (actor_subject, actor_role, action, record_type, record_id, purpose, request_id, subject_ids)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [
        entry.actorSubject,
        entry.actorRole,
        entry.action,
        entry.recordType,
        entry.recordId,
        entry.purpose,
        entry.requestId,
        [...new Set(entry.subjectIds ?? [])],
      ],
    );
    return toEntry(rows[0]);
  }

  /** Entries matching every given filter, newest (last written) first; `from` inclusive, `to` exclusive. */
  async query(filters: AuditFilters = {}): Promise<RecordedAuditEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filters.from) add('at >= ?', filters.from);
    if (filters.to) add('at < ?', filters.to);
    if (filters.actor) add('actor_subject = ?', filters.actor);
    if (filters.recordId) add('record_id = ?', filters.recordId);
    if (filters.subjectId) add('subject_ids @> ARRAY[?]::text[]', filters.subjectId);
    if (filters.action) add('action = ?', filters.action);
    if (filters.before) add('audit_id < ?', filters.before);
    params.push(filters.limit ?? 100);
    const { rows } = await this.pool.query<AuditRow>(
      `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY audit_id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toEntry);
  }
}

const toEntry = (row: AuditRow): RecordedAuditEntry => ({
  auditId: Number(row.audit_id),
  at: row.at.toISOString(),
  actorSubject: row.actor_subject,
  actorRole: row.actor_role,
  action: row.action,
  recordType: row.record_type,
  recordId: row.record_id,
  purpose: row.purpose,
  requestId: row.request_id,
  subjectIds: row.subject_ids,
});
