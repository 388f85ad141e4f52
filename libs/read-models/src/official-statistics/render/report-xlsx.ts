import ExcelJS from 'exceljs';
import type { PublishedReport } from '../stat-table.js';
import { departmentLabel, tableGrid, type ReportLanguage, type TableGrid } from './report-csv.js';

export interface RenderXlsxOptions {
  language?: ReportLanguage;
}

const TEXTS = {
  es: {
    sheet: 'Metadatos',
    report: 'Reporte',
    period: 'Periodo',
    department: 'Departamento',
    asOf: 'Posición del registro (as-of)',
    applied: 'Control de divulgación aplicado',
    yes: 'Sí',
    no: 'No',
    method: 'Método',
    generated: 'Generado',
    source: 'Fuente',
    table: 'Tabla',
  },
  en: {
    sheet: 'Metadata',
    report: 'Report',
    period: 'Period',
    department: 'Department',
    asOf: 'Register position (as-of)',
    applied: 'Disclosure control applied',
    yes: 'Yes',
    no: 'No',
    method: 'Method',
    generated: 'Generated',
    source: 'Source',
    table: 'Table',
  },
} as const;

const SHEET_NAME_MAX = 31;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/**
 * One worksheet per table (title, bold frozen header, rows, notes) and a final metadata sheet. The bytes depend
 * only on the report: document properties and zip entry times come from report.generatedAt, not the clock.
 */
export async function renderReportXlsx(report: PublishedReport, options: RenderXlsxOptions = {}): Promise<Buffer> {
  const language = options.language ?? 'es';
  const texts = TEXTS[language];
  const generatedAt = new Date(report.generatedAt);
  if (Number.isNaN(generatedAt.getTime())) throw new Error(`Invalid generatedAt '${report.generatedAt}'`);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Registro de Trata';
  workbook.lastModifiedBy = 'Registro de Trata';
  workbook.created = generatedAt;
  workbook.modified = generatedAt;

  const taken = new Set([texts.sheet.toLowerCase()]);
  report.tables.forEach((table, index) => {
    const grid = tableGrid(table, language);
    addTableSheet(workbook, uniqueSheetName(grid.title, `${texts.table} ${index + 1}`, taken), grid);
  });
  addMetadataSheet(workbook, report, language);

  const written = await workbook.xlsx.writeBuffer();
  return stampZipEntries(Buffer.from(written), generatedAt);
}

function addTableSheet(workbook: ExcelJS.Workbook, name: string, grid: TableGrid): void {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: grid.labelColumns, ySplit: 2 }],
  });
  sheet.addRow([grid.title]).font = { bold: true };
  sheet.addRow(grid.header).font = { bold: true };
  for (const row of grid.rows) sheet.addRow(row);
  if (grid.notes.length > 0) {
    sheet.addRow([]);
    for (const note of grid.notes) sheet.addRow([note]);
  }
  // Widths fit the header and cells; the title and notes overflow to the right instead of widening column A.
  grid.header.forEach((heading, index) => {
    const longest = Math.max(heading.length, ...grid.rows.map((row) => String(row[index] ?? '').length));
    sheet.getColumn(index + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
  });
}

function addMetadataSheet(workbook: ExcelJS.Workbook, report: PublishedReport, language: ReportLanguage): void {
  const texts = TEXTS[language];
  const { k, applied, method } = report.disclosureControl;
  const sheet = workbook.addWorksheet(texts.sheet);
  const rows: Array<[string, string | number]> = [
    [texts.report, report.title[language]],
    [texts.period, report.period],
    [texts.department, departmentLabel(report.department, language)],
    [texts.asOf, report.asOfPosition],
    ['k', k],
    [texts.applied, applied ? texts.yes : texts.no],
    [texts.method, method],
    [texts.generated, report.generatedAt],
    [texts.source, report.source],
  ];
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn(1).font = { bold: true };
  sheet.getColumn(1).width = Math.max(...rows.map(([label]) => label.length)) + 2;
  sheet.getColumn(2).width = Math.min(MAX_WIDTH, Math.max(...rows.map(([, value]) => String(value).length)) + 2);
}

/** Excel's rules: at most 31 characters, none of []:*?/\, no leading or trailing apostrophe, unique ignoring case. */
export function uniqueSheetName(title: string, fallback: string, taken: Set<string>): string {
  const cleaned = title
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s']+|[\s']+$/g, '');
  const base = cleaned === '' ? fallback : cleaned;
  for (let attempt = 1; ; attempt++) {
    const suffix = attempt === 1 ? '' : ` (${attempt})`;
    const name = truncate(base, SHEET_NAME_MAX - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never cut a surrogate pair in half, and drop what a cut leaves dangling.
  const cut = /[\uD800-\uDBFF]$/.test(text.slice(0, max)) ? text.slice(0, max - 1) : text.slice(0, max);
  return cut.replace(/[\s']+$/, '');
}

/**
 * JSZip (inside exceljs) stamps every zip entry with the current time and exceljs offers no option to change it,
 * so the DOS date/time fields of the local and central headers are rewritten to generatedAt.
 */
function stampZipEntries(zip: Buffer, at: Date): Buffer {
  const year = Math.max(1980, at.getUTCFullYear());
  const dosTime = (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1);
  const dosDate = ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate();
  const end = findEndOfCentralDirectory(zip);
  const entries = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  for (let entry = 0; entry < entries; entry++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error('Unexpected zip layout from exceljs');
    zip.writeUInt16LE(dosTime, offset + 12);
    zip.writeUInt16LE(dosDate, offset + 14);
    const local = zip.readUInt32LE(offset + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error('Unexpected zip layout from exceljs');
    zip.writeUInt16LE(dosTime, local + 10);
    zip.writeUInt16LE(dosDate, local + 12);
    offset += 46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return zip;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  for (let offset = zip.length - 22; offset >= Math.max(0, zip.length - 22 - 0xffff); offset--) {
    if (zip.readUInt32LE(offset) === 0x06054b50) return offset;
  }
  throw new Error('Unexpected zip layout from exceljs: no end of central directory');
}
