import type { Figure, HotlineStatistics, Provenance, Report, ReportTable } from './types.js';

/** Every month from `from` to `to` (YYYY-MM), inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  const months: string[] = [];
  for (let i = index(from); i <= index(to); i++) months.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  return months;
}

export function table(report: Report | undefined, id: string): ReportTable | undefined {
  return report?.tables.find((t) => t.id === id);
}

/** One cell by its address (row key, column key): null is a suppressed cell, undefined a cell the table lacks. */
export function cell(tableOf: ReportTable | undefined, row: string, column: string): Figure {
  if (!tableOf) return undefined;
  const c = tableOf.columns.findIndex((col) => col.key === column);
  const r = tableOf.rows.find((candidate) => candidate.key === row);
  return r && c >= 0 ? r.values[c] : undefined;
}

/**
 * A figure over several months is the sum of the monthly reports' published cells. A month whose cell is
 * suppressed makes the sum unknown, so the sum is suppressed too: the console never fills in a hidden number.
 */
export function sum(figures: Figure[]): Figure {
  if (figures.length === 0 || figures.every((f) => f === undefined)) return undefined;
  if (figures.some((f) => f === null)) return null;
  return figures.reduce<number>((total, f) => total + (f ?? 0), 0);
}

/** The same table of every month summed cell by cell; rows are the union (nationalities differ by month). */
/**
 * Columns that are not counts (the report's NON_COUNT_COLUMNS: medians, percentiles, shares): one month's figure is
 * exact, but months cannot be added up, so a range of months shows only the counts of such a table.
 */
const NOT_SUMMABLE = new Set(['median_hours', 'p90_hours', 'on_time_share']);

export function sumTables(reports: Array<Report | undefined>, id: string): ReportTable | undefined {
  const tables = reports.map((r) => table(r, id));
  const present = tables.filter((t): t is ReportTable => t !== undefined);
  if (present.length === 0) return undefined;
  const [one] = present;
  const first = present.length === 1 ? one : { ...one, columns: one.columns.filter((column) => !NOT_SUMMABLE.has(column.key)) };
  const rowsByKey = new Map(present.flatMap((t) => t.rows).map((row) => [row.key, row]));
  const ordered = [...rowsByKey.values()].sort((a, b) => Number(a.key === 'total') - Number(b.key === 'total'));
  const rows = ordered.map((row) => ({
    ...row,
    values: first.columns.map((column) => {
      const figure = sum(present.map((t) => cell(t, row.key, column.key)));
      return figure === undefined ? 0 : figure; // never `?? 0`: that would turn a suppressed (null) sum into 0
    }),
  }));
  const suppressed = rows.flatMap((row) =>
    row.values.flatMap((v, i) => (v === null ? [{ row: row.key, column: first.columns[i].key, reason: 'primary' as const }] : [])),
  );
  return { ...first, rows, suppressed };
}

/** What the hotline endpoint says its figures reflect: the projection's checkpoint, or the asked-for position. */
export function hotlinePosition(statistics: HotlineStatistics): number {
  const asOf = statistics.asOf;
  return 'logPosition' in asOf ? asOf.logPosition : asOf.eventsProcessed;
}

export function reportsProvenance(period: string, reports: Array<Report | undefined>): Provenance {
  const present = reports.filter((r): r is Report => r !== undefined);
  const controlled = present.find((r) => r.disclosureControl.applied);
  return { period, positions: present.map((r) => r.asOfPosition), k: controlled ? controlled.disclosureControl.k : null };
}

export function hotlineProvenance(period: string, statistics: HotlineStatistics | undefined): Provenance {
  if (!statistics) return { period, positions: [], k: null };
  return {
    period,
    positions: [hotlinePosition(statistics)],
    k: statistics.disclosureControl.applied ? statistics.disclosureControl.k : null,
  };
}

export function mergeProvenance(period: string, ...parts: Provenance[]): Provenance {
  const k = parts.find((p) => p.k !== null)?.k ?? null;
  return { period, positions: parts.flatMap((p) => p.positions), k };
}

/** The current Lima month, YYYY-MM (Lima is UTC−5 all year). */
export function limaMonth(date = new Date()): string {
  return new Date(date.getTime() - 5 * 3600_000).toISOString().slice(0, 7);
}

export function shiftMonth(month: string, by: number): string {
  const i = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
