/**
 * The shape every official statistic takes on its way out: exact count tables (what the queries compute),
 * published tables (after disclosure control) and reports (published tables plus where and when they come from).
 * Reports, exports, publications and revisions all speak this one shape, so a cell has one address everywhere:
 * `(table id, row key, column key)`.
 */

/** What a user reads: Spanish first, English available. */
export interface Label {
  es: string;
  en: string;
}

export interface Dimension {
  /** A code on the wire (`15`, `female`, `sexual_exploitation`, `2025-03`, `unknown`), stable across versions. */
  key: string;
  label: Label;
}

/** Exact counts as computed from the log. Never leaves the registry for analysts without disclosure control. */
export interface CountTable {
  id: string;
  title: Label;
  /** Header of the first column, naming what the rows are (Departamento, Sexo, …). */
  rowHeader: Label;
  rows: Dimension[];
  columns: Dimension[];
  /** counts[row][column], non-negative integers. */
  counts: number[][];
  /** Each unit counted falls in exactly one row: a total row (the column sums) is published. */
  totalRow: boolean;
  /** Each unit counted falls in exactly one column: a total column (the row sums) is published. */
  totalColumn: boolean;
  /** Shown under the table: what is counted and by which date. */
  note?: Label;
}

/**
 * Columns that are not counts (a share, a median, a percentile): no margin adds them up, the disclosure checkers
 * skip them, and a table holding one has `unit: 'hours'`. Each is shown only where the counts it rests on are.
 */
export const NON_COUNT_COLUMNS: ReadonlySet<string> = new Set(['median_hours', 'p90_hours', 'on_time_share']);
export const isCountColumn = (key: string) => !NON_COUNT_COLUMNS.has(key);

export type SuppressionReason = 'primary' | 'complementary';

export interface SuppressedCell {
  row: string;
  column: string;
  reason: SuppressionReason;
}

/** Key of the total row and of the total column in a published table. */
export const TOTAL_KEY = 'total';
export const TOTAL_LABEL: Label = { es: 'Total', en: 'Total' };
export const UNKNOWN_KEY = 'unknown';
export const UNKNOWN_LABEL: Label = { es: 'Sin información', en: 'Unknown' };

/**
 * A table as published: the total column and total row, when the table has them, are the last column and the
 * last row (key `total`). A suppressed cell's value is `null` and it is listed in `suppressed`.
 */
export interface PublishedTable {
  id: string;
  title: Label;
  rowHeader: Label;
  /**
   * `count`: every cell counts people or records. `hours`: some columns are not counts (NON_COUNT_COLUMNS: medians,
   * percentiles, shares), each suppressed when based on fewer than k or on a suppressed count.
   */
  unit: 'count' | 'hours';
  columns: Dimension[];
  rows: Array<Dimension & { values: Array<number | null> }>;
  suppressed: SuppressedCell[];
  note?: Label;
}

export interface DisclosureSettings {
  /** Cells counting 1..k−1 are suppressed. */
  k: number;
  /** False only for operational users who see exact counts of their own scope. */
  applied: boolean;
  /**
   * Cells to suppress from the start, by table id (row and column keys, margins included): the complements the
   * cross-answer control (answer-family.ts) found necessary. Never published itself.
   */
  forced?: ReadonlyMap<string, ReadonlyArray<{ row: string; column: string }>>;
}

export type ReportKind = 'monthly' | 'inei-annual';

export interface PublishedReport {
  kind: ReportKind;
  title: Label;
  /** `YYYY-MM` for a monthly report, `YYYY` for the annual tables; by occurredAt in America/Lima. */
  period: string;
  /** Two-digit department code when the report is limited to one department, else null (all of Peru). */
  department: string | null;
  /** Number of events of the log (in its gap-safe order) the report reflects; `asOf=` reproduces it. */
  asOfPosition: number;
  /**
   * When the log reached asOfPosition (the recording time of the latest event counted), not the wall clock:
   * the same position always yields the same bytes. Under disclosure control, rounded down to the start of its
   * day in Lima (no output for analysts dates an event finer than the day).
   */
  generatedAt: string;
  disclosureControl: Pick<DisclosureSettings, 'k' | 'applied'> & { method: string };
  source: string;
  tables: PublishedTable[];
}
