import { assistanceTables } from './assistance-tables.js';
import { describe, expect, it } from '@jest/globals';
import { findDisclosures } from './disclosure-checker.js';
import { l } from './labels.js';
import { linkedTables, operationsTable, type TableSpec } from './report-tables.js';
import { CellSet, type CellRow } from './statistics-cells.query.js';
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

describe('police operations by department', () => {
  const departments = ['01', '02', '03'].map((key) => ({ key, label: l(key, key) }));
  const row = (measure: string, dept: string, n: number): CellRow => ({ measure, period: '2025-03', dept, d1: '', d2: '', d3: '', n });
  // 01: two operations, 40 rescued, 6 detained; 02: twelve operations, 3 rescued, 30 detained; 03: nine, 20 and 25.
  const cells = new CellSet([
    row('operation.conducted', '01', 2),
    row('operation.rescued', '01', 40),
    row('operation.detained', '01', 6),
    row('operation.conducted', '02', 12),
    row('operation.rescued', '02', 3),
    row('operation.detained', '02', 30),
    row('operation.conducted', '03', 9),
    row('operation.rescued', '03', 20),
    row('operation.detained', '03', 25),
  ]);
  const values = (table: ReturnType<typeof operationsTable>) => Object.fromEntries(table.rows.map((r) => [r.key, r.values]));

  it('publishes exact operations and sums of people without disclosure control', () => {
    const table = operationsTable(cells, { period: '2025-03' }, departments, { k: 5, applied: false });
    expect(values(table)).toEqual({ '01': [2, 40, 6], '02': [12, 3, 30], '03': [9, 20, 25], total: [23, 63, 61] });
  });

  it('hides few people like a small count, and never publishes the sums of few operations', () => {
    const table = operationsTable(cells, { period: '2025-03' }, departments, { k: 5, applied: true });
    const published = values(table);
    // Two operations: their 40 rescued and 6 detained would be those operations' own figures.
    expect(published['01']).toEqual([null, null, null]);
    // Three people rescued: a small count of people, hidden although twelve operations are published.
    expect(published['02'][0]).toBe(12);
    expect(published['02'][1]).toBeNull();
    expect(findDisclosures(table, 5)).toEqual([]);
    // The margins still determine nothing: complements were suppressed in every column.
    for (const column of [0, 1, 2]) expect(table.rows.filter((r) => r.values[column] === null).length).toBeGreaterThanOrEqual(2);
  });
});

describe("victims' assistance tables", () => {
  const departments = ['01', '02', '03'].map((key) => ({ key, label: l(key, key) }));
  const act = (dept: string, column: string, sex: string, age: string, n: number): CellRow => ({
    measure: 'assistance.act',
    period: '2025-03',
    dept,
    d1: column,
    d2: sex,
    d3: age,
    n,
  });
  const cells = new CellSet([
    act('01', 'services', 'female', '18-24', 7),
    act('02', 'services', 'male', '25-29', 6),
    act('03', 'services', 'female', '18-24', 2),
    act('01', 'sheltered', 'female', '12-17', 9),
    { measure: 'assistance.service', period: '2025-03', dept: '01', d1: 'health', d2: '', d3: '', n: 7 },
    { measure: 'assistance.service', period: '2025-03', dept: '02', d1: 'legal', d2: '', d3: '', n: 6 },
    { measure: 'assistance.service', period: '2025-03', dept: '03', d1: 'health', d2: '', d3: '', n: 2 },
  ]);
  const totals = (tables: ReturnType<typeof assistanceTables>, column: string) =>
    tables.map((t) => t.rows.find((r) => r.key === 'total')!.values[t.columns.findIndex((c) => c.key === column)]);

  it('counts acts by department, sex, age and service, exactly for operational users', () => {
    const tables = assistanceTables(cells, { period: '2025-03' }, departments, { k: 5, applied: false });
    expect(tables.map((t) => t.id)).toEqual([
      'victim_assistance_by_department',
      'victim_assistance_by_sex',
      'victim_assistance_by_age',
      'victim_assistance_services',
    ]);
    expect(totals(tables, 'services')).toEqual([15, 15, 15, 15]);
    expect(totals(tables.slice(0, 3), 'sheltered')).toEqual([9, 9, 9]);
  });

  it('publishes a column total in every table or in none, leaves nothing derivable, and publishes a table of zeros as it is', () => {
    const tables = assistanceTables(cells, { period: '2025-03' }, departments, { k: 5, applied: true });
    for (const table of tables) expect(findDisclosures(table, 5)).toEqual([]);
    const services = new Set(totals(tables, 'services').map((v) => v === null));
    expect(services.size).toBe(1);
    const zeros = assistanceTables(new CellSet([]), { period: '2025-03' }, departments, { k: 5, applied: true });
    expect(zeros).toEqual(assistanceTables(new CellSet([]), { period: '2025-03' }, departments, { k: 5, applied: false }));
  });
});
