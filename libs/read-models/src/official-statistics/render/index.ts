export { canonicalJson, sha256Hex } from './canonical-json.js';
export { isDepartmentTable, renderReportCsv, type RenderCsvOptions, type ReportLanguage } from './report-csv.js';
export { renderReportXlsx, type RenderXlsxOptions } from './report-xlsx.js';
