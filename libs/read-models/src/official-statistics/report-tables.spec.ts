import { describe, expect, it } from '@jest/globals';
import { findDisclosures } from './disclosure-checker.js';
import { l } from './labels.js';
import { linkedTables, type TableSpec } from './report-tables.js';
import { TOTAL_KEY } from './stat-table.js';

const oneColumn = (id: string, counts: number[]): TableSpec => ({
  id,
  title: l(id, id),
  rowHeader: l('Fila', 'Row'),
  totalRow: true,
  rows: counts.map((_, i) => ({ key: `r${i}`, label: l(`r${i}`, `r${i}`) })),
  columns: [{ key: 'n', label: l('N', 'N') }],
  count: (row) => counts[Number(row.slice(1))],
});

const total = (table: { rows: Array<{ key: string; values: Array<number | null> }> }) =>
  table.rows.find((r) => r.key === TOTAL_KEY)!.values[0];

describe('tables that publish the same total', () => {
  const settings = { k: 5, applied: true };

  it('hide it in every table when one of them has to', () => {
    // Five ones pin each other when their total is published, so the first table must hide its total (5); the
    // second alone would publish that same 5, undoing the first table's protection.
    const [first, second] = linkedTables(
      [
        { spec: oneColumn('a', [1, 1, 1, 1, 1]), shared: { row: TOTAL_KEY, column: 'n' } },
        { spec: oneColumn('b', [5, 0]), shared: { row: TOTAL_KEY, column: 'n' } },
      ],
      settings,
    );
    expect(total(first)).toBeNull();
    expect(total(second)).toBeNull();
    for (const table of [first, second]) expect(findDisclosures(table, 5)).toEqual([]);
  });

  it('leave it published when every table can publish it', () => {
    const [first, second] = linkedTables(
      [
        { spec: oneColumn('a', [3, 9]), shared: { row: TOTAL_KEY, column: 'n' } },
        { spec: oneColumn('b', [12, 0]), shared: { row: TOTAL_KEY, column: 'n' } },
      ],
      settings,
    );
    expect([total(first), total(second)]).toEqual([12, 12]);
  });

  it('publish exact counts when disclosure control is off', () => {
    const [first] = linkedTables([{ spec: oneColumn('a', [1, 1, 1, 1, 1]), shared: { row: TOTAL_KEY, column: 'n' } }], {
      k: 5,
      applied: false,
    });
    expect(first.rows.map((r) => r.values[0])).toEqual([1, 1, 1, 1, 1, 5]);
  });
});
