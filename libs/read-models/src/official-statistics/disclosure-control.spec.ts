import { describe, expect, it } from '@jest/globals';
import { seededRandom } from '#test-support/random.js';
import { findDisclosures } from './disclosure-checker.js';
import { DISCLOSURE_METHOD, publishExact, publishTable, publishWithDisclosureControl } from './disclosure-control.js';
import { TOTAL_KEY, type CountTable, type PublishedTable } from './stat-table.js';

const label = (text: string) => ({ es: text, en: text });

function countTable(counts: number[][], totalRow = true, totalColumn = true): CountTable {
  return {
    id: 'test-table',
    title: label('Test'),
    rowHeader: label('Row'),
    rows: counts.map((_, r) => ({ key: `r${r}`, label: label(`Row ${r}`) })),
    columns: (counts[0] ?? []).map((_, c) => ({ key: `c${c}`, label: label(`Column ${c}`) })),
    counts,
    totalRow,
    totalColumn,
  };
}

/** A hand-made publication for the checker: `rows` already carry the margins as their last row/column. */
function publication(rows: Array<Array<number | null>>, totalRow: boolean, totalColumn: boolean): PublishedTable {
  const width = rows[0].length;
  const key = (index: number, count: number, prefix: string, total: boolean) =>
    total && index === count - 1 ? TOTAL_KEY : `${prefix}${index}`;
  return {
    id: 'hand-made',
    title: label('Hand made'),
    rowHeader: label('Row'),
    unit: 'count',
    columns: Array.from({ length: width }, (_, c) => ({ key: key(c, width, 'c', totalColumn), label: label('') })),
    rows: rows.map((values, r) => ({ key: key(r, rows.length, 'r', totalRow), label: label(''), values })),
    suppressed: [],
  };
}

const values = (table: PublishedTable) => table.rows.map((row) => row.values);
const summary = (table: PublishedTable) => findDisclosures(table, 5).map((f) => `${f.row}/${f.column}:${f.problem}`);

describe('publishExact', () => {
  it('publishes every value with the row sums as last column and the column sums as last row', () => {
    const published = publishExact(
      countTable([
        [0, 2, 7],
        [12, 1, 0],
      ]),
    );
    expect(published.columns.map((c) => c.key)).toEqual(['c0', 'c1', 'c2', TOTAL_KEY]);
    expect(published.rows.map((r) => r.key)).toEqual(['r0', 'r1', TOTAL_KEY]);
    expect(values(published)).toEqual([
      [0, 2, 7, 9],
      [12, 1, 0, 13],
      [12, 3, 7, 22],
    ]);
    expect(published.suppressed).toEqual([]);
    expect(published.unit).toBe('count');
  });

  it('adds only the margins the table declares', () => {
    expect(
      values(
        publishExact(
          countTable(
            [
              [1, 2],
              [3, 4],
            ],
            true,
            false,
          ),
        ),
      ),
    ).toEqual([
      [1, 2],
      [3, 4],
      [4, 6],
    ]);
    expect(
      values(
        publishExact(
          countTable(
            [
              [1, 2],
              [3, 4],
            ],
            false,
            true,
          ),
        ),
      ),
    ).toEqual([
      [1, 2, 3],
      [3, 4, 7],
    ]);
    expect(
      values(
        publishExact(
          countTable(
            [
              [1, 2],
              [3, 4],
            ],
            false,
            false,
          ),
        ),
      ),
    ).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('is what publishTable gives when disclosure control is not applied', () => {
    const table = countTable([
      [0, 2, 7],
      [12, 1, 0],
    ]);
    expect(publishTable(table, { k: 5, applied: false })).toEqual(publishExact(table));
    expect(publishTable(table, { k: 5, applied: true })).toEqual(publishWithDisclosureControl(table, 5));
    expect(DISCLOSURE_METHOD).toMatch(/complementar/);
  });
});

describe('publishWithDisclosureControl', () => {
  it('suppresses exactly the cells counting 1..k−1 as primary, margins included, and publishes zeros', () => {
    const published = publishWithDisclosureControl(
      countTable([
        [0, 2, 7],
        [12, 1, 0],
      ]),
      5,
    );
    const primary = published.suppressed.filter((s) => s.reason === 'primary').map((s) => `${s.row}/${s.column}`);
    expect(primary).toEqual(['r0/c1', 'r1/c1', 'total/c1']);
    expect(published.rows[0].values[0]).toBe(0);
    expect(published.rows[1].values[2]).toBe(0);
    expect(findDisclosures(published, 5)).toEqual([]);
  });

  it('suppresses small totals too, and a table of ones stays consistent', () => {
    const published = publishWithDisclosureControl(
      countTable([
        [1, 0],
        [0, 0],
      ]),
      3,
    );
    expect(values(published)).toEqual([
      [null, 0, null],
      [0, 0, 0],
      [null, 0, null],
    ]);
    expect(published.suppressed.every((s) => s.reason === 'primary')).toBe(true);
    expect(findDisclosures(published, 3)).toEqual([]);
  });

  it('protects a single small cell with complements in its row and in its column', () => {
    const published = publishWithDisclosureControl(
      countTable([
        [10, 2, 15],
        [20, 30, 25],
        [12, 40, 18],
      ]),
      5,
    );
    const complementary = published.suppressed.filter((s) => s.reason === 'complementary');
    expect(published.suppressed).toContainEqual({ row: 'r0', column: 'c1', reason: 'primary' });
    expect(complementary.some((s) => s.row === 'r0')).toBe(true);
    expect(complementary.some((s) => s.column === 'c1')).toBe(true);
    expect(findDisclosures(published, 5)).toEqual([]);
    expect(
      findDisclosures(
        publishExact(
          countTable([
            [10, 2, 15],
            [20, 30, 25],
            [12, 40, 18],
          ]),
        ),
        5,
      ),
    ).toHaveLength(1);
  });

  it('is deterministic', () => {
    const counts = [
      [3, 0, 14, 2],
      [9, 1, 0, 40],
      [0, 6, 7, 8],
      [22, 3, 1, 0],
    ];
    expect(publishWithDisclosureControl(countTable(counts), 5)).toEqual(publishWithDisclosureControl(countTable(counts), 5));
    expect(JSON.stringify(publishWithDisclosureControl(countTable(counts), 5))).toBe(
      JSON.stringify(publishWithDisclosureControl(countTable(counts.map((row) => [...row])), 5)),
    );
  });

  it('leaves nothing to find on 300 random tables, with every published value exact', () => {
    const random = seededRandom(20250301);
    const margins = [
      [true, true],
      [true, false],
      [false, true],
      [false, false],
    ] as const;
    let suppressedCells = 0;
    for (let index = 0; index < 300; index++) {
      const [totalRow, totalColumn] = margins[index % 4];
      const k = random.pick([3, 5, 10]);
      const skew = random.pick([0.3, 0.6, 0.85]);
      const rowCount = random.int(1, 25);
      const columnCount = random.chance(0.15) ? 1 : random.int(1, 13);
      const counts = Array.from({ length: rowCount }, () =>
        Array.from({ length: columnCount }, () =>
          random.chance(skew) ? random.int(0, 6) : random.chance(0.7) ? random.int(7, 40) : random.int(41, 900),
        ),
      );
      const table = countTable(counts, totalRow, totalColumn);
      const exact = values(publishExact(table));
      const published = publishWithDisclosureControl(table, k);
      expect(findDisclosures(published, k)).toEqual([]);
      const nulls: string[] = [];
      published.rows.forEach((row, r) =>
        row.values.forEach((value, c) => {
          const truth = exact[r][c];
          if (value === null) {
            nulls.push(`${row.key}/${published.columns[c].key}`);
            expect(truth).toBeGreaterThanOrEqual(1);
          } else {
            expect(value).toBe(truth);
            expect(value >= 1 && value < k).toBe(false);
          }
        }),
      );
      expect(published.suppressed.map((s) => `${s.row}/${s.column}`)).toEqual(nulls);
      for (const cell of published.suppressed) {
        const r = published.rows.findIndex((row) => row.key === cell.row);
        const truth = exact[r][published.columns.findIndex((column) => column.key === cell.column)];
        expect(cell.reason).toBe(truth !== null && truth < k ? 'primary' : 'complementary');
      }
      suppressedCells += nulls.length;
    }
    expect(suppressedCells).toBeGreaterThan(1000);
  });
});

describe('findDisclosures', () => {
  it('finds a suppressed cell that is the only one in a row with a total', () => {
    expect(summary(publication([[5, null, 7, 20]], false, true))).toEqual(['r0/c1:derivable']);
  });

  it('finds two suppressed cells that the residual pins to 1', () => {
    expect(summary(publication([[null, null, 9, 11]], false, true))).toEqual(['r0/c0:pinned_by_bounds', 'r0/c1:pinned_by_bounds']);
    expect(summary(publication([[null, null, 9, 13]], false, true))).toEqual([]);
  });

  it('finds a small count published', () => {
    expect(summary(publication([[3, 9, 12]], false, true))).toEqual(['r0/c0:small_cell_published']);
  });

  it('checks one-column tables with a total row', () => {
    expect(summary(publication([[null], [8], [9], [20]], true, false))).toEqual(['r0/c0:derivable']);
    expect(summary(publication([[null], [8], [null], [20]], true, false))).toEqual([]);
  });

  it('finds a cell determined only by combining relations (a bridge between two suppression cycles)', () => {
    // 4×4 body of tens with both margins; two 2×2 suppression cycles joined by the single cell r0/c2.
    const cell = (r: number, c: number): number | null => (r === 4 || c === 4 ? (r === c ? 160 : 40) : 10);
    const rows = Array.from({ length: 5 }, (_, r) => Array.from({ length: 5 }, (_, c) => cell(r, c)));
    for (const [r, c] of [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [2, 2],
      [2, 3],
      [3, 2],
      [3, 3],
      [0, 2],
    ])
      rows[r][c] = null;
    expect(summary(publication(rows, true, true))).toEqual(['r0/c2:derivable']);
    rows[1][2] = null;
    expect(summary(publication(rows, true, true))).toEqual([]);
  });

  it('finds nothing when every suppressed cell has company in each of its relations', () => {
    expect(
      summary(
        publication(
          [
            [null, null, 20],
            [null, null, 30],
            [25, 25, 50],
          ],
          true,
          true,
        ),
      ),
    ).toEqual([]);
  });
});
