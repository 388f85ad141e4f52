import type { Response } from 'express';
import { canonicalJson, renderReportCsv, renderReportXlsx, type PublishedReport } from '#read-models';
import type { ExportFormat } from './official-statistics.dto.js';

/** JSON goes out in its canonical form, so the same report at the same position is the same bytes. */
export async function sendReport(
  res: Response,
  report: PublishedReport,
  options: { format?: ExportFormat; lang?: 'es' | 'en'; filename: string },
): Promise<void> {
  const format = options.format ?? 'json';
  res.setHeader('X-Log-Position', String(report.asOfPosition));
  if (format === 'json') {
    res.type('application/json; charset=utf-8').send(canonicalJson(report));
    return;
  }
  const body =
    format === 'csv'
      ? renderReportCsv(report, { language: options.lang ?? 'es' })
      : await renderReportXlsx(report, { language: options.lang ?? 'es' });
  res.setHeader('Content-Disposition', `attachment; filename="${options.filename}.${format}"`);
  res.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(body);
}
