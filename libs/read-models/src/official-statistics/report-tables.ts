import { publishExact, publishTable, publishWithDisclosureControl } from './disclosure-control.js';
import { AGE_COLUMNS, l, nationalityRows, one, PURPOSE_ROWS, SEX_ROWS, type ReportCatalogs } from './labels.js';
import { victimsByPlaceSpec } from './place-tables.js';
import { captureCells, type CellSet } from './statistics-cells.query.js';
import type { Cell } from './statistics-units.js';
import { TOTAL_KEY, type CountTable, type Dimension, type DisclosureSettings, type Label, type PublishedTable } from './stat-table.js';

export interface TableSpec {
  id: string;
  title: Label;
  rowHeader: Label;
  rows: Dimension[];
  columns: Dimension[];
  count: (row: string, column: string) => number;
  totalRow?: boolean;
  totalColumn?: boolean;
  note?: Label;
}

/** While a report is built under recordTableCells, each table's body cells as the statistics cells they add up. */
export interface TableCells {
  rows: string[];
  columns: string[];
  /** body[row][column]: indexes of the cells in the report's CellSet. */
  body: number[][][];
}

const recorders: Array<Map<string, TableCells>> = [];

/** Builds a report and returns, for every count table, which statistics cells each body cell adds up. */
export function recordTableCells<T>(build: () => T): { value: T; tables: Map<string, TableCells> } {
  recorders.push(new Map());
  try {
    const value = build();
    return { value, tables: recorders[recorders.length - 1] };
  } finally {
    recorders.pop();
  }
}

export function exactCounts(spec: TableSpec): CountTable {
  const recorder = recorders[recorders.length - 1];
  const body: number[][][] = [];
  const counts = spec.rows.map((row) => {
    const cellsOfRow: number[][] = [];
    body.push(cellsOfRow);
    return spec.columns.map((column) => {
      if (!recorder) return spec.count(row.key, column.key);
      const { value, cells } = captureCells(() => spec.count(row.key, column.key));
      cellsOfRow.push(cells);
      return value;
    });
  });
  recorder?.set(spec.id, { rows: spec.rows.map((r) => r.key), columns: spec.columns.map((c) => c.key), body });
  return {
    id: spec.id,
    title: spec.title,
    rowHeader: spec.rowHeader,
    rows: spec.rows,
    columns: spec.columns,
    counts,
    totalRow: spec.totalRow ?? false,
    totalColumn: spec.totalColumn ?? false,
    ...(spec.note ? { note: spec.note } : {}),
  };
}

/** Computes the exact counts and publishes them under the caller's disclosure settings. */
export function countTable(spec: TableSpec, settings: DisclosureSettings): PublishedTable {
  return publishTable(exactCounts(spec), settings);
}

export interface LinkedTable {
  spec: TableSpec;
  /** The cell holding the count every linked table shares (the number of victims, of denunciations…). */
  shared: { row: string; column: string };
}

/**
 * Tables of one report that publish the same total. Each is protected on its own first; if any had to hide the
 * shared total, all hide it, since one table's published total would undo another's suppression.
 */
export function linkedTables(tables: readonly LinkedTable[], settings: DisclosureSettings): PublishedTable[] {
  const counts = tables.map((t) => exactCounts(t.spec));
  if (!settings.applied) return counts.map(publishExact);
  const forced = (table: CountTable) => settings.forced?.get(table.id) ?? [];
  const alone = counts.map((table) => publishWithDisclosureControl(table, settings.k, forced(table)));
  const hidden = alone.some((published, i) => sharedValue(published, tables[i].shared) === null);
  return hidden ? counts.map((table, i) => publishWithDisclosureControl(table, settings.k, [...forced(table), tables[i].shared])) : alone;
}

function sharedValue(table: PublishedTable, cell: { row: string; column: string }): number | null | undefined {
  const column = table.columns.findIndex((c) => c.key === cell.column);
  return table.rows.find((r) => r.key === cell.row)?.values[column];
}

/**
 * The victims' tables shared by the monthly report and the INEI annual tables: by sex × age, nationality, place of
 * exploitation (these three publish the victims' total), purpose.
 */
export function victimTables(
  cells: CellSet,
  scope: Partial<Cell>,
  catalogs: ReportCatalogs,
  settings: DisclosureSettings,
  measure: 'victim' | 'victim.dept' = 'victim',
): PublishedTable[] {
  const note = l(
    'Víctimas de las denuncias registradas en el periodo (fecha de registro, hora de Lima).',
    'Victims in the denunciations registered in the period (registration date, Lima time).',
  );
  return [
    ...linkedTables(
      [
        {
          shared: { row: TOTAL_KEY, column: TOTAL_KEY },
          spec: {
            id: 'victims_by_sex_age',
            title: l('Víctimas por sexo y grupo de edad', 'Victims by sex and age group'),
            rowHeader: l('Sexo', 'Sex'),
            rows: SEX_ROWS,
            columns: AGE_COLUMNS,
            totalRow: true,
            totalColumn: true,
            note,
            count: (sex, age) => cells.sum(measure, { ...scope, d1: sex, d2: age }),
          },
        },
        {
          shared: { row: TOTAL_KEY, column: 'victims' },
          spec: {
            id: 'victims_by_nationality',
            title: l('Víctimas por nacionalidad', 'Victims by nationality'),
            rowHeader: l('Nacionalidad', 'Nationality'),
            rows: nationalityRows(catalogs, cells.values(measure, 'd3', scope)),
            columns: one('victims', 'Víctimas', 'Victims'),
            totalRow: true,
            note,
            count: (nationality) => cells.sum(measure, { ...scope, d3: nationality }),
          },
        },
        victimsByPlaceSpec(cells, scope, catalogs, measure),
      ],
      settings,
    ),
    countTable(
      {
        id: 'victims_by_purpose',
        title: l('Víctimas por finalidad de explotación', 'Victims by exploitation purpose'),
        rowHeader: l('Finalidad', 'Purpose'),
        rows: PURPOSE_ROWS,
        columns: one('victims', 'Víctimas', 'Victims'),
        note: l(
          'Una víctima cuenta en cada finalidad de su denuncia: las filas no suman el total de víctimas.',
          'A victim counts under every purpose of its denunciation: rows do not add up to the number of victims.',
        ),
        count: (purpose) => cells.sum(`${measure}.purpose`, { ...scope, d1: purpose }),
      },
      settings,
    ),
  ];
}

const OPERATION_COLUMNS: Dimension[] = [
  { key: 'operations', label: l('Operativos', 'Operations') },
  { key: 'rescued', label: l('Víctimas rescatadas', 'Victims rescued') },
  { key: 'detained', label: l('Personas detenidas', 'People detained') },
];

const OPERATION_MEASURES: Record<string, string> = {
  operations: 'operation.conducted',
  rescued: 'operation.rescued',
  detained: 'operation.detained',
};

/**
 * Police operations by department (Meta 13): how many, and the people rescued and detained in them. Rescued and
 * detained are sums over operations; each person is a cell contribution of its own, so they are counts of people,
 * protected like any count (1..k−1 suppressed, complements in the column). Besides, a sum is never published where
 * the number of its operations is suppressed: it would give the figures of one or a few operations.
 */
export function operationsTable(
  cells: CellSet,
  scope: Partial<Cell>,
  departments: Dimension[],
  settings: DisclosureSettings,
  id = 'police_operations',
): PublishedTable {
  const table = exactCounts({
    id,
    title: l('Operativos policiales: víctimas rescatadas y personas detenidas', 'Police operations: victims rescued and people detained'),
    rowHeader: l('Departamento', 'Department'),
    rows: departments,
    columns: OPERATION_COLUMNS,
    totalRow: true,
    note: l(
      'Por fecha del operativo (hora de Lima); departamento de su denuncia. Rescatadas y detenidas son sumas de personas.',
      "By date of the operation (Lima time); its denunciation's department. Rescued and detained are sums of people.",
    ),
    count: (dept, column) => cells.sum(OPERATION_MEASURES[column], { ...scope, dept }),
  });
  if (!settings.applied) return publishExact(table);
  const forced = settings.forced?.get(id) ?? [];
  const alone = publishWithDisclosureControl(table, settings.k, forced);
  const fewOperations = alone.suppressed.filter((cell) => cell.column === 'operations');
  if (fewOperations.length === 0) return alone;
  const sums = fewOperations.flatMap(({ row }) => [
    { row, column: 'rescued' },
    { row, column: 'detained' },
  ]);
  return publishWithDisclosureControl(table, settings.k, [...forced, ...sums]);
}

/** PostgreSQL's percentile_cont over sorted values: linear interpolation between the closest ranks; null if none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

/** Hours as published: one decimal. */
export const roundHours = (hours: number | null) => (hours === null ? null : Math.round(hours * 10) / 10);

/**
 * Median hours from referral to acceptance by destination. The counts of accepted referrals are protected like
 * any count (with their total); a median is shown only where its count is, and never from fewer than k values:
 * with one or two values the median is the value itself.
 */
export function referralSpeedTable(
  cells: CellSet,
  scope: Partial<Cell>,
  destinations: Dimension[],
  settings: DisclosureSettings,
): PublishedTable {
  const hoursOf = (destination: string) =>
    cells.numbers('referral.hours', destination === TOTAL_KEY ? scope : { ...scope, d1: destination });
  const counts = countTable(
    {
      id: 'referral_speed',
      title: l('Celeridad: horas desde la derivación hasta su aceptación', 'Speed: hours from referral to acceptance'),
      rowHeader: l('Destino', 'Destination'),
      rows: destinations,
      columns: [{ key: 'accepted', label: l('Derivaciones aceptadas', 'Referrals accepted') }],
      totalRow: true,
      note: l(
        'Derivaciones enviadas en el periodo que fueron aceptadas; mediana en horas.',
        'Referrals sent in the period that were accepted; median in hours.',
      ),
      count: (destination) => hoursOf(destination).length,
    },
    settings,
  );
  const suppressed = [...counts.suppressed];
  const rows = counts.rows.map((row) => {
    const hours = hoursOf(row.key);
    const hidden = row.values[0] === null || (settings.applied && hours.length < settings.k);
    if (hidden && hours.length > 0) suppressed.push({ row: row.key, column: 'median_hours', reason: 'primary' });
    return { ...row, values: [row.values[0], hidden ? null : roundHours(percentile(hours, 0.5))] };
  });
  return {
    ...counts,
    unit: 'hours',
    rows,
    suppressed,
    columns: [...counts.columns, { key: 'median_hours', label: l('Mediana de horas', 'Median hours') }],
  };
}
