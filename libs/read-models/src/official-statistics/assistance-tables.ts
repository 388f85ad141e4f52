import { ASSISTANCE_SERVICES } from '#domain';
import { publishExact, publishWithDisclosureControl } from './disclosure-control.js';
import { AGE_COLUMNS, l, SEX_ROWS } from './labels.js';
import { exactCounts, type TableSpec } from './report-tables.js';
import type { CellSet } from './statistics-cells.query.js';
import type { Cell } from './statistics-units.js';
import { TOTAL_KEY, type Dimension, type DisclosureSettings, type PublishedTable } from './stat-table.js';

/** The acts counted (statistics-assistance-evolve.ts): a column each, in every table but the one by service. */
export const ASSISTANCE_COLUMNS: Dimension[] = [
  { key: 'consented', label: l('Consentimientos otorgados', 'Consents given') },
  { key: 'sheltered', label: l('Ingresos a albergue', 'Shelter admissions') },
  { key: 'shelter_exits', label: l('Egresos de albergue', 'Shelter exits') },
  { key: 'services', label: l('Servicios brindados', 'Services provided') },
  { key: 'reintegrated', label: l('Reintegraciones', 'Reintegrations') },
  { key: 'consular_assisted', label: l('Asistencias consulares (peruanas en el exterior)', 'Consular assistance (Peruvians abroad)') },
  { key: 'repatriated', label: l('Repatriaciones', 'Repatriations') },
  { key: 'migratory_status', label: l('Situaciones migratorias registradas (extranjeras)', 'Migratory statuses recorded (foreigners)') },
  { key: 'regularized', label: l('Regularizaciones migratorias', 'Migratory regularizations') },
  { key: 'voluntary_return', label: l('Retornos voluntarios asistidos', 'Assisted voluntary returns') },
];

const SERVICE_LABELS: Record<string, [string, string]> = {
  health: ['Salud', 'Health'],
  psychological: ['Psicológico', 'Psychological'],
  legal: ['Legal', 'Legal'],
  education: ['Educación', 'Education'],
  work: ['Trabajo', 'Work'],
  social: ['Social', 'Social'],
};
const SERVICE_ROWS: Dimension[] = ASSISTANCE_SERVICES.map((key) => ({ key, label: l(...SERVICE_LABELS[key]) }));

const NOTE = l(
  'Actos de atención a víctimas (no personas), por su fecha (hora de Lima), en el departamento de su caso; sexo y edad a la fecha del acto. No cuentan las víctimas anuladas ni los consentimientos negados.',
  "Acts of victim assistance (not people), by their date (Lima time), in their case's department; sex and age at the act. Voided victims and refused consents are not counted.",
);

/**
 * The victims' assistance tables (issue 14, OE7–OE9): by department, sex, age group (one column per act) and by
 * service. They publish the same column totals (the services' total too), so a total hidden in one is hidden in all.
 */
export function assistanceTables(
  cells: CellSet,
  scope: Partial<Cell>,
  departments: Dimension[],
  settings: DisclosureSettings,
): PublishedTable[] {
  const acts = (column: string, filter: Partial<Cell>) => cells.sum('assistance.act', { ...scope, ...filter, d1: column });
  const specs: TableSpec[] = [
    {
      id: 'victim_assistance_by_department',
      title: l('Atención a víctimas por departamento', 'Victim assistance by department'),
      rowHeader: l('Departamento', 'Department'),
      rows: departments,
      columns: ASSISTANCE_COLUMNS,
      totalRow: true,
      note: NOTE,
      count: (dept, column) => acts(column, { dept }),
    },
    {
      id: 'victim_assistance_by_sex',
      title: l('Atención a víctimas por sexo', 'Victim assistance by sex'),
      rowHeader: l('Sexo', 'Sex'),
      rows: SEX_ROWS,
      columns: ASSISTANCE_COLUMNS,
      totalRow: true,
      note: NOTE,
      count: (sex, column) => acts(column, { d2: sex }),
    },
    {
      id: 'victim_assistance_by_age',
      title: l('Atención a víctimas por grupo de edad a la fecha del acto', 'Victim assistance by age group at the act'),
      rowHeader: l('Grupo de edad', 'Age group'),
      rows: AGE_COLUMNS,
      columns: ASSISTANCE_COLUMNS,
      totalRow: true,
      note: NOTE,
      count: (age, column) => acts(column, { d3: age }),
    },
    {
      id: 'victim_assistance_services',
      title: l('Servicios brindados a víctimas por tipo', 'Services provided to victims by kind'),
      rowHeader: l('Servicio', 'Service'),
      rows: SERVICE_ROWS,
      columns: [{ key: 'services', label: l('Servicios brindados', 'Services provided') }],
      totalRow: true,
      note: NOTE,
      count: (service) => cells.sum('assistance.service', { ...scope, d1: service }),
    },
  ];
  const counts = specs.map(exactCounts);
  if (!settings.applied) return counts.map(publishExact);
  // Hide in every table the column totals any of them hides, until none hides one more (a total hidden only in one
  // table would be published by the others).
  let hidden = new Set<string>();
  for (;;) {
    const published = counts.map((table) => {
      const forced = [...(settings.forced?.get(table.id) ?? [])];
      for (const column of hidden) if (table.columns.some((c) => c.key === column)) forced.push({ row: TOTAL_KEY, column });
      // A table of zeros has nothing to protect (zeros are published, forced cells of 0 stay): skip the search.
      if (table.counts.every((row) => row.every((n) => n === 0))) return publishExact(table);
      return publishWithDisclosureControl(table, settings.k, forced);
    });
    const now = new Set(hidden);
    for (const table of published) {
      const total = table.rows.find((r) => r.key === TOTAL_KEY);
      table.columns.forEach((column, i) => {
        if (total?.values[i] === null) now.add(column.key);
      });
    }
    if (now.size === hidden.size) return published;
    hidden = now;
  }
}
