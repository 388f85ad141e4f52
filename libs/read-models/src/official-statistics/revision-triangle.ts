import type { DataSource, EntityManager } from 'typeorm';
import { limaMonth } from '#domain';
import { l } from './labels.js';
import type { Label, PublishedReport } from './stat-table.js';

/**
 * How much published months move (issue 14, a data-quality indicator of late registration): for each month with
 * published monthly reports (one scope: all of Peru, or one department), its headline figures in every publication
 * of that month, oldest first, with the change since the first. Read from the publications' exact stored bytes,
 * so it says only what was published (a suppressed figure stays null).
 */
export interface HeadlineFigure {
  key: string;
  label: Label;
  /** Where the figure is in the monthly report: table id, row and column keys. */
  table: string;
  row: string;
  column: string;
}

export const HEADLINE_FIGURES: readonly HeadlineFigure[] = [
  { key: 'calls_received', label: l('Llamadas recibidas', 'Calls received'), table: 'hotline_calls', row: 'received', column: 'calls' },
  { key: 'denunciations', label: l('Denuncias', 'Denunciations'), table: 'denunciations_by_source', row: 'total', column: 'denunciations' },
  { key: 'victims', label: l('Víctimas', 'Victims'), table: 'victims_by_sex_age', row: 'total', column: 'total' },
  {
    key: 'investigations',
    label: l('Investigaciones abiertas', 'Prosecutions opened'),
    table: 'justice_activity',
    row: 'investigated',
    column: 'cases',
  },
  { key: 'sanctions', label: l('Sancionados', 'Sanctioned'), table: 'justice_activity', row: 'sanctioned', column: 'cases' },
];

export interface TrianglePublication {
  publicationId: string;
  publishedAt: string;
  asOfPosition: number;
  /** Months from the reported month to the month of publication (America/Lima): the triangle's column. */
  monthsAfter: number;
  /** The figures in HEADLINE_FIGURES order; null where suppressed (or absent from that version of the report). */
  values: Array<number | null>;
  /** Each value minus the first publication's; null unless both are numbers. */
  changes: Array<number | null>;
}

export interface RevisionTriangle {
  from: string;
  to: string;
  department: string | null;
  figures: Array<{ key: string; label: Label }>;
  months: Array<{ period: string; publications: TrianglePublication[] }>;
}

interface Row {
  publication_id: string;
  period: string;
  published_at: Date;
  as_of_position: string;
  content: string;
}

const monthIndex = (period: string) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;

function figureOf(report: PublishedReport, figure: HeadlineFigure): number | null {
  const table = report.tables.find((t) => t.id === figure.table);
  const column = table?.columns.findIndex((c) => c.key === figure.column) ?? -1;
  const value = table?.rows.find((r) => r.key === figure.row)?.values[column];
  return typeof value === 'number' ? value : null;
}

export async function revisionTriangle(
  db: DataSource | EntityManager,
  request: { from: string; to: string; department: string | null },
): Promise<RevisionTriangle> {
  const rows: Row[] = await db.query(
    `SELECT publication_id, period, published_at, as_of_position, content FROM publications
      WHERE kind = 'monthly' AND period BETWEEN $1 AND $2 AND department IS NOT DISTINCT FROM $3
      ORDER BY period, published_at, publication_id`,
    [request.from, request.to, request.department],
  );
  const months: RevisionTriangle['months'] = [];
  for (const row of rows) {
    let month = months.at(-1);
    if (month?.period !== row.period) months.push((month = { period: row.period, publications: [] }));
    const report = JSON.parse(row.content) as PublishedReport;
    const values = HEADLINE_FIGURES.map((figure) => figureOf(report, figure));
    const first = month.publications[0]?.values ?? values;
    const publishedAt = row.published_at.toISOString();
    month.publications.push({
      publicationId: row.publication_id,
      publishedAt,
      asOfPosition: Number(row.as_of_position),
      monthsAfter: monthIndex(limaMonth(publishedAt)) - monthIndex(row.period),
      values,
      changes: values.map((value, i) => (value !== null && first[i] !== null ? value - first[i]! : null)),
    });
  }
  return {
    ...request,
    figures: HEADLINE_FIGURES.map(({ key, label }) => ({ key, label })),
    months,
  };
}
