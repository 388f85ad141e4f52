import type { ReferenceCatalogs } from '#platform';
import {
  canonicalJson,
  OfficialStatistics,
  renderReportCsv,
  renderReportXlsx,
  type PublishedReport,
  type ReportRequest,
} from '#read-models';
import type { CliDatabase } from './cli-database.js';
import { EXIT, invalidOption, type ExitCode } from './cli-errors.js';
import { writeResult, type CliIO } from './cli-io.js';
import type { CliCommand, ExportFormat, ExportLanguage, ExportOptions } from './command-line.js';
import { bringStatisticsUpToDate } from './log-position.js';

export type ReportCommand = Extract<CliCommand, { command: 'report-monthly' | 'export-inei' }>;

/** The report a command asks for, in the shape the statistics service takes. */
export function reportRequest(command: ReportCommand): ReportRequest {
  return command.command === 'report-monthly'
    ? { kind: 'monthly', period: `${command.year}-${String(command.month).padStart(2, '0')}`, department: command.department }
    : { kind: 'inei-annual', period: String(command.year), department: null };
}

/** A department must exist in the INEI UBIGEO catalog (the command line only checked its shape). */
export function checkDepartment(catalogs: ReferenceCatalogs, department: string | null): void {
  if (department !== null && catalogs.ubigeo.departmentName(department) === undefined) {
    throw invalidOption(
      '--department',
      `«${department}» no es un departamento del catálogo UBIGEO del INEI`,
      'is not a department of the INEI UBIGEO catalog',
    );
  }
}

/**
 * The report's bytes. JSON is canonical, so the same report at the same position is the same bytes (and its
 * sha256 is that of a publication taken at that position). Disclosure control is always applied: CLI outputs
 * leave the registry.
 */
export async function produceReport(
  statistics: OfficialStatistics,
  request: ReportRequest,
  options: Pick<ExportOptions, 'asOf' | 'format' | 'lang'>,
  k: number,
): Promise<{ report: PublishedReport; body: Buffer | string }> {
  const report = await statistics.report(request, { asOf: options.asOf, disclosure: { k, applied: true } });
  return { report, body: await render(report, options.format, options.lang) };
}

async function render(report: PublishedReport, format: ExportFormat, language: ExportLanguage): Promise<Buffer | string> {
  switch (format) {
    case 'json':
      return canonicalJson(report);
    case 'csv':
      return renderReportCsv(report, { language });
    case 'xlsx':
      return renderReportXlsx(report, { language });
  }
}

/** `report monthly` and `export inei`. */
export async function runReport(
  command: ReportCommand,
  context: { db: CliDatabase; catalogs: ReferenceCatalogs; k: number; io: CliIO },
): Promise<ExitCode> {
  const { db, catalogs, k, io } = context;
  await bringStatisticsUpToDate(db, io.log);
  const request = reportRequest(command);
  const { report, body } = await produceReport(new OfficialStatistics(db.dataSource, catalogs), request, command, k);
  io.log(`${report.title.es} / ${report.title.en}: posición del registro / log position ${report.asOfPosition}, k = ${k}`);
  await writeResult(io, body, command.out);
  return EXIT.ok;
}
