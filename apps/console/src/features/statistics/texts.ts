import type { Dictionary } from '../../i18n/i18n.js';

interface StatisticsTexts {
  title: string;
  intro: string;
  from: string;
  to: string;
  department: string;
  allPeru: string;
  releasePoint: string;
  latestRelease: string;
  releaseOption: (day: string, period: string | null) => string;
  apply: string;
  applyHint: string;
  trend: string;
  trendNote: string;
  byDepartment: string;
  byDepartmentNote: string;
  funnel: string;
  victims: string;
  calls: string;
  denunciations: string;
  convictions: string;
  month: string;
  chart: string;
  tableView: string;
  view: string;
  period: string;
  position: string;
  positions: string;
  disclosure: (k: number) => string;
  exact: string;
  reservedPoints: string;
  noReserved: string;
  downloads: string;
  downloadsNote: (month: string, year: string) => string;
  monthlyCsv: string;
  monthlyXlsx: string;
  ineiCsv: string;
  ineiXlsx: string;
  downloaded: (name: string) => string;
  downloadFailed: string;
  tooLong: (max: number) => string;
  noPanels: string;
  sumNote: string;
  allTables: string;
  allTablesNote: string;
  chartLabel: (title: string) => string;
  nothingInPeriod: string;
  age: string;
}

/** Labels of the statistics screen; wire codes (sex, age groups, tables) come labelled by the API itself. */
export const texts: Dictionary<StatisticsTexts> = {
  es: {
    title: 'Estadísticas',
    intro:
      'Cifras del registro por fecha del acto (hora de Lima). Cada gráfico indica su periodo, la posición del registro que refleja y si se aplicó control de divulgación.',
    from: 'Desde (mes)',
    to: 'Hasta (mes)',
    department: 'Departamento',
    allPeru: 'Todo el Perú',
    releasePoint: 'Corte publicado',
    latestRelease: 'El último corte',
    releaseOption: (day, period) => (period ? `Cierre de ${period} (${day})` : `Corte del ${day}`),
    apply: 'Aplicar',
    applyHint: 'aplica los filtros',
    trend: 'Tendencia mensual: llamadas, denuncias y condenas',
    trendNote:
      'Llamadas a la línea 0800-2-3232 por fecha de recepción; denuncias por fecha de registro; condenas = sentencias condenatorias de primera instancia del mes.',
    byDepartment: 'Por departamento',
    byDepartmentNote: 'Denuncias por departamento del lugar denunciado y llamadas por departamento de quien llama, en el periodo.',
    funnel: 'Embudo: denuncia → investigación → acusación → sentencia',
    victims: 'Víctimas por sexo y grupo de edad',
    calls: 'Llamadas',
    denunciations: 'Denuncias',
    convictions: 'Condenas',
    month: 'Mes',
    chart: 'Gráfico',
    tableView: 'Tabla',
    view: 'Vista',
    period: 'Periodo',
    position: 'Posición del registro',
    positions: 'Posiciones del registro',
    disclosure: (k) =>
      `Control de divulgación aplicado (k = ${k}): las celdas de 1 a ${k - 1} y las que permitirían deducirlas se muestran como «reservado».`,
    exact: 'Cifras exactas de su ámbito (sin control de divulgación).',
    reservedPoints: 'Puntos reservados (omitidos en el gráfico)',
    noReserved: 'Ningún valor reservado.',
    downloads: 'Descargas oficiales',
    downloadsNote: (month, year) =>
      `Reporte mensual de ${month} y cuadros INEI de ${year}, en el idioma de la pantalla, con control de divulgación («x» = reservado).`,
    monthlyCsv: 'Reporte mensual CSV',
    monthlyXlsx: 'Reporte mensual Excel',
    ineiCsv: 'Cuadros INEI CSV',
    ineiXlsx: 'Cuadros INEI Excel',
    downloaded: (name) => `Descargado: ${name}`,
    downloadFailed: 'No se pudo descargar',
    tooLong: (max) => `Elija un periodo de hasta ${max} meses: cada mes es un reporte.`,
    noPanels: 'Su rol no tiene estadísticas disponibles.',
    sumNote: 'Suma de los reportes mensuales del periodo; si algún mes está reservado, la suma también lo está.',
    allTables: 'Más tablas del reporte mensual',
    allTablesNote:
      'Las demás tablas del reporte (por delito, lugar de explotación, agravantes, captación, sector económico…), sumadas en el periodo. Abra una para verla.',
    chartLabel: (title) => `Gráfico: ${title}. Los datos están en la vista de tabla.`,
    nothingInPeriod: 'Sin registros en el periodo.',
    age: 'Grupo de edad',
  },
  en: {
    title: 'Statistics',
    intro:
      'Figures of the registry by the date of each act (Lima time). Each chart states its period, the log position it reflects and whether disclosure control was applied.',
    from: 'From (month)',
    to: 'To (month)',
    department: 'Department',
    allPeru: 'All of Peru',
    releasePoint: 'Release point',
    latestRelease: 'The latest release',
    releaseOption: (day, period) => (period ? `Close of ${period} (${day})` : `Release of ${day}`),
    apply: 'Apply',
    applyHint: 'applies the filters',
    trend: 'Monthly trend: calls, denunciations and convictions',
    trendNote:
      'Hotline 0800-2-3232 calls by date received; denunciations by date registered; convictions = first-instance convictions in the month.',
    byDepartment: 'By department',
    byDepartmentNote: "Denunciations by department of the place reported and calls by caller's department, in the period.",
    funnel: 'Funnel: denunciation → investigation → accusation → ruling',
    victims: 'Victims by sex and age group',
    calls: 'Calls',
    denunciations: 'Denunciations',
    convictions: 'Convictions',
    month: 'Month',
    chart: 'Chart',
    tableView: 'Table',
    view: 'View',
    period: 'Period',
    position: 'Log position',
    positions: 'Log positions',
    disclosure: (k) =>
      `Disclosure control applied (k = ${k}): cells of 1 to ${k - 1}, and those that would reveal them, read "suppressed".`,
    exact: 'Exact figures of your scope (no disclosure control).',
    reservedPoints: 'Suppressed points (left out of the chart)',
    noReserved: 'No suppressed value.',
    downloads: 'Official downloads',
    downloadsNote: (month, year) =>
      `Monthly report of ${month} and INEI tables of ${year}, in the screen's language, disclosure-controlled ("x" = suppressed).`,
    monthlyCsv: 'Monthly report CSV',
    monthlyXlsx: 'Monthly report Excel',
    ineiCsv: 'INEI tables CSV',
    ineiXlsx: 'INEI tables Excel',
    downloaded: (name) => `Downloaded: ${name}`,
    downloadFailed: 'Could not download',
    tooLong: (max) => `Choose a period of at most ${max} months: each month is one report.`,
    noPanels: 'Your role has no statistics available.',
    sumNote: "Sum of the period's monthly reports; if any month is suppressed, so is the sum.",
    allTables: 'More tables of the monthly report',
    allTablesNote:
      "The report's other tables (by offence, place of exploitation, aggravating circumstance, recruitment, economic sector…), summed over the period. Open one to see it.",
    chartLabel: (title) => `Chart: ${title}. The data are in the table view.`,
    nothingInPeriod: 'No records in the period.',
    age: 'Age group',
  },
};
