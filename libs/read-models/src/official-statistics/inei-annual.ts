import { DISCLOSURE_METHOD } from './disclosure-control.js';
import { assistanceTables } from './assistance-tables.js';
import { limaDayStart } from './release-points.js';
import { departmentRows, l, monthsOf, PURPOSE_ROWS, type ReportCatalogs } from './labels.js';
import { REPORT_SOURCE } from './monthly-report.js';
import { gesellInterviewsTable } from './protection-tables.js';
import { denunciationQualificationTables, victimCircumstanceTables } from './qualification-tables.js';
import { countTable, linkedTables, operationsTable, victimTables } from './report-tables.js';
import { criminalNetworksTable, networkSuspectsByRoleTable } from './network-tables.js';
import type { StatisticsSnapshot } from './statistics-cells.query.js';
import { TOTAL_KEY, type Dimension, type DisclosureSettings, type PublishedReport } from './stat-table.js';

/** The twelve months of a year: the periods an annual report reads. */
export const periodsOfYear = (year: number): string[] => monthsOf(year).map((m) => m.key);

const STAGES: Array<Dimension & { measure: string; d1?: string }> = [
  { key: 'registered', label: l('Denuncias registradas', 'Denunciations registered'), measure: 'case.registered' },
  { key: 'investigated', label: l('Investigados', 'Investigated'), measure: 'prosecution.opened' },
  { key: 'accused', label: l('Con acusación', 'Accused'), measure: 'prosecution.accused' },
  { key: 'convicted', label: l('Con sentencia condenatoria', 'Convicted'), measure: 'trial.ruling', d1: 'conviction' },
  { key: 'acquitted', label: l('Con sentencia absolutoria', 'Acquitted'), measure: 'trial.ruling', d1: 'acquittal' },
  { key: 'archived', label: l('Archivados', 'Archived'), measure: 'prosecution.archived' },
];

const HOTLINE: Array<Dimension & { measure: string; d2?: string }> = [
  { key: 'calls_received', label: l('Llamadas recibidas', 'Calls received'), measure: 'call.received' },
  { key: 'calls_trafficking', label: l('Llamadas relacionadas con trata', 'Trafficking-related calls'), measure: 'call.trafficking' },
  { key: 'referrals_sent', label: l('Derivaciones enviadas', 'Referrals sent'), measure: 'referral.sent', d2: 'hotline_call' },
  { key: 'referrals_accepted', label: l('Derivaciones aceptadas', 'Referrals accepted'), measure: 'referral.hours', d2: 'hotline_call' },
];

const department = l('Departamento', 'Department');

/** The annual tables for INEI (PNAT activity A38), by the date of each act in America/Lima. */
export function buildIneiAnnualTables(
  snapshot: StatisticsSnapshot,
  year: number,
  catalogs: ReportCatalogs,
  settings: DisclosureSettings,
): PublishedReport {
  const { cells } = snapshot;
  const departments = departmentRows(catalogs);
  // Both tables publish the year's number of denunciations: they hide it together or not at all.
  const [byMonth, byStage] = linkedTables(
    [
      {
        shared: { row: TOTAL_KEY, column: TOTAL_KEY },
        spec: {
          id: 'denunciations_by_department_month',
          title: l('Denuncias por departamento y mes', 'Denunciations by department and month'),
          rowHeader: department,
          rows: departments,
          columns: monthsOf(year),
          totalRow: true,
          totalColumn: true,
          note: l(
            'Por fecha de registro de la denuncia; departamento del lugar denunciado (UBIGEO INEI).',
            'By date registered; department of the place reported (INEI UBIGEO).',
          ),
          count: (dept, period) => cells.sum('case.registered', { dept, period }),
        },
      },
      {
        shared: { row: TOTAL_KEY, column: 'registered' },
        spec: {
          id: 'cases_by_stage',
          title: l('Casos por etapa y departamento', 'Cases by stage and department'),
          rowHeader: department,
          rows: departments,
          columns: STAGES,
          totalRow: true,
          note: l(
            'Actos del año en cada etapa, por su propia fecha; sentencias de primera instancia.',
            "The year's acts at each stage, by their own date; first-instance rulings.",
          ),
          count: (dept, stage) => {
            const spec = STAGES.find((s) => s.key === stage)!;
            return cells.sum(spec.measure, { dept, ...(spec.d1 ? { d1: spec.d1 } : {}) });
          },
        },
      },
    ],
    settings,
  );
  const tables = [
    byMonth,
    ...victimTables(cells, {}, catalogs, settings),
    countTable(
      {
        id: 'by_purpose',
        title: l('Denuncias y víctimas por finalidad de explotación', 'Denunciations and victims by exploitation purpose'),
        rowHeader: l('Finalidad', 'Purpose'),
        rows: PURPOSE_ROWS,
        columns: [
          { key: 'denunciations', label: l('Denuncias', 'Denunciations') },
          { key: 'victims', label: l('Víctimas', 'Victims') },
        ],
        note: l(
          'Cada denuncia y cada víctima cuentan en todas sus finalidades: las filas no suman totales.',
          'Each denunciation and victim counts under all its purposes: rows do not add up to totals.',
        ),
        count: (purpose, column) => cells.sum(column === 'victims' ? 'victim.purpose' : 'case.purpose', { d1: purpose }),
      },
      settings,
    ),
    ...denunciationQualificationTables(cells, {}, settings),
    ...victimCircumstanceTables(cells, {}, settings, 'victim'),
    byStage,
    countTable(
      {
        id: 'hotline_by_department',
        title: l('Línea 0800-2-3232: llamadas y derivaciones por departamento', 'Hotline calls and referrals by department'),
        rowHeader: department,
        rows: departments,
        columns: HOTLINE,
        totalRow: true,
        note: l(
          'Llamadas por departamento de quien llama; derivaciones de llamadas por departamento de la unidad de destino.',
          "Calls by caller's department; referrals of calls by the receiving unit's department.",
        ),
        count: (dept, column) => {
          const spec = HOTLINE.find((h) => h.key === column)!;
          return cells.sum(spec.measure, { dept, ...(spec.d2 ? { d2: spec.d2 } : {}) });
        },
      },
      settings,
    ),
    operationsTable(cells, {}, departments, settings, 'police_operations_by_department'),
    criminalNetworksTable(cells, {}, departments, settings, 'criminal_networks_by_department'),
    networkSuspectsByRoleTable(cells, {}, settings),
    gesellInterviewsTable(cells, year, departments, settings),
    ...assistanceTables(cells, {}, departments, settings),
  ];
  return {
    kind: 'inei-annual',
    title: l(`Estadísticas anuales de trata de personas para el INEI — ${year}`, `Annual human trafficking statistics for INEI — ${year}`),
    period: String(year),
    department: null,
    asOfPosition: snapshot.logPosition,
    generatedAt: settings.applied ? limaDayStart(snapshot.loggedAt) : snapshot.loggedAt,
    disclosureControl: { k: settings.k, applied: settings.applied, method: DISCLOSURE_METHOD },
    source: REPORT_SOURCE,
    tables,
  };
}
