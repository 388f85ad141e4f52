import { TOTAL_KEY, type PublishedTable } from './stat-table.js';

/** A cell of a published table by position; rows and columns include the margins. */
export interface CellPosition {
  row: number;
  column: number;
}

/** What anyone reading the table knows: the parts of a relation add up to its total. */
export interface TableRelation {
  /** `row`: the cells of a row add up to its total column cell; `column`: likewise down a column. */
  kind: 'row' | 'column';
  parts: CellPosition[];
  total: CellPosition;
}

export interface TableLayout {
  bodyRows: number;
  bodyColumns: number;
  totalRow: boolean;
  totalColumn: boolean;
}

/** Where the margins are, read from the published table alone (the `total` key is reserved for them). */
export function tableLayout(table: Pick<PublishedTable, 'rows' | 'columns'>): TableLayout {
  const totalRow = table.rows.length > 0 && table.rows[table.rows.length - 1].key === TOTAL_KEY;
  const totalColumn = table.columns.length > 0 && table.columns[table.columns.length - 1].key === TOTAL_KEY;
  return {
    bodyRows: table.rows.length - (totalRow ? 1 : 0),
    bodyColumns: table.columns.length - (totalColumn ? 1 : 0),
    totalRow,
    totalColumn,
  };
}

/**
 * Every additive relation the margins reveal, rows first, then columns, each in table order. With both margins the
 * total row is a row like any other (its cells add up to the grand total): that relation is implied by the others,
 * but an attacker reasoning relation by relation (bounds) uses it too.
 */
export function tableRelations(layout: TableLayout): TableRelation[] {
  const { bodyRows, bodyColumns } = layout;
  const rowCount = bodyRows + (layout.totalRow ? 1 : 0);
  const columnCount = bodyColumns + (layout.totalColumn ? 1 : 0);
  const relations: TableRelation[] = [];
  if (layout.totalColumn && bodyColumns > 0) {
    for (let row = 0; row < rowCount; row++) {
      const parts = Array.from({ length: bodyColumns }, (_, column) => ({ row, column }));
      relations.push({ kind: 'row', parts, total: { row, column: bodyColumns } });
    }
  }
  if (layout.totalRow && bodyRows > 0) {
    for (let column = 0; column < columnCount; column++) {
      const parts = Array.from({ length: bodyRows }, (_, row) => ({ row, column }));
      relations.push({ kind: 'column', parts, total: { row: bodyRows, column } });
    }
  }
  return relations;
}

/** 0 for a body cell, 1 for a row or column total, 2 for the grand total: complementary suppression prefers low. */
export function marginRank(layout: TableLayout, cell: CellPosition): number {
  const inTotalRow = layout.totalRow && cell.row === layout.bodyRows;
  const inTotalColumn = layout.totalColumn && cell.column === layout.bodyColumns;
  return (inTotalRow ? 1 : 0) + (inTotalColumn ? 1 : 0);
}

export function relationCells(relation: TableRelation): CellPosition[] {
  return [...relation.parts, relation.total];
}

export function relationContains(relation: TableRelation, cell: CellPosition): boolean {
  return relationCells(relation).some((c) => c.row === cell.row && c.column === cell.column);
}
