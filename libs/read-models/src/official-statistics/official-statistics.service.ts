import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, NotFound } from '../../../domain/src/index.js';
import { buildIneiAnnualTables, periodsOfYear } from './inei-annual.js';
import type { ReportCatalogs } from './labels.js';
import { buildMonthlyReport } from './monthly-report.js';
import { canonicalJson, sha256Hex } from './render/canonical-json.js';
import { diffReports, type CellRevision } from './revisions.js';
import { readStatistics } from './statistics-cells.query.js';
import type { DisclosureSettings, PublishedReport, ReportKind } from './stat-table.js';

export interface ReportRequest {
  kind: ReportKind;
  /** `YYYY-MM` for monthly, `YYYY` for inei-annual. */
  period: string;
  department: string | null;
}

export interface Publication extends ReportRequest {
  publicationId: string;
  asOfPosition: number;
  k: number;
  publishedAt: string;
  sha256: string;
}

export class PublicationConflict extends DomainError {
  readonly kind = 'conflict' as const;
  constructor() {
    super('idempotency_conflict', 'Ya existe una publicación con ese id y otro contenido',
      'A publication with that id and different content already exists');
  }
}

/**
 * Reports, exports and publications over the statistics ledger. A report is a pure function of (request, log
 * position, disclosure settings): taken twice at the same position it is the same bytes.
 */
export class OfficialStatistics {
  constructor(private readonly dataSource: DataSource, private readonly catalogs: ReportCatalogs) {}

  async report(request: ReportRequest, options: { asOf?: number | null; disclosure: DisclosureSettings }): Promise<PublishedReport> {
    return this.dataSource.transaction('REPEATABLE READ', (manager) => this.build(manager, request, options.asOf ?? null, options.disclosure));
  }

  /** Freezes the report at the current position. A retry with the same id and request returns the original. */
  async publish(request: ReportRequest, options: { publicationId: string; k: number; now: string }): Promise<{ publication: Publication; replayed: boolean }> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const existing = await this.find(manager, options.publicationId);
      if (existing) {
        const same = existing.kind === request.kind && existing.period === request.period && existing.department === request.department;
        if (!same) throw new PublicationConflict();
        return { publication: existing, replayed: true };
      }
      const report = await this.build(manager, request, null, { k: options.k, applied: true });
      const content = canonicalJson(report);
      const publication: Publication = {
        publicationId: options.publicationId, ...request, asOfPosition: report.asOfPosition, k: options.k,
        publishedAt: options.now, sha256: sha256Hex(content),
      };
      // Two concurrent first attempts with one id: the loser gets a conflict and, on retry, the winner's row.
      const inserted: unknown[] = await manager.query(
        `INSERT INTO publications (publication_id, kind, period, department, as_of_position, k, published_at, sha256, content)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (publication_id) DO NOTHING RETURNING publication_id`,
        [publication.publicationId, request.kind, request.period, request.department, publication.asOfPosition, options.k,
          options.now, publication.sha256, content]);
      if (inserted.length === 0) throw new PublicationConflict();
      return { publication, replayed: false };
    });
  }

  /**
   * The publication's stored bytes, exactly as issued. `departments`: a regional token's scope (empty: national);
   * a publication outside it is not found, exactly like a missing one.
   */
  async publication(publicationId: string, departments: readonly string[] = []): Promise<{ publication: Publication; content: string }> {
    const rows: Array<PublicationRow & { content: string }> = await this.dataSource.query(
      `SELECT ${COLUMNS}, content FROM publications WHERE publication_id = $1 AND ${IN_SCOPE('$2')}`, [publicationId, [...departments]]);
    if (rows.length === 0) throw notFound();
    return { publication: toPublication(rows[0]), content: rows[0].content };
  }

  /** Cell by cell, what the same report says now (same k, current position) that differs from what was published. */
  async revisions(publicationId: string, departments: readonly string[] = []): Promise<{ publication: Publication; currentPosition: number; changes: CellRevision[] }> {
    const { publication, content } = await this.publication(publicationId, departments);
    const current = await this.report(publication, { disclosure: { k: publication.k, applied: true } });
    return {
      publication, currentPosition: current.asOfPosition,
      changes: diffReports(JSON.parse(content) as PublishedReport, current),
    };
  }

  /** The publications issued, oldest first; for a regional scope (`departments`), only those of its departments. */
  async list(departments: readonly string[] = []): Promise<Publication[]> {
    const rows: PublicationRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM publications WHERE ${IN_SCOPE('$1')} ORDER BY published_at, publication_id`, [[...departments]]);
    return rows.map(toPublication);
  }

  private async build(manager: EntityManager, request: ReportRequest, asOf: number | null, disclosure: DisclosureSettings): Promise<PublishedReport> {
    if (request.kind === 'monthly') {
      const snapshot = await readStatistics(manager, { periods: [request.period], department: request.department, asOf });
      return buildMonthlyReport(snapshot, request, this.catalogs, disclosure);
    }
    const snapshot = await readStatistics(manager, { periods: periodsOfYear(Number(request.period)), asOf });
    return buildIneiAnnualTables(snapshot, Number(request.period), this.catalogs, disclosure);
  }

  private async find(manager: EntityManager, publicationId: string): Promise<Publication | null> {
    const rows: PublicationRow[] = await manager.query(`SELECT ${COLUMNS} FROM publications WHERE publication_id = $1`, [publicationId]);
    return rows.length > 0 ? toPublication(rows[0]) : null;
  }
}

/** A national scope (no departments) sees every publication; a regional one only those of its departments (never a national report). */
const IN_SCOPE = (param: string) => `(cardinality(${param}::text[]) = 0 OR department = ANY(${param}::text[]))`;

const COLUMNS = 'publication_id, kind, period, department, as_of_position, k, published_at, sha256';

interface PublicationRow {
  publication_id: string; kind: ReportKind; period: string; department: string | null; as_of_position: string; k: number;
  published_at: Date; sha256: string;
}

const toPublication = (r: PublicationRow): Publication => ({
  publicationId: r.publication_id, kind: r.kind, period: r.period, department: r.department,
  asOfPosition: Number(r.as_of_position), k: r.k, publishedAt: r.published_at.toISOString(), sha256: r.sha256,
});

const notFound = () => new NotFound('not_found', 'Publicación no encontrada', 'Publication not found');
