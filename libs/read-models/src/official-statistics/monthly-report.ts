import { assistanceTables } from './assistance-tables.js';
import { DISCLOSURE_METHOD } from './disclosure-control.js';
import { limaDayStart } from './release-points.js';
import { departmentRows, DESTINATION_ROWS, l, monthLabel, one, PURPOSE_ROWS, SOURCE_ROWS, type ReportCatalogs } from './labels.js';
import { protectionTables } from './protection-tables.js';
import { denunciationQualificationTables, victimCircumstanceTables } from './qualification-tables.js';
import { reconciliationSpec, reconciliationVictimsSpec } from './reconciliation-tables.js';
import { countTable, linkedTables, operationsTable, referralSpeedTable, victimTables } from './report-tables.js';
import { criminalNetworksTable, networkSuspectsByRoleTable } from './network-tables.js';
import { referralDeadlinesTable } from './referral-deadlines-table.js';
import type { StatisticsSnapshot } from './statistics-cells.query.js';
import type { Cell } from './statistics-units.js';
import { TOTAL_KEY, type Dimension, type DisclosureSettings, type PublishedReport, type PublishedTable } from './stat-table.js';

export const REPORT_SOURCE = 'Registro de Trata — registro de eventos inmutable (PostgreSQL), proyección official-statistics';

const REFERRAL_STATUSES: Dimension[] = [
  { key: 'sent', label: l('Pendientes', 'Pending') },
  { key: 'accepted', label: l('Aceptadas', 'Accepted') },
  { key: 'rejected', label: l('Rechazadas', 'Rejected') },
  { key: 'completed', label: l('Concluidas', 'Completed') },
  { key: 'revoked', label: l('Anuladas', 'Revoked') },
];

const indicator = l('Indicador', 'Indicator');

/**
 * The Meta 14 monthly report (PNAT activity A37): every figure is a sum of statistics cells of the month, each
 * counted by the date of its own act (America/Lima) unless its note says it follows the denunciations of the month.
 */
export function buildMonthlyReport(
  snapshot: StatisticsSnapshot,
  request: { period: string; department: string | null },
  catalogs: ReportCatalogs,
  settings: DisclosureSettings,
): PublishedReport {
  const { cells } = snapshot;
  const scope: Partial<Cell> = { period: request.period, ...(request.department ? { dept: request.department } : {}) };
  const count = (measure: string, filter: Partial<Cell> = {}) => cells.sum(measure, { ...scope, ...filter });
  // A department's report counts a person once among its own denunciations (victim.dept), never by what other
  // departments registered; the national report once in all of Peru.
  const victims = request.department ? 'victim.dept' : 'victim';
  // Three tables publish the number of denunciations of the month: they hide it together or not at all.
  const [bySource, byDepartment, funnel, reconciliation] = linkedTables(
    [
      {
        shared: { row: TOTAL_KEY, column: 'denunciations' },
        spec: {
          id: 'denunciations_by_source',
          title: l('Denuncias por origen', 'Denunciations by source'),
          rowHeader: l('Origen', 'Source'),
          rows: SOURCE_ROWS,
          columns: one('denunciations', 'Denuncias', 'Denunciations'),
          totalRow: true,
          note: l('Por fecha de registro de la denuncia.', 'By date the denunciation was registered.'),
          count: (source) => count('case.registered', { d1: source }),
        },
      },
      {
        shared: { row: TOTAL_KEY, column: 'denunciations' },
        spec: {
          id: 'denunciations_by_department',
          title: l('Denuncias por departamento', 'Denunciations by department'),
          rowHeader: l('Departamento', 'Department'),
          rows: departmentRows(catalogs, request.department),
          columns: one('denunciations', 'Denuncias', 'Denunciations'),
          totalRow: true,
          count: (dept) => cells.sum('case.registered', { period: request.period, dept }),
        },
      },
      {
        shared: { row: 'denunciation', column: 'denunciations' },
        spec: {
          id: 'funnel',
          title: l(
            'Embudo: denuncia → investigación → acusación → sentencia',
            'Funnel: denunciation → investigation → accusation → ruling',
          ),
          rowHeader: l('Etapa alcanzada', 'Stage reached'),
          rows: [
            { key: 'denunciation', label: l('Denuncias registradas en el mes', 'Denunciations registered in the month') },
            { key: 'investigation', label: l('… con investigación fiscal', '… with a prosecution opened') },
            { key: 'accusation', label: l('… con acusación', '… with an accusation') },
            { key: 'ruling', label: l('… con sentencia', '… with a ruling') },
          ],
          columns: one('denunciations', 'Denuncias', 'Denunciations'),
          note: l(
            'Cohorte de las denuncias del mes, etapa alcanzada a la posición del registro.',
            "Cohort of the month's denunciations, stage reached at the log position.",
          ),
          // "With a prosecution" is the reconciliation's linked denunciations: the same cells (reconciliation.ts).
          count: (stage) =>
            stage === 'denunciation'
              ? count('case.registered')
              : stage === 'investigation'
                ? count('case.registered', { d2: 'linked' })
                : count('case.funnel', { d1: stage }),
        },
      },
      { shared: { row: 'denunciations', column: TOTAL_KEY }, spec: reconciliationSpec(cells, scope) },
    ],
    settings,
  );
  const tables: PublishedTable[] = [
    countTable(
      {
        id: 'hotline_calls',
        title: l('Línea 0800-2-3232: llamadas', 'Hotline 0800-2-3232: calls'),
        rowHeader: indicator,
        rows: [
          { key: 'received', label: l('Llamadas recibidas', 'Calls received') },
          { key: 'trafficking_related', label: l('Relacionadas con trata', 'Trafficking-related') },
          { key: 'closed', label: l('Cerradas', 'Closed') },
        ],
        columns: one('calls', 'Llamadas', 'Calls'),
        note: l('Por fecha de recepción; departamento de quien llama.', "By date received; caller's department."),
        count: (row) => count(row === 'received' ? 'call.received' : row === 'closed' ? 'call.closed' : 'call.trafficking'),
      },
      settings,
    ),
    countTable(
      {
        id: 'hotline_referrals',
        title: l('Derivaciones de la línea 0800 por destino', 'Hotline referrals by destination'),
        rowHeader: l('Destino', 'Destination'),
        rows: DESTINATION_ROWS,
        columns: one('referrals', 'Derivaciones', 'Referrals'),
        totalRow: true,
        note: l('Derivaciones de llamadas, por fecha de derivación.', 'Referrals of calls, by date referred.'),
        count: (to) => count('referral.sent', { d1: to, d2: 'hotline_call' }),
      },
      settings,
    ),
    countTable(
      {
        id: 'referrals_by_status',
        title: l('Derivaciones por destino y situación actual', 'Referrals by destination and current status'),
        rowHeader: l('Destino', 'Destination'),
        rows: DESTINATION_ROWS,
        columns: REFERRAL_STATUSES,
        totalRow: true,
        totalColumn: true,
        note: l(
          'Todas las derivaciones enviadas en el periodo (de llamadas, denuncias y víctimas), situación a la posición del registro.',
          'All referrals sent in the period (from calls, denunciations and victims), status at the log position.',
        ),
        count: (to, status) => count('referral.status', { d1: to, d3: status }),
      },
      settings,
    ),
    referralSpeedTable(cells, scope, DESTINATION_ROWS, settings),
    referralDeadlinesTable(cells, scope, DESTINATION_ROWS, settings),
    bySource,
    byDepartment,
    countTable(
      {
        id: 'denunciations_by_purpose',
        title: l('Denuncias por finalidad de explotación', 'Denunciations by exploitation purpose'),
        rowHeader: l('Finalidad', 'Purpose'),
        rows: PURPOSE_ROWS,
        columns: one('denunciations', 'Denuncias', 'Denunciations'),
        note: l('Una denuncia cuenta en cada una de sus finalidades.', 'A denunciation counts under each of its purposes.'),
        count: (purpose) => count('case.purpose', { d1: purpose }),
      },
      settings,
    ),
    ...denunciationQualificationTables(cells, scope, settings),
    countTable(
      {
        id: 'justice_activity',
        title: l('Casos investigados, identificados y sancionados', 'Cases investigated, identified and sanctioned'),
        rowHeader: indicator,
        rows: [
          {
            key: 'investigated',
            label: l('Investigados (investigación fiscal abierta en el mes)', 'Investigated (prosecution opened in the month)'),
          },
          {
            key: 'identified',
            label: l(
              'Identificados (denuncias del mes con al menos un presunto tratante identificado)',
              'Identified (denunciations of the month with at least one suspect identified)',
            ),
          },
          { key: 'accused', label: l('Con acusación fiscal en el mes', 'Accusation filed in the month') },
          {
            key: 'sanctioned',
            label: l(
              'Sancionados (sentencias condenatorias de primera instancia en el mes)',
              'Sanctioned (first-instance convictions in the month)',
            ),
          },
          {
            key: 'acquitted',
            label: l(
              'Absueltos (sentencias absolutorias de primera instancia en el mes)',
              'Acquitted (first-instance acquittals in the month)',
            ),
          },
          { key: 'archived', label: l('Archivados en el mes', 'Archived in the month') },
          { key: 'dismissed', label: l('Sobreseídos en el mes', 'Dismissed in the month') },
        ],
        columns: one('cases', 'Casos', 'Cases'),
        count: (row) =>
          ({
            investigated: () => count('prosecution.opened'),
            identified: () => count('case.identified'),
            accused: () => count('prosecution.accused'),
            sanctioned: () => count('trial.ruling', { d1: 'conviction' }),
            acquitted: () => count('trial.ruling', { d1: 'acquittal' }),
            archived: () => count('prosecution.archived'),
            dismissed: () => count('prosecution.dismissed'),
          })[row]!(),
      },
      settings,
    ),
    reconciliation,
    countTable(reconciliationVictimsSpec(cells, scope), settings),
    operationsTable(cells, { period: request.period }, departmentRows(catalogs, request.department), settings),
    criminalNetworksTable(cells, { period: request.period }, departmentRows(catalogs, request.department), settings),
    networkSuspectsByRoleTable(cells, scope, settings),
    ...protectionTables(cells, { period: request.period }, departmentRows(catalogs, request.department), settings),
    ...assistanceTables(cells, scope, departmentRows(catalogs, request.department), settings),
    ...victimTables(cells, scope, catalogs, settings, victims),
    ...victimCircumstanceTables(cells, scope, settings, victims),
    funnel,
  ];
  const period = monthLabel(request.period);
  return {
    kind: 'monthly',
    title: l(`Reporte mensual de trata de personas (Meta 14) — ${period.es}`, `Monthly human trafficking report (Meta 14) — ${period.en}`),
    period: request.period,
    department: request.department,
    asOfPosition: snapshot.logPosition,
    generatedAt: settings.applied ? limaDayStart(snapshot.loggedAt) : snapshot.loggedAt,
    disclosureControl: { k: settings.k, applied: settings.applied, method: DISCLOSURE_METHOD },
    source: REPORT_SOURCE,
    tables,
  };
}
