import type { PublishedReport, PublishedTable } from './stat-table.js';

/** A published value: a number, `x` when it was suppressed, null when the cell did not exist. */
export type RevisedValue = number | 'x' | null;

export interface CellRevision {
  table: string;
  row: string;
  column: string;
  published: RevisedValue;
  current: RevisedValue;
}

/**
 * Every cell whose published value differs between two versions of one report, in the published order, then
 * cells that only the newer version has. Tables, rows and columns are matched by key, never by position.
 */
export function diffReports(published: PublishedReport, current: PublishedReport): CellRevision[] {
  const before = cellValues(published.tables);
  const after = cellValues(current.tables);
  const changes: CellRevision[] = [];
  for (const [address, value] of before) {
    const now = after.get(address) ?? null;
    if (now !== value) changes.push({ ...split(address), published: value, current: now });
  }
  for (const [address, value] of after) {
    if (!before.has(address)) changes.push({ ...split(address), published: null, current: value });
  }
  return changes;
}

const SEPARATOR = '\u0000';

function cellValues(tables: readonly PublishedTable[]): Map<string, RevisedValue> {
  const values = new Map<string, RevisedValue>();
  for (const table of tables) {
    for (const row of table.rows) {
      table.columns.forEach((column, i) => {
        const value = row.values[i];
        values.set([table.id, row.key, column.key].join(SEPARATOR), value === null ? 'x' : value);
      });
    }
  }
  return values;
}

function split(address: string): { table: string; row: string; column: string } {
  const [table, row, column] = address.split(SEPARATOR);
  return { table, row, column };
}
