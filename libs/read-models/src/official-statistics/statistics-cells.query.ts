import type { EntityManager } from 'typeorm';
import { DomainError } from '#domain';
import { STATISTICS_PROJECTION } from './statistics-ledger.projection.js';
import type { Cell } from './statistics-units.js';

/** Asked for a position the statistics have not reached yet (or that the log never had). */
export class PositionNotReached extends DomainError {
  readonly kind = 'conflict' as const;
  constructor(
    readonly requested: number,
    readonly reached: number,
  ) {
    super(
      'position_not_reached',
      `Las estadísticas aún no llegan a la posición ${requested} del registro (van en ${reached}); reintente en unos segundos`,
      `The statistics have not reached log position ${requested} yet (they are at ${reached}); retry in a few seconds`,
      [{ field: 'asOf', reason: `posterior a ${reached}`, reasonEn: `after ${reached}` }],
    );
  }
}

export interface CellRow extends Cell {
  n: number;
}

/**
 * While a capture runs, every sum records which cells (by index in their CellSet) it added: the cross-answer
 * disclosure control needs each published figure as a set of cells, not only its value. Synchronous only.
 */
const captures: number[][] = [];

export function captureCells<T>(compute: () => T): { value: T; cells: number[] } {
  captures.push([]);
  try {
    const value = compute();
    return { value, cells: captures[captures.length - 1] };
  } finally {
    captures.pop();
  }
}

/** The cells a report reads, with sums over any filter: a report is arithmetic over these rows only. */
export class CellSet {
  private readonly byMeasure = new Map<string, CellRow[]>();
  private readonly indexOf = new Map<CellRow, number>();

  constructor(readonly rows: readonly CellRow[]) {
    rows.forEach((row, index) => {
      this.indexOf.set(row, index);
      const list = this.byMeasure.get(row.measure);
      if (list) list.push(row);
      else this.byMeasure.set(row.measure, [row]);
    });
  }

  sum(measure: string, filter: Partial<Cell> = {}): number {
    let total = 0;
    for (const row of this.of(measure)) {
      if (!matches(row, filter)) continue;
      total += row.n;
      this.record(row);
    }
    return total;
  }

  /** Distinct values of one breakdown among a measure's cells with a nonzero count, sorted bytewise. */
  values(measure: string, dimension: keyof Cell, filter: Partial<Cell> = {}): string[] {
    const seen = new Set<string>();
    for (const row of this.of(measure)) if (row.n !== 0 && matches(row, filter)) seen.add(row[dimension]);
    return [...seen].sort();
  }

  /** The multiset of numeric values stored in d3 (hours to acceptance), expanded by their counts. */
  numbers(measure: string, filter: Partial<Cell> = {}): number[] {
    const values: number[] = [];
    for (const row of this.of(measure)) {
      if (!matches(row, filter)) continue;
      this.record(row);
      for (let i = 0; i < row.n; i++) values.push(Number(row.d3));
    }
    return values.sort((a, b) => a - b);
  }

  /** Only the cells of these departments (a regional reader's scope); null keeps every cell. */
  within(departments: readonly string[] | null): CellSet {
    return departments === null ? this : new CellSet(this.rows.filter((row) => departments.includes(row.dept)));
  }

  private record(row: CellRow): void {
    if (captures.length > 0 && row.n !== 0) captures[captures.length - 1].push(this.indexOf.get(row)!);
  }

  private of(measure: string): readonly CellRow[] {
    return this.byMeasure.get(measure) ?? [];
  }
}

function matches(row: Cell, filter: Partial<Cell>): boolean {
  for (const key in filter) if (row[key as keyof Cell] !== filter[key as keyof Cell]) return false;
  return true;
}

export interface StatisticsSnapshot {
  /** How many events of the log the cells reflect. */
  logPosition: number;
  /** When the log reached that position: the recording time of its last event. */
  loggedAt: string;
  cells: CellSet;
}

/**
 * Reads the cells of the given months, as of now or as of an earlier log position. Call inside a REPEATABLE READ
 * transaction so the checkpoint and the cells are one consistent snapshot.
 */
export async function readStatistics(
  manager: EntityManager,
  params: { periods: readonly string[]; department?: string | null; asOf?: number | null },
): Promise<StatisticsSnapshot> {
  const reached = await readStatisticsPosition(manager);
  const asOf = params.asOf ?? null;
  if (asOf !== null && asOf > reached) throw new PositionNotReached(asOf, reached);
  const logPosition = asOf ?? reached;
  const department = params.department ?? null;
  const rows: Array<CellRow & { department: string }> =
    asOf === null
      ? await manager.query(
          `SELECT measure, period, department AS dept, d1, d2, d3, n FROM stat_cells
        WHERE period = ANY($1::text[]) AND ($2::text IS NULL OR department = $2)`,
          [params.periods, department],
        )
      : await manager.query(
          `SELECT measure, period, department AS dept, d1, d2, d3, sum(sign)::int AS n FROM stat_ledger
        WHERE period = ANY($1::text[]) AND ($2::text IS NULL OR department = $2) AND log_position <= $3
        GROUP BY measure, period, department, d1, d2, d3 HAVING sum(sign) <> 0`,
          [params.periods, department, asOf],
        );
  // Both paths return the same cells in the same order, so a report is byte-identical whichever path built it.
  rows.sort(
    (a, b) =>
      compare(a.measure, b.measure) ||
      compare(a.period, b.period) ||
      compare(a.dept, b.dept) ||
      compare(a.d1, b.d1) ||
      compare(a.d2, b.d2) ||
      compare(a.d3, b.d3),
  );
  return { logPosition, loggedAt: await loggedAt(manager, logPosition), cells: new CellSet(rows) };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function readStatisticsPosition(manager: EntityManager): Promise<number> {
  const rows: Array<{ position: string }> = await manager.query(
    `SELECT events_processed + events_skipped_unknown AS position FROM projection_checkpoints WHERE projection_name = $1`,
    [STATISTICS_PROJECTION],
  );
  return Number(rows[0]?.position ?? 0);
}

/** When the log reached the position: the recording time of the last event at or before it. */
async function loggedAt(manager: EntityManager, position: number): Promise<string> {
  // Two chunks: events of unknown types leave no entry, so the chunk holding P may start after it.
  const rows: Array<{ positions: string[]; recorded_at: Date[] }> = await manager.query(
    `SELECT positions::text[] AS positions, recorded_at FROM stat_log_times WHERE first_position <= $1
      ORDER BY first_position DESC LIMIT 2`,
    [position],
  );
  let at = new Date(0);
  let best = 0;
  for (const { positions, recorded_at: times } of rows) {
    positions.forEach((p, i) => {
      if (Number(p) <= position && Number(p) > best) [best, at] = [Number(p), times[i]];
    });
  }
  return at.toISOString();
}
