import { PROTECTION_MEASURES } from '#domain';
import { l, monthsOf } from './labels.js';
import { countTable, linkedTables } from './report-tables.js';
import type { CellSet } from './statistics-cells.query.js';
import type { Cell } from './statistics-units.js';
import { TOTAL_KEY, type Dimension, type DisclosureSettings, type Label, type PublishedTable } from './stat-table.js';

export const PROTECTION_MEASURE_LABELS: Record<string, Label> = {
  identity_reserve: l('Reserva de identidad', 'Identity reserve'),
  address_reserve: l('Reserva de domicilio', 'Address reserve'),
  police_protection: l('Protección policial', 'Police protection'),
  residence_change: l('Cambio de residencia', 'Change of residence'),
  voice_image_distortion: l('Distorsión de voz e imagen', 'Voice and image distortion'),
  separate_waiting: l('Espera separada', 'Separate waiting'),
  gesell_testimony: l('Declaración en cámara Gesell', 'Gesell chamber testimony'),
  other: l('Otra', 'Other'),
};

const MEASURE_ROWS: Dimension[] = PROTECTION_MEASURES.map((key) => ({ key, label: PROTECTION_MEASURE_LABELS[key] }));

const COLUMNS: Array<Dimension & { count: (cells: CellSet, filter: Partial<Cell>) => number }> = [
  { key: 'measures', label: l('Medidas otorgadas', 'Measures granted'), count: (c, f) => c.sum('protection.granted', f) },
  {
    key: 'victims',
    label: l('Víctimas protegidas', 'Victims protected'),
    count: (c, f) => c.sum('protection.person', { ...f, d1: 'victim' }),
  },
  {
    key: 'witnesses',
    label: l('Testigos protegidos', 'Witnesses protected'),
    count: (c, f) => c.sum('protection.person', { ...f, d1: 'witness' }),
  },
  {
    key: 'gesell_interviews',
    label: l('Entrevistas en cámara Gesell', 'Gesell chamber interviews'),
    count: (c, f) => c.sum('protection.gesell', f),
  },
];

const PERSON_COLUMNS: Dimension[] = [
  { key: 'victim', label: l('A víctimas', 'To victims') },
  { key: 'witness', label: l('A testigos', 'To witnesses') },
];

/**
 * Witness protection (Meta 15) in a month: measures granted, people protected and Gesell interviews by department,
 * and the measures by kind. Both tables publish the month's number of measures: they hide it together or not at all.
 */
export function protectionTables(
  cells: CellSet,
  scope: Partial<Cell>,
  departments: Dimension[],
  settings: DisclosureSettings,
): PublishedTable[] {
  return linkedTables(
    [
      {
        shared: { row: TOTAL_KEY, column: 'measures' },
        spec: {
          id: 'protection_measures',
          title: l('Protección de víctimas y testigos (Ley 27378)', 'Protection of victims and witnesses (Ley 27378)'),
          rowHeader: l('Departamento', 'Department'),
          rows: departments,
          columns: COLUMNS,
          totalRow: true,
          note: l(
            'Por fecha de la medida o de la entrevista (hora de Lima); departamento del caso de la investigación fiscal. Una persona cuenta una vez por mes.',
            "By date of the measure or interview (Lima time); department of the prosecution's case. A person counts once a month.",
          ),
          count: (dept, column) => COLUMNS.find((c) => c.key === column)!.count(cells, { ...scope, dept }),
        },
      },
      {
        shared: { row: TOTAL_KEY, column: TOTAL_KEY },
        spec: {
          id: 'protection_measures_by_measure',
          title: l('Medidas de protección otorgadas por tipo de medida', 'Protection measures granted by measure'),
          rowHeader: l('Medida', 'Measure'),
          rows: MEASURE_ROWS,
          columns: PERSON_COLUMNS,
          totalRow: true,
          totalColumn: true,
          note: l('Ley 27378 y Código Procesal Penal, arts. 247–248.', 'Ley 27378 and Código Procesal Penal, arts. 247–248.'),
          count: (measure, person) => cells.sum('protection.granted', { ...scope, d1: measure, d2: person }),
        },
      },
    ],
    settings,
  );
}

/** INEI annual: interviews in a Gesell chamber by department and month of the year. */
export function gesellInterviewsTable(
  cells: CellSet,
  year: number,
  departments: Dimension[],
  settings: DisclosureSettings,
): PublishedTable {
  return countTable(
    {
      id: 'gesell_interviews_by_department',
      title: l('Entrevistas en cámara Gesell por departamento y mes', 'Gesell chamber interviews by department and month'),
      rowHeader: l('Departamento', 'Department'),
      rows: departments,
      columns: monthsOf(year),
      totalRow: true,
      totalColumn: true,
      note: l(
        'Por fecha de la entrevista (hora de Lima); departamento del caso de la investigación fiscal.',
        "By date of the interview (Lima time); department of the prosecution's case.",
      ),
      count: (dept, period) => cells.sum('protection.gesell', { dept, period }),
    },
    settings,
  );
}
