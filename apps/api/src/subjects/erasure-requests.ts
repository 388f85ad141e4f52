import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { DomainError, NotFound } from '#domain';
import { APP_CONFIG, PG_POOL, recordKeyId, SubjectKeyStore, type Actor, type AppConfig, type SubjectErasure } from '#platform';
import { RequestAudit } from '../audit/request-audit.js';
import { Forbidden } from '../auth/auth.errors.js';
import { DepartmentScope } from '../auth/department-scope.js';

export const subjectNotFound = () => new NotFound('subject_not_found', 'Persona no encontrada', 'Data subject not found');
export const erasureRequestNotFound = () =>
  new NotFound('erasure_request_not_found', 'Solicitud de supresión no encontrada', 'Erasure request not found');

/** The admin who asked for an erasure cannot approve it: a second admin must (HTTP 409). */
export class ErasureNeedsSecondAdmin extends DomainError {
  readonly kind = 'conflict' as const;
  constructor() {
    super(
      'erasure_needs_second_admin',
      'La supresión debe aprobarla otro administrador, no quien la solicitó',
      'The erasure must be approved by another admin, not the one who requested it',
      [{ field: 'requestId', reason: 'solicitada por usted mismo', reasonEn: 'requested by yourself' }],
    );
  }
}

const outsideDepartments = () =>
  new Forbidden([
    {
      field: 'subjectId',
      reason:
        'la persona tiene registros vinculados fuera de los departamentos de su credencial; debe suprimirla un administrador nacional',
      reasonEn: 'the person has linked records outside the departments of your token; a national admin must erase her',
    },
  ]);

export interface ErasureRequestView {
  requestId: string;
  subjectId: string;
  subjectKind: string;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  status: 'pending' | 'approved';
  approvedBy: string | null;
  approvedAt: string | null;
  /** Every data subject the erasure reaches: the subject and the same person's other records (same document). */
  linkedSubjects: string[];
  /** The erasures done by the approval (empty while pending). */
  erasures: SubjectErasure[];
  /** By when backups holding the erased keys must be gone (README, "Erasure"); null while pending. */
  backupsExpireBy: string | null;
}

interface RequestRow {
  request_id: string;
  subject_id: string;
  subject_kind: string;
  reason: string;
  requested_by: string;
  requested_at: Date;
  status: 'pending' | 'approved';
  approved_by: string | null;
  approved_at: Date | null;
  erased: string[];
}

/** One person's records: the subject ids to erase, the document links to delete, and the departments they are in. */
interface LinkedRecords {
  subjectIds: string[];
  linkIds: string[];
  departments: string[];
}

/**
 * Erasure with two admins (README, "Erasure"): admin A asks (pending, audited as `erasure_request`), a different
 * admin B approves, which destroys the keys of the subject and of every other victim record with the same
 * document link, and deletes the link itself (audited as `erasure`, one entry per subject). A department admin
 * may ask for and approve only erasures whose records are all in their departments.
 */
@Injectable()
export class ErasureRequests {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: SubjectKeyStore,
    private readonly scope: DepartmentScope,
    private readonly audit: RequestAudit,
  ) {}

  async request(subjectId: string, reason: string, actor: Actor, request: Request): Promise<ErasureRequestView> {
    const id = subjectId.toLowerCase();
    const kind = await this.keys.kindOf(id);
    if (kind === null) throw subjectNotFound();
    const records = await this.linkedRecords(id, kind);
    this.checkScope(actor, records);
    const {
      rows: [row],
    } = await this.pool.query<RequestRow>(
      `INSERT INTO erasure_requests (request_id, subject_id, subject_kind, reason, requested_by, status)
       VALUES ($1, $2, $3, $4, $5, 'pending') RETURNING *`,
      [randomUUID(), id, kind, reason, actor.subject],
    );
    await this.audit.record(request, 'erasure_request', 'subject', id);
    return this.view(row, records.subjectIds, []);
  }

  async approve(requestId: string, actor: Actor, request: Request): Promise<ErasureRequestView> {
    const {
      rows: [row],
    } = await this.pool.query<RequestRow>('SELECT * FROM erasure_requests WHERE request_id = $1', [requestId.toLowerCase()]);
    if (!row) throw erasureRequestNotFound();
    const records = await this.linkedRecords(row.subject_id, row.subject_kind);
    // Out of the approver's scope, the request answers like a missing one; then: never the requester.
    if (actor.departments.length > 0 && !records.departments.some((d) => actor.departments.includes(d))) throw erasureRequestNotFound();
    if (row.requested_by === actor.subject) throw new ErasureNeedsSecondAdmin();
    if (row.status === 'approved') return this.view(row, row.erased, await this.erasuresOf(row.erased));
    this.checkScope(actor, records);
    const erasures = await this.keys.eraseAll(records.subjectIds, records.linkIds, row.reason, actor.subject);
    const erased = erasures.map((e) => e.subjectId);
    const {
      rows: [approved],
    } = await this.pool.query<RequestRow>(
      `UPDATE erasure_requests SET status = 'approved', approved_by = $2, approved_at = now(), erased = $3::uuid[]
        WHERE request_id = $1 AND status = 'pending' RETURNING *`,
      [row.request_id, actor.subject, erased],
    );
    // Approved by another admin meanwhile: the keys are destroyed either way; answer with that approval.
    const final =
      approved ?? (await this.pool.query<RequestRow>('SELECT * FROM erasure_requests WHERE request_id = $1', [row.request_id])).rows[0];
    for (const subject of erased) await this.audit.record(request, 'erasure', 'subject', subject);
    return this.view(final, final.erased, await this.erasuresOf(final.erased));
  }

  private checkScope(actor: Actor, records: LinkedRecords): void {
    if (actor.departments.length === 0) return;
    const inScope = records.departments.filter((d) => actor.departments.includes(d));
    if (inScope.length === 0) throw subjectNotFound(); // as if it did not exist: other regions learn nothing
    if (inScope.length < records.departments.length) throw outsideDepartments();
  }

  /**
   * A victim: every victim record with the same document link (the linkId of its identification or of a correction
   * that changed its document, or for events recorded before link ids the hash document_links maps to it), and the
   * departments of their cases. A caller: the call's department. Others: national only ('unknown').
   */
  private async linkedRecords(subjectId: string, kind: string): Promise<LinkedRecords> {
    if (kind === 'caller') {
      return {
        subjectIds: [subjectId],
        linkIds: [],
        departments: [(await this.scope.departmentOf('hotlineCall', subjectId)) ?? 'unknown'],
      };
    }
    if (kind !== 'victim') return { subjectIds: [subjectId], linkIds: [], departments: ['unknown'] };
    const own = await this.pool.query<{ link_id: string | null; hash: string | null; case_id: string }>(
      `SELECT data->>'linkId' AS link_id, data->>'documentHash' AS hash, data->>'caseId' AS case_id FROM events
        WHERE event_type IN ('VictimIdentified', 'VictimCorrected') AND data->>'victimId' = $1`,
      [subjectId],
    );
    const hashes = own.rows.map((r) => r.hash).filter((h): h is string => h !== null && h !== '');
    const links = await this.pool.query<{ link_id: string; document_hash: string }>(
      'SELECT link_id, document_hash FROM document_links WHERE link_id = ANY($1::uuid[]) OR document_hash = ANY($2::text[])',
      [own.rows.map((r) => r.link_id).filter((l): l is string => l !== null), hashes],
    );
    const linkIds = [
      ...new Set([...own.rows.map((r) => r.link_id).filter((l): l is string => l !== null), ...links.rows.map((r) => r.link_id)]),
    ];
    const allHashes = [...new Set([...hashes, ...links.rows.map((r) => r.document_hash)])];
    const victims =
      linkIds.length + allHashes.length === 0
        ? []
        : (
            await this.pool.query<{ victim_id: string; case_id: string }>(
              `SELECT DISTINCT data->>'victimId' AS victim_id, data->>'caseId' AS case_id FROM events
        WHERE event_type IN ('VictimIdentified', 'VictimCorrected') AND (data->>'linkId' = ANY($1::text[]) OR data->>'documentHash' = ANY($2::text[]))`,
              [linkIds, allHashes],
            )
          ).rows;
    const cases = [...new Set([...own.rows.map((r) => r.case_id), ...victims.map((v) => v.case_id)])];
    const departments = await Promise.all(cases.map(async (caseId) => (await this.scope.departmentOf('policeCase', caseId)) ?? 'unknown'));
    const victimIds = [...new Set([subjectId, ...victims.map((v) => v.victim_id.toLowerCase())])];
    // Notes on a victim's protection measures are sealed under a key of her protection (free-text.ts): erased with her.
    const protections = victimIds.map((id) => recordKeyId('protected-person', id));
    const held = (await Promise.all(protections.map(async (id) => ((await this.keys.kindOf(id)) ? id : null)))).filter((id) => id !== null);
    return {
      subjectIds: [...victimIds, ...held],
      linkIds,
      departments: [...new Set(departments.length > 0 ? departments : ['unknown'])],
    };
  }

  private erasuresOf(subjectIds: readonly string[]): Promise<SubjectErasure[]> {
    return this.keys.erasures(subjectIds);
  }

  private view(row: RequestRow, linkedSubjects: readonly string[], erasures: SubjectErasure[]): ErasureRequestView {
    const approvedAt = row.approved_at?.toISOString() ?? null;
    return {
      requestId: row.request_id,
      subjectId: row.subject_id,
      subjectKind: row.subject_kind,
      reason: row.reason,
      requestedBy: row.requested_by,
      requestedAt: row.requested_at.toISOString(),
      status: row.status,
      approvedBy: row.approved_by,
      approvedAt,
      linkedSubjects: [...linkedSubjects],
      erasures,
      backupsExpireBy:
        approvedAt === null ? null : new Date(row.approved_at!.getTime() + this.config.backupRetentionDays * 86_400_000).toISOString(),
    };
  }
}
