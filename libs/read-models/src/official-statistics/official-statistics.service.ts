import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, NotFound } from '#domain';
import { buildIneiAnnualTables, periodsOfYear } from './inei-annual.js';
import type { ReportCatalogs } from './labels.js';
import { buildMonthlyReport } from './monthly-report.js';
import { canonicalJson, sha256Hex } from './render/canonical-json.js';
import { diffReports, type CellRevision } from './revisions.js';
import { revisionTriangle, type RevisionTriangle } from './revision-triangle.js';
import { readStatistics } from './statistics-cells.query.js';
import { notDerivableFrom, protectFamily, publishedFigures, type ForcedSuppressions } from './answer-family.js';
import { recordTableCells } from './report-tables.js';
import { declareReleasePoint, listReleasePoints, resolveReleasePoint, type ReleasePoint } from './release-points.js';
import { isCountColumn, type DisclosureSettings, type PublishedReport, type ReportKind } from './stat-table.js';

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
    super(
      'idempotency_conflict',
      'Ya existe una publicación con ese id y otro contenido',
      'A publication with that id and different content already exists',
    );
  }
}

/**
 * Reports, exports and publications over the statistics ledger. A report is a pure function of (request, log
 * position, disclosure settings): taken twice at the same position it is the same bytes.
 */
export class OfficialStatistics {
  /** Released monthly families by `position|k|period`: a pure function of the log, so safe to keep. */
  private readonly families = new Map<string, Map<string | null, PublishedReport>>();
  /** Per family (same key): every nonzero figure it publishes, as statistics cell keys. */
  private readonly figures = new Map<string, string[][]>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogs: ReportCatalogs,
  ) {}

  async report(request: ReportRequest, options: { asOf?: number | null; disclosure: DisclosureSettings }): Promise<PublishedReport> {
    return this.dataSource.transaction('REPEATABLE READ', (manager) =>
      this.build(manager, request, options.asOf ?? null, options.disclosure),
    );
  }

  /**
   * The report as analysts (and publications) get it: at a release point only — the latest one without `asOf`,
   * else the one asked for (400 naming asOf otherwise) — under disclosure control across every answer of the
   * release point (answer-family.ts) and against the earlier release points' published values.
   */
  async releasedReport(request: ReportRequest, options: { asOf?: number | null; k: number }): Promise<PublishedReport> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const point = await resolveReleasePoint(manager, options.asOf);
      return this.released(manager, request, point, options.k);
    });
  }

  async releasePoints(): Promise<ReleasePoint[]> {
    return listReleasePoints(this.dataSource);
  }

  /** An administrator's "close period now": the statistics' current position becomes a release point. */
  async declareReleasePoint(now: string): Promise<ReleasePoint> {
    return declareReleasePoint(this.dataSource, now);
  }

  /** Freezes the report at the latest release point. A retry with the same id and request returns the original. */
  async publish(
    request: ReportRequest,
    options: { publicationId: string; k: number; now: string },
  ): Promise<{ publication: Publication; replayed: boolean }> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const existing = await this.find(manager, options.publicationId);
      if (existing) {
        const same = existing.kind === request.kind && existing.period === request.period && existing.department === request.department;
        if (!same) throw new PublicationConflict();
        return { publication: existing, replayed: true };
      }
      const report = await this.released(manager, request, await resolveReleasePoint(manager, null), options.k);
      const content = canonicalJson(report);
      const publication: Publication = {
        publicationId: options.publicationId,
        ...request,
        asOfPosition: report.asOfPosition,
        k: options.k,
        publishedAt: options.now,
        sha256: sha256Hex(content),
      };
      // Two concurrent first attempts with one id: the loser gets a conflict and, on retry, the winner's row.
      const inserted: unknown[] = await manager.query(
        `INSERT INTO publications (publication_id, kind, period, department, as_of_position, k, published_at, sha256, content)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (publication_id) DO NOTHING RETURNING publication_id`,
        [
          publication.publicationId,
          request.kind,
          request.period,
          request.department,
          publication.asOfPosition,
          options.k,
          options.now,
          publication.sha256,
          content,
        ],
      );
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
      `SELECT ${COLUMNS}, content FROM publications WHERE publication_id = $1 AND ${IN_SCOPE('$2')}`,
      [publicationId, [...departments]],
    );
    if (rows.length === 0) throw notFound();
    return { publication: toPublication(rows[0]), content: rows[0].content };
  }

  /**
   * Cell by cell, what the same report says at the latest release point (same k) that differs from what was
   * published. Both are released reports, so a cell published in both never differs by 1..k−1.
   */
  async revisions(
    publicationId: string,
    departments: readonly string[] = [],
  ): Promise<{ publication: Publication; currentPosition: number; changes: CellRevision[] }> {
    const { publication, content } = await this.publication(publicationId, departments);
    const current = await this.releasedReport(publication, { k: publication.k });
    return {
      publication,
      currentPosition: current.asOfPosition,
      changes: diffReports(JSON.parse(content) as PublishedReport, current),
    };
  }

  /** The headline figures of the monthly publications of a range of months, publication by publication. */
  async revisionTriangle(request: { from: string; to: string; department: string | null }): Promise<RevisionTriangle> {
    return revisionTriangle(this.dataSource, request);
  }

  /** The publications issued, oldest first; for a regional scope (`departments`), only those of its departments. */
  async list(departments: readonly string[] = []): Promise<Publication[]> {
    const rows: PublicationRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM publications WHERE ${IN_SCOPE('$1')} ORDER BY published_at, publication_id`,
      [[...departments]],
    );
    return rows.map(toPublication);
  }

  private async build(
    manager: EntityManager,
    request: ReportRequest,
    asOf: number | null,
    disclosure: DisclosureSettings,
  ): Promise<PublishedReport> {
    if (request.kind === 'monthly') {
      const snapshot = await readStatistics(manager, { periods: [request.period], department: request.department, asOf });
      return buildMonthlyReport(snapshot, request, this.catalogs, disclosure);
    }
    const snapshot = await readStatistics(manager, { periods: periodsOfYear(Number(request.period)), asOf });
    return buildIneiAnnualTables(snapshot, Number(request.period), this.catalogs, disclosure);
  }

  /**
   * The released monthly reports (national and every department's) of the given months at a release point — the
   * latest without `asOf` — for the analysts' hotline and referral statistics, which are sums of their figures.
   */
  async releasedMonthlyReports(
    periods: readonly string[],
    options: { asOf?: number | null; k: number },
  ): Promise<{
    position: number;
    reports: (period: string, department: string | null) => PublishedReport;
  }> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const point = await resolveReleasePoint(manager, options.asOf);
      const families = new Map<string, Map<string | null, PublishedReport>>();
      for (const period of periods) families.set(period, await this.releasedFamily(manager, period, point, options.k));
      return {
        position: point.position,
        reports: (period, department) => {
          const report = families.get(period)?.get(department);
          if (!report) throw new Error(`no released report for ${period} ${department}`);
          return report;
        },
      };
    });
  }

  private async released(manager: EntityManager, request: ReportRequest, point: ReleasePoint, k: number): Promise<PublishedReport> {
    if (request.kind !== 'monthly') return this.releasedAnnual(manager, Number(request.period), point, k);
    const report = (await this.releasedFamily(manager, request.period, point, k)).get(request.department);
    if (!report) throw new Error(`no released report for department ${request.department}`);
    return report;
  }

  /**
   * The INEI annual tables at a release point: a cell is published only when the released monthly reports of the
   * year already determine it (it is a sum of their published figures), so the annual tables never undo a monthly
   * suppression (year − eleven months); then the usual control of each table on top.
   */
  private async releasedAnnual(manager: EntityManager, year: number, point: ReleasePoint, k: number): Promise<PublishedReport> {
    const published: string[][] = [];
    for (const period of periodsOfYear(year)) {
      await this.releasedFamily(manager, period, point, k);
      published.push(...(this.figures.get(`${point.position}|${k}|${period}`) ?? []));
    }
    const snapshot = await readStatistics(manager, { periods: periodsOfYear(year), asOf: point.position });
    const exact = recordTableCells(() => buildIneiAnnualTables(snapshot, year, this.catalogs, { k, applied: false }));
    const forced = notDerivableFrom(published, { report: exact.value, tables: exact.tables }, snapshot.cells);
    return buildIneiAnnualTables(snapshot, year, this.catalogs, { k, applied: true, forced });
  }

  /** The month's family at the release point, built over every earlier release point (their published values count). */
  private async releasedFamily(
    manager: EntityManager,
    period: string,
    point: ReleasePoint,
    k: number,
  ): Promise<Map<string | null, PublishedReport>> {
    const points = (await listReleasePoints(manager)).filter((p) => p.position <= point.position);
    let earlier: Array<Map<string | null, PublishedReport>> = [];
    let family = new Map<string | null, PublishedReport>();
    for (const p of points) {
      family = await this.monthlyFamily(manager, period, p.position, k, earlier);
      earlier = [...earlier, family];
    }
    return family;
  }

  /**
   * The national monthly report and every department's at one release point, protected together. A figure an
   * earlier release point published is suppressed where it now differs from that value by 1..k−1 (the difference
   * would isolate the few events recorded in between).
   */
  private async monthlyFamily(
    manager: EntityManager,
    period: string,
    position: number,
    k: number,
    earlier: ReadonlyArray<Map<string | null, PublishedReport>>,
  ): Promise<Map<string | null, PublishedReport>> {
    const key = `${position}|${k}|${period}`;
    const cached = this.families.get(key);
    if (cached) return cached;
    const snapshot = await readStatistics(manager, { periods: [period], department: null, asOf: position });
    const departments: Array<string | null> = [null, ...this.catalogs.ubigeo.departmentCodes()];
    const build = (i: number, disclosure: DisclosureSettings) =>
      buildMonthlyReport(snapshot, { period, department: departments[i] }, this.catalogs, disclosure);
    const initial = departments.map((department, i) => {
      const forced: ForcedSuppressions = new Map();
      const exact = build(i, { k, applied: false });
      for (const before of earlier) {
        const published = before.get(department);
        if (!published) continue;
        for (const [address, value] of publishedValues(published)) {
          const now = exactValues(exact).get(address);
          if (now === undefined || now === null || typeof value !== 'number' || Math.abs(now - value) === 0 || Math.abs(now - value) >= k)
            continue;
          const [table, row, column] = address.split('\u0000');
          forced.set(table, [...(forced.get(table) ?? []), { row, column }]);
        }
      }
      return forced;
    });
    const answers = protectFamily(departments.length, snapshot.cells, (i, forced) => build(i, { k, applied: true, forced }), initial);
    const family = new Map(departments.map((department, i) => [department, answers[i].report]));
    if (this.families.size >= 256) {
      const oldest = this.families.keys().next().value!;
      this.families.delete(oldest);
      this.figures.delete(oldest);
    }
    this.families.set(key, family);
    this.figures.set(
      key,
      answers.flatMap((answer) => publishedFigures(answer, snapshot.cells)),
    );
    return family;
  }

  private async find(manager: EntityManager, publicationId: string): Promise<Publication | null> {
    const rows: PublicationRow[] = await manager.query(`SELECT ${COLUMNS} FROM publications WHERE publication_id = $1`, [publicationId]);
    return rows.length > 0 ? toPublication(rows[0]) : null;
  }
}

const exactCache = new WeakMap<PublishedReport, Map<string, number | null>>();
const exactValues = (report: PublishedReport) => {
  const cached = exactCache.get(report);
  if (cached) return cached;
  const values = publishedValues(report);
  exactCache.set(report, values);
  return values;
};

/** Every cell of a report by `table\0row\0column`: its number, or null when suppressed. */
function publishedValues(report: PublishedReport): Map<string, number | null> {
  const values = new Map<string, number | null>();
  for (const table of report.tables) {
    for (const row of table.rows) {
      table.columns.forEach((column, i) => {
        // Medians, percentiles and shares are not counts: only the count columns of a table of hours.
        if (table.unit === 'count' || isCountColumn(column.key)) values.set([table.id, row.key, column.key].join('\u0000'), row.values[i]);
      });
    }
  }
  return values;
}

/** A national scope (no departments) sees every publication; a regional one only those of its departments (never a national report). */
const IN_SCOPE = (param: string) => `(cardinality(${param}::text[]) = 0 OR department = ANY(${param}::text[]))`;

const COLUMNS = 'publication_id, kind, period, department, as_of_position, k, published_at, sha256';

interface PublicationRow {
  publication_id: string;
  kind: ReportKind;
  period: string;
  department: string | null;
  as_of_position: string;
  k: number;
  published_at: Date;
  sha256: string;
}

const toPublication = (r: PublicationRow): Publication => ({
  publicationId: r.publication_id,
  kind: r.kind,
  period: r.period,
  department: r.department,
  asOfPosition: Number(r.as_of_position),
  k: r.k,
  publishedAt: r.published_at.toISOString(),
  sha256: r.sha256,
});

const notFound = () => new NotFound('not_found', 'Publicación no encontrada', 'Publication not found');
