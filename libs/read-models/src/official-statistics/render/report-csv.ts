import { stringify } from 'csv-stringify/sync';
import type { PublishedReport, PublishedTable } from '../stat-table.js';

export type ReportLanguage = 'es' | 'en';

export interface RenderCsvOptions {
  language?: ReportLanguage;
  /** Render only this table; an unknown id is an error. */
  tableId?: string;
}

/** A published table laid out as a grid: what both the CSV and the XLSX renderings write. */
export interface TableGrid {
  title: string;
  header: string[];
  /** Leading columns that label the row (row label, plus the UBIGEO code for department tables). */
  labelColumns: number;
  /** Suppressed cells are the string `x`; UBIGEO codes stay strings so `08` keeps its leading zero. */
  rows: Array<Array<string | number>>;
  notes: string[];
}

export const SUPPRESSED_MARK = 'x';

const TEXTS = {
  es: {
    report: 'Reporte',
    period: 'Periodo',
    department: 'Departamento',
    allOfPeru: 'Todo el Perú',
    asOf: 'Posición del registro (as-of)',
    generated: 'Generado',
    disclosure: 'Control de divulgación',
    notApplied: 'No aplicado (cifras exactas)',
    source: 'Fuente',
    ubigeoCode: 'Código UBIGEO',
    suppressedNote: 'x: dato reservado (menos de k personas o supresión complementaria)',
  },
  en: {
    report: 'Report',
    period: 'Period',
    department: 'Department',
    allOfPeru: 'All of Peru',
    asOf: 'Register position (as-of)',
    generated: 'Generated',
    disclosure: 'Disclosure control',
    notApplied: 'Not applied (exact counts)',
    source: 'Source',
    ubigeoCode: 'UBIGEO code',
    suppressedNote: 'x: confidential (fewer than k persons, or complementary suppression)',
  },
} as const;

const DEPARTMENT_CODE = /^\d{2}$/;

/**
 * Department tables get a UBIGEO code column next to the department name; so does the table by place of
 * exploitation, whose rows are the departments and then countries abroad (code cell empty).
 */
export function isDepartmentTable(table: PublishedTable): boolean {
  return table.rowHeader.en === 'Department' || table.rowHeader.en === 'Place of exploitation';
}

export function departmentLabel(department: string | null, language: ReportLanguage): string {
  return department ?? TEXTS[language].allOfPeru;
}

export function tableGrid(table: PublishedTable, language: ReportLanguage): TableGrid {
  const texts = TEXTS[language];
  const withCode = isDepartmentTable(table);
  const labelHeader = withCode ? [texts.ubigeoCode, table.rowHeader[language]] : [table.rowHeader[language]];
  const rows = table.rows.map((row) => {
    // 'unknown' and 'total' are keys, not UBIGEO codes: their code cell stays empty.
    const labels = withCode ? [DEPARTMENT_CODE.test(row.key) ? row.key : '', row.label[language]] : [row.label[language]];
    return [...labels, ...row.values.map((value) => value ?? SUPPRESSED_MARK)];
  });
  const hasSuppressed = table.suppressed.length > 0 || table.rows.some((row) => row.values.includes(null));
  const notes = [...(hasSuppressed ? [texts.suppressedNote] : []), ...(table.note ? [table.note[language]] : [])];
  return {
    title: table.title[language],
    header: [...labelHeader, ...table.columns.map((column) => column.label[language])],
    labelColumns: labelHeader.length,
    rows,
    notes,
  };
}

function metadataRecords(report: PublishedReport, language: ReportLanguage): string[][] {
  const texts = TEXTS[language];
  const { k, applied, method } = report.disclosureControl;
  return [
    [texts.report, report.title[language]],
    [texts.period, report.period],
    [texts.department, departmentLabel(report.department, language)],
    [texts.asOf, String(report.asOfPosition)],
    [texts.generated, report.generatedAt],
    [texts.disclosure, applied ? `k=${k}; ${method}` : texts.notApplied],
    [texts.source, report.source],
  ];
}

/**
 * CSV for spreadsheets and scripts alike: UTF-8 with BOM (so Excel reads the accents), CRLF and RFC 4180 quoting.
 * A metadata block first, then each table under a blank line.
 */
export function renderReportCsv(report: PublishedReport, options: RenderCsvOptions = {}): Buffer {
  const language = options.language ?? 'es';
  const tables = selectTables(report, options.tableId);
  const records: Array<Array<string | number>> = metadataRecords(report, language);
  for (const table of tables) {
    const grid = tableGrid(table, language);
    records.push([], [grid.title], grid.header, ...grid.rows, ...grid.notes.map((note) => [note]));
  }
  const text = stringify(records, {
    bom: true,
    record_delimiter: 'windows',
    // Semicolons are quoted too: spreadsheets in Spanish locales may take them for the list separator.
    quoted_match: ';',
  });
  return Buffer.from(text, 'utf8');
}

function selectTables(report: PublishedReport, tableId: string | undefined): PublishedTable[] {
  if (tableId === undefined) return report.tables;
  const table = report.tables.find((candidate) => candidate.id === tableId);
  if (!table) throw new Error(`Unknown table id '${tableId}' in report '${report.title.en}'`);
  return [table];
}
