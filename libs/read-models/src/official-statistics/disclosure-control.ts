import { findDisclosures } from './disclosure-checker.js';
import {
  TOTAL_KEY,
  TOTAL_LABEL,
  type CountTable,
  type DisclosureSettings,
  type PublishedTable,
  type SuppressedCell,
  type SuppressionReason,
} from './stat-table.js';
import {
  marginRank,
  relationCells,
  relationContains,
  tableLayout,
  tableRelations,
  type CellPosition,
  type TableLayout,
  type TableRelation,
} from './table-relations.js';

export const DISCLOSURE_METHOD =
  'Supresión primaria de las celdas con 1..k−1 (totales incluidos) y complementaria por filas y columnas hasta que ' +
  'ninguna celda suprimida se pueda deducir de los totales publicados / primary suppression of cells counting ' +
  '1..k−1 (totals included) and complementary suppression along rows and columns until no suppressed cell can be ' +
  'derived from the published totals';

/** Exact publication (operational users of their own scope): margins added, nothing suppressed. */
export function publishExact(table: CountTable): PublishedTable {
  const grid = withMargins(table);
  return render(
    table,
    grid,
    grid.map((row) => row.map(() => null)),
  );
}

/**
 * Analyst/export publication: primary + complementary suppression. `alsoSuppress` names cells (by row and column
 * key, margins included) to suppress from the start, e.g. a total another table of the same report had to hide.
 */
export function publishWithDisclosureControl(
  table: CountTable,
  k: number,
  alsoSuppress: ReadonlyArray<{ row: string; column: string }> = [],
): PublishedTable {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  const grid = withMargins(table);
  const reasons: Array<Array<SuppressionReason | null>> = grid.map((row) =>
    row.map((value) => (value >= 1 && value < k ? 'primary' : null)),
  );
  const exact = render(table, grid, reasons);
  for (const forced of alsoSuppress) {
    const row = exact.rows.findIndex((r) => r.key === forced.row);
    const column = exact.columns.findIndex((c) => c.key === forced.column);
    if (row >= 0 && column >= 0 && grid[row][column] > 0 && reasons[row][column] === null) reasons[row][column] = 'complementary';
  }
  const layout = tableLayout(exact);
  const relations = tableRelations(layout);
  const rowIndex = new Map(exact.rows.map((row, index) => [row.key, index]));
  const columnIndex = new Map(exact.columns.map((column, index) => [column.key, index]));
  const state: SuppressionState = { grid, reasons, layout, relations };

  // Terminates: every round suppresses at least one more nonzero cell, and once every nonzero cell touching a
  // relation with a suppressed cell is suppressed, only zeros are published there and nothing can be found.
  for (let published = render(table, grid, reasons); ; published = render(table, grid, reasons)) {
    const findings = findDisclosures(published, k);
    if (findings.length === 0) return published;
    if (findings.some((finding) => finding.problem === 'small_cell_published')) {
      throw new Error(`Table ${table.id}: a small count was published`);
    }
    const cells: CellPosition[] = [];
    for (const finding of findings) {
      const cell = { row: rowIndex.get(finding.row) ?? -1, column: columnIndex.get(finding.column) ?? -1 };
      const last = cells[cells.length - 1];
      if (!last || last.row !== cell.row || last.column !== cell.column) cells.push(cell);
    }
    suppressComplements(state, cells);
  }
}

export function publishTable(table: CountTable, settings: DisclosureSettings): PublishedTable {
  return settings.applied ? publishWithDisclosureControl(table, settings.k, settings.forced?.get(table.id) ?? []) : publishExact(table);
}

interface SuppressionState {
  grid: number[][];
  reasons: Array<Array<SuppressionReason | null>>;
  layout: TableLayout;
  relations: TableRelation[];
}

/**
 * One complementary suppression per exposed cell, in a relation that exposes it (it is the relation's only
 * suppressed cell, or the relation pins its suppressed cells to 1). Exposure is re-read after each suppression, so
 * two cells exposed by the same relation get one complement. A cell exposed only through longer chains of
 * relations gets one in any of its relations, and failing that any relation already holding a suppression does.
 */
function suppressComplements(state: SuppressionState, cells: CellPosition[]): void {
  const suppress = (cell: CellPosition) => (state.reasons[cell.row][cell.column] = 'complementary');
  const relationsOf = (cell: CellPosition) => state.relations.filter((relation) => relationContains(relation, cell));
  let added = false;
  for (const cell of cells) {
    const exposing = relationsOf(cell).filter((relation) => exposes(state, relation));
    const complement = exposing.map((relation) => bestCandidate(state, [relation])).find((found) => found !== null);
    if (complement) {
      suppress(complement);
      added = true;
    }
  }
  if (added) return;
  const holding = state.relations.filter((relation) => relationCells(relation).some((c) => isSuppressed(state, c)));
  const complement = bestCandidate(state, relationsOf(cells[0])) ?? bestCandidate(state, holding);
  if (!complement) throw new Error('Disclosure control found no cell left to suppress');
  suppress(complement);
}

function exposes(state: SuppressionState, relation: TableRelation): boolean {
  const hidden = relationCells(relation).filter((cell) => isSuppressed(state, cell));
  if (hidden.length === 1) return true;
  if (isSuppressed(state, relation.total)) return false;
  const residual = relation.parts.reduce(
    (rest, cell) => rest - (isSuppressed(state, cell) ? 0 : valueAt(state, cell)),
    valueAt(state, relation.total),
  );
  return hidden.length > 0 && residual === hidden.length;
}

/** The smallest nonzero published cell of the relations: body cells before totals, then by row and column order. */
function bestCandidate(state: SuppressionState, relations: TableRelation[]): CellPosition | null {
  let best: CellPosition | null = null;
  for (const cell of relations.flatMap(relationCells)) {
    if (isSuppressed(state, cell) || valueAt(state, cell) === 0) continue;
    if (best === null || compareCandidates(state, cell, best) < 0) best = cell;
  }
  return best;
}

function compareCandidates(state: SuppressionState, a: CellPosition, b: CellPosition): number {
  return (
    marginRank(state.layout, a) - marginRank(state.layout, b) ||
    valueAt(state, a) - valueAt(state, b) ||
    a.row - b.row ||
    a.column - b.column
  );
}

const isSuppressed = (state: SuppressionState, cell: CellPosition) => state.reasons[cell.row][cell.column] !== null;
const valueAt = (state: SuppressionState, cell: CellPosition) => state.grid[cell.row][cell.column];

/** The counts with the total column (row sums) and total row (column sums) appended when the table has them. */
function withMargins(table: CountTable): number[][] {
  if (table.counts.length !== table.rows.length || table.counts.some((row) => row.length !== table.columns.length)) {
    throw new RangeError(`Table ${table.id}: counts must be ${table.rows.length} rows × ${table.columns.length} columns`);
  }
  if (table.counts.some((row) => row.some((value) => !Number.isSafeInteger(value) || value < 0))) {
    throw new RangeError(`Table ${table.id}: counts must be non-negative integers`);
  }
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const grid = table.counts.map((row) => (table.totalColumn ? [...row, sum(row)] : [...row]));
  if (table.totalRow) {
    const width = table.columns.length + (table.totalColumn ? 1 : 0);
    grid.push(Array.from({ length: width }, (_, column) => sum(grid.map((row) => row[column]))));
  }
  return grid;
}

function render(table: CountTable, grid: number[][], reasons: Array<Array<SuppressionReason | null>>): PublishedTable {
  const total = () => ({ key: TOTAL_KEY, label: { ...TOTAL_LABEL } });
  const columns = [...table.columns.map((column) => ({ key: column.key, label: { ...column.label } }))];
  if (table.totalColumn) columns.push(total());
  const dimensions = [...table.rows.map((row) => ({ key: row.key, label: { ...row.label } }))];
  if (table.totalRow) dimensions.push(total());
  const suppressed: SuppressedCell[] = [];
  const rows = dimensions.map((dimension, r) => ({
    ...dimension,
    values: grid[r].map((value, c) => {
      const reason = reasons[r][c];
      if (reason === null) return value;
      suppressed.push({ row: dimension.key, column: columns[c].key, reason });
      return null;
    }),
  }));
  return {
    id: table.id,
    title: { ...table.title },
    rowHeader: { ...table.rowHeader },
    unit: 'count',
    columns,
    rows,
    suppressed,
    ...(table.note ? { note: { ...table.note } } : {}),
  };
}
