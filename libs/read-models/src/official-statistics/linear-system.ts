/**
 * Which unknowns of a linear system with integer coefficients are uniquely determined (whatever the right-hand
 * sides): x is determined iff the unit vector e_x lies in the row space, i.e. iff some row of the reduced row
 * echelon form has its only nonzero entry at x.
 *
 * The elimination is fraction-free (row := p·row − a·pivotRow, then divided by the gcd of its entries), so it is
 * exact. Margin relations form a totally unimodular matrix, so entries stay in {0, ±1}; the guard only protects
 * against misuse with other matrices.
 */
export function determinedUnknowns(equations: ReadonlyArray<readonly number[]>, unknownCount: number): boolean[] {
  const rows = equations.map((equation) => {
    if (equation.length !== unknownCount) throw new RangeError('Every equation needs one coefficient per unknown');
    return Array.from(equation);
  });
  let pivotRow = 0;
  for (let column = 0; column < unknownCount && pivotRow < rows.length; column++) {
    const found = rows.findIndex((row, index) => index >= pivotRow && row[column] !== 0);
    if (found < 0) continue;
    [rows[pivotRow], rows[found]] = [rows[found], rows[pivotRow]];
    const pivot = rows[pivotRow];
    for (let index = 0; index < rows.length; index++) {
      const factor = rows[index][column];
      if (index === pivotRow || factor === 0) continue;
      rows[index] = normalized(rows[index].map((value, j) => value * pivot[column] - pivot[j] * factor));
    }
    pivotRow++;
  }
  const determined = new Array<boolean>(unknownCount).fill(false);
  for (const row of rows) {
    let only = -1;
    let nonzero = 0;
    row.forEach((value, j) => {
      if (value !== 0) {
        nonzero++;
        only = j;
      }
    });
    if (nonzero === 1) determined[only] = true;
  }
  return determined;
}

function normalized(row: number[]): number[] {
  const divisor = row.reduce((g, value) => gcd(g, Math.abs(value)), 0);
  if (divisor <= 1) return assertSafe(row);
  return assertSafe(row.map((value) => value / divisor));
}

function assertSafe(row: number[]): number[] {
  if (!row.every(Number.isSafeInteger)) throw new RangeError('Coefficient growth beyond exact integer range');
  return row;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
