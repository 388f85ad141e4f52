/**
 * An attacker's view of every monthly report an analyst can obtain at one release point (national and every
 * department's), written for the tests and sharing no code with the disclosure control: the unknowns are the
 * suppressed cells; what the attacker knows are the published cells and the relations anyone can read off the
 * reports — margins, the totals linked tables share, national = Σ departments (+ the part of no department,
 * unknown to the attacker unless the report shows it is zero), and the national row of a department = that
 * department's total. It reports suppressed cells those relations determine exactly, and suppressed cells a
 * relation pins to 1 (zeros are always published, so a suppressed cell is at least 1).
 */
export interface CheckedTable {
  id: string;
  unit: string;
  columns: Array<{ key: string }>;
  rows: Array<{ key: string; values: Array<number | null> }>;
}
export interface CheckedReport {
  department: string | null;
  tables: CheckedTable[];
}

const T = 'total';
/** Columns that are not counts (medians, percentiles, shares): no relation adds them up. */
const NOT_COUNTS = ['median_hours', 'p90_hours', 'on_time_share'];
/** Tables whose national cell is the sum of the departments' same cell (and of the part with no department). */
const ADDITIVE = [
  'hotline_calls',
  'hotline_referrals',
  'referrals_by_status',
  'referral_speed',
  'referral_deadlines',
  'denunciations_by_source',
  'denunciations_by_purpose',
  'denunciations_by_offence_category',
  'denunciations_by_aggravating_circumstance',
  'justice_activity',
  'funnel',
  'network_suspects_by_role',
  'protection_measures_by_measure',
  ...['victim_assistance_by_sex', 'victim_assistance_by_age', 'victim_assistance_services'],
];
/** Of those, the ones counting denunciations (and their acts): the part with no department is the national `unknown` row. */
const OF_DENUNCIATIONS = [
  'denunciations_by_source',
  'denunciations_by_purpose',
  'denunciations_by_offence_category',
  'denunciations_by_aggravating_circumstance',
  'justice_activity',
  'funnel',
];
const SHARED: Array<Array<[string, string, string]>> = [
  [
    ['victims_by_sex_age', T, T],
    ['victims_by_nationality', T, 'victims'],
    ['victims_by_place_of_exploitation', T, T],
  ],
  [
    ['denunciations_by_source', T, 'denunciations'],
    ['denunciations_by_department', T, 'denunciations'],
    ['funnel', 'denunciation', 'denunciations'],
  ],
];

type Term = { cell: string; sign: number };

export function crossAnswerFindings(reports: readonly CheckedReport[]): string[] {
  const value = new Map<string, number | null>();
  const address = (r: number, table: string, row: string, column: string) => `${r}|${table}|${row}|${column}`;
  reports.forEach((report, r) => {
    for (const table of report.tables) {
      for (const row of table.rows) {
        table.columns.forEach((column, c) => {
          if (NOT_COUNTS.includes(column.key)) return;
          value.set(address(r, table.id, row.key, column.key), row.values[c]);
        });
      }
    }
  });
  const relations: Array<{ total: string; parts: string[]; slack: boolean }> = [];
  const equalities: Array<[string, string]> = [];

  reports.forEach((report, r) => {
    for (const table of report.tables) {
      const columns = table.columns.map((c) => c.key).filter((key) => !NOT_COUNTS.includes(key));
      const rows = table.rows.map((row) => row.key);
      const bodyColumns = columns.filter((key) => key !== T);
      const bodyRows = rows.filter((key) => key !== T);
      if (columns.includes(T))
        for (const row of rows)
          relations.push({
            total: address(r, table.id, row, T),
            parts: bodyColumns.map((c) => address(r, table.id, row, c)),
            slack: false,
          });
      if (rows.includes(T))
        for (const column of columns)
          relations.push({
            total: address(r, table.id, T, column),
            parts: bodyRows.map((row) => address(r, table.id, row, column)),
            slack: false,
          });
    }
    for (const group of SHARED) {
      const cells = group.map(([table, row, column]) => address(r, table, row, column)).filter((a) => value.has(a));
      for (let i = 1; i < cells.length; i++) equalities.push([cells[0], cells[i]]);
    }
  });

  const national = reports.findIndex((report) => report.department === null);
  const departments = reports.map((report, r) => ({ report, r })).filter(({ report }) => report.department !== null);
  const nationalReport = reports[national];
  const noDepartmentDenunciations = value.get(address(national, 'denunciations_by_department', 'unknown', 'denunciations'));
  for (const table of nationalReport.tables.filter((t) => ADDITIVE.includes(t.id))) {
    const slack = !(OF_DENUNCIATIONS.includes(table.id) && noDepartmentDenunciations === 0);
    for (const row of table.rows) {
      for (const column of table.columns) {
        if (NOT_COUNTS.includes(column.key)) continue;
        const parts = departments.map(({ r }) => address(r, table.id, row.key, column.key)).filter((a) => value.has(a));
        relations.push({ total: address(national, table.id, row.key, column.key), parts, slack });
      }
    }
  }
  for (const { report, r } of departments) {
    const row = address(national, 'denunciations_by_department', report.department!, 'denunciations');
    const total = address(r, 'denunciations_by_source', T, 'denunciations');
    if (value.has(row) && value.has(total)) equalities.push([row, total]);
  }
  // Police operations by department: a department's row is the same in the national report and in its own, where
  // it is also the total.
  // Criminal networks likewise.
  const BY_DEPARTMENT: Array<[string, string[]]> = [
    ['police_operations', ['operations', 'rescued', 'detained']],
    ['criminal_networks', ['identified', 'dismantled', 'cases_linked', 'suspects_linked']],
  ];
  for (const { report, r } of departments) {
    for (const [table, columns] of BY_DEPARTMENT)
      for (const column of columns) {
        const own = address(r, table, report.department!, column);
        if (!value.has(own)) continue;
        equalities.push([address(national, table, report.department!, column), own]);
        equalities.push([own, address(r, table, T, column)]);
      }
  }
  // Witness protection by department: likewise.
  for (const { report, r } of departments) {
    for (const column of ['measures', 'victims', 'witnesses', 'gesell_interviews']) {
      const own = address(r, 'protection_measures', report.department!, column);
      if (!value.has(own)) continue;
      equalities.push([address(national, 'protection_measures', report.department!, column), own]);
      equalities.push([own, address(r, 'protection_measures', T, column)]);
    }
    // Victims' assistance by department: the same, for every kind of act.
    const assistance = nationalReport.tables.find((t) => t.id === 'victim_assistance_by_department');
    for (const { key: column } of assistance?.columns ?? []) {
      const own = address(r, 'victim_assistance_by_department', report.department!, column);
      if (!value.has(own)) continue;
      equalities.push([address(national, 'victim_assistance_by_department', report.department!, column), own]);
      equalities.push([own, address(r, 'victim_assistance_by_department', T, column)]);
    }
  }

  const findings = new Set<string>();
  for (const [a, b] of equalities) {
    if ((value.get(a) === null) !== (value.get(b) === null))
      findings.add(`${describe(reports, value.get(a) === null ? a : b)}: published elsewhere`);
  }
  // Bounds: a published total leaving exactly one per suppressed part.
  for (const relation of relations) {
    const total = value.get(relation.total);
    if (total === null || total === undefined || relation.slack) continue;
    const hidden = relation.parts.filter((p) => value.get(p) === null);
    const residual = relation.parts.reduce((rest, p) => rest - (value.get(p) ?? 0), total);
    if (hidden.length > 0 && residual === hidden.length) for (const p of hidden) findings.add(`${describe(reports, p)}: pinned to 1`);
  }

  // Exact determination: the unknowns are the suppressed cells and one slack per relation with a part of no department.
  const unknowns = new Map<string, number>();
  for (const [cell, v] of value) if (v === null) unknowns.set(cell, unknowns.size);
  const equations: number[][] = [];
  const slackBase = unknowns.size;
  const slackCount = relations.filter((r) => r.slack).length;
  const width = slackBase + slackCount;
  let slackIndex = slackBase;
  const equation = (terms: Term[], slack: boolean) => {
    const row = new Array<number>(width).fill(0);
    let involved = false;
    for (const { cell, sign } of terms) {
      const index = unknowns.get(cell);
      if (index === undefined) continue;
      row[index] += sign;
      involved = true;
    }
    if (slack) row[slackIndex++] = -1;
    if (involved) equations.push(row);
  };
  for (const relation of relations) {
    equation([{ cell: relation.total, sign: -1 }, ...relation.parts.map((cell) => ({ cell, sign: 1 }))], relation.slack);
  }
  for (const [a, b] of equalities)
    equation(
      [
        { cell: a, sign: 1 },
        { cell: b, sign: -1 },
      ],
      false,
    );
  const determined = determined_(equations, width);
  for (const [cell, index] of unknowns) if (determined[index]) findings.add(`${describe(reports, cell)}: determined`);
  return [...findings].sort();
}

function describe(reports: readonly CheckedReport[], cell: string): string {
  const [r, table, row, column] = cell.split('|');
  return `${reports[Number(r)].department ?? 'national'} ${table}[${row}][${column}]`;
}

/** Gauss–Jordan elimination over the integers (fraction-free, rows divided by their gcd): x is determined iff a row is e_x. */
function determined_(equations: number[][], width: number): boolean[] {
  const rows = equations.map((e) => [...e]);
  let pivotRow = 0;
  for (let column = 0; column < width && pivotRow < rows.length; column++) {
    const found = rows.findIndex((row, i) => i >= pivotRow && row[column] !== 0);
    if (found < 0) continue;
    [rows[pivotRow], rows[found]] = [rows[found], rows[pivotRow]];
    const pivot = rows[pivotRow];
    for (let i = 0; i < rows.length; i++) {
      const factor = rows[i][column];
      if (i === pivotRow || factor === 0) continue;
      const next = rows[i].map((v, j) => v * pivot[column] - pivot[j] * factor);
      const g = next.reduce((acc, v) => gcd(acc, Math.abs(v)), 0) || 1;
      rows[i] = next.map((v) => {
        const reduced = v / g;
        if (!Number.isSafeInteger(reduced)) throw new RangeError('coefficient growth');
        return reduced;
      });
    }
    pivotRow++;
  }
  const result = new Array<boolean>(width).fill(false);
  for (const row of rows) {
    const nonzero = row.flatMap((v, j) => (v !== 0 ? [j] : []));
    if (nonzero.length === 1) result[nonzero[0]] = true;
  }
  return result;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
