import { determinedUnknowns } from './linear-system.js';
import { isCountColumn, type PublishedTable } from './stat-table.js';
import { tableLayout, tableRelations, type CellPosition, type TableRelation } from './table-relations.js';

export type DisclosureProblem = 'small_cell_published' | 'derivable' | 'pinned_by_bounds';

export interface DisclosureFinding {
  row: string;
  column: string;
  problem: DisclosureProblem;
  detail: string;
}

const PROBLEM_ORDER: DisclosureProblem[] = ['small_cell_published', 'derivable', 'pinned_by_bounds'];

/**
 * What an attacker can learn from a published count table, judged from the published table alone (never the exact
 * counts), so it can audit any publication: small counts published, suppressed cells the margins determine exactly,
 * and suppressed cells pinned to 1 because zeros are always published (every suppressed cell counts at least 1).
 * Findings come in row, then column order. Columns that are not counts (NON_COUNT_COLUMNS: medians, percentiles,
 * shares) have no additive margins: a table's count columns are checked without them.
 */
export function findDisclosures(table: PublishedTable, k: number): DisclosureFinding[] {
  const published = table.unit === 'count' ? table : countColumnsOf(table);
  if (published.columns.length === 0) return [];
  const relations = tableRelations(tableLayout(published));
  const valueAt = (cell: CellPosition) => published.rows[cell.row].values[cell.column];
  const found: Array<{ cell: CellPosition; problem: DisclosureProblem; detail: string }> = [];

  published.rows.forEach((row, r) =>
    row.values.forEach((value, c) => {
      if (value !== null && value >= 1 && value < k) {
        found.push({ cell: { row: r, column: c }, problem: 'small_cell_published', detail: `published count ${value} is below k=${k}` });
      }
    }),
  );

  const unknowns: CellPosition[] = [];
  const unknownIndex = new Map<string, number>();
  published.rows.forEach((row, r) =>
    row.values.forEach((value, c) => {
      if (value !== null) return;
      unknownIndex.set(cellId({ row: r, column: c }), unknowns.length);
      unknowns.push({ row: r, column: c });
    }),
  );
  const equations = relations
    .map((relation) => {
      const coefficients = new Array<number>(unknowns.length).fill(0);
      let involved = false;
      const terms = [...relation.parts.map((cell) => ({ cell, sign: 1 })), { cell: relation.total, sign: -1 }];
      for (const { cell, sign } of terms) {
        const index = unknownIndex.get(cellId(cell));
        if (index === undefined) continue;
        coefficients[index] += sign;
        involved = true;
      }
      return involved ? coefficients : null;
    })
    .filter((equation): equation is number[] => equation !== null);
  determinedUnknowns(equations, unknowns.length).forEach((determined, index) => {
    if (determined) found.push({ cell: unknowns[index], problem: 'derivable', detail: 'determined exactly by the published totals' });
  });

  const pinned = new Set<string>();
  for (const relation of relations) {
    const total = valueAt(relation.total);
    if (total === null) continue;
    const hidden = relation.parts.filter((cell) => valueAt(cell) === null);
    const residual = relation.parts.reduce((rest, cell) => rest - (valueAt(cell) ?? 0), total);
    if (hidden.length === 0 || residual !== hidden.length) continue;
    for (const cell of hidden) {
      if (pinned.has(cellId(cell))) continue;
      pinned.add(cellId(cell));
      const detail = `${describe(published, relation)} leaves ${residual} for ${hidden.length} suppressed cell(s): each is 1`;
      found.push({ cell, problem: 'pinned_by_bounds', detail });
    }
  }

  return found
    .sort(
      (a, b) =>
        a.cell.row - b.cell.row || a.cell.column - b.cell.column || PROBLEM_ORDER.indexOf(a.problem) - PROBLEM_ORDER.indexOf(b.problem),
    )
    .map(({ cell, problem, detail }) => ({
      row: published.rows[cell.row].key,
      column: published.columns[cell.column].key,
      problem,
      detail,
    }));
}

function cellId(cell: CellPosition): string {
  return `${cell.row}:${cell.column}`;
}

function describe(published: PublishedTable, relation: TableRelation): string {
  return relation.kind === 'row'
    ? `row '${published.rows[relation.total.row].key}'`
    : `column '${published.columns[relation.total.column].key}'`;
}

function countColumnsOf(table: PublishedTable): PublishedTable {
  const kept = table.columns.flatMap((column, index) => (isCountColumn(column.key) ? [index] : []));
  return {
    ...table,
    unit: 'count',
    columns: kept.map((index) => table.columns[index]),
    rows: table.rows.map((row) => ({ ...row, values: kept.map((index) => row.values[index]) })),
    suppressed: table.suppressed.filter((cell) => isCountColumn(cell.column)),
  };
}
