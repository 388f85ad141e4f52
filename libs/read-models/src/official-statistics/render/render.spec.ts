import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { PublishedReport, PublishedTable } from '../stat-table.js';
import { TOTAL_KEY, TOTAL_LABEL, UNKNOWN_KEY, UNKNOWN_LABEL } from '../stat-table.js';
import { canonicalJson, isDepartmentTable, renderReportCsv, renderReportXlsx, sha256Hex } from './index.js';
import { uniqueSheetName } from './report-xlsx.js';

const SEX_COLUMNS = [
  { key: 'female', label: { es: 'Mujer', en: 'Female' } },
  { key: 'male', label: { es: 'Hombre', en: 'Male' } },
  { key: TOTAL_KEY, label: TOTAL_LABEL },
];

const byDepartment: PublishedTable = {
  id: 'victims-by-department',
  title: { es: 'Víctimas por departamento', en: 'Victims by department' },
  rowHeader: { es: 'Departamento', en: 'Department' },
  unit: 'count',
  columns: SEX_COLUMNS,
  rows: [
    { key: '08', label: { es: 'Cusco', en: 'Cusco' }, values: [6, null, null] },
    { key: '15', label: { es: 'Lima', en: 'Lima' }, values: [12, 7, 19] },
    { key: UNKNOWN_KEY, label: UNKNOWN_LABEL, values: [5, 6, 11] },
    { key: TOTAL_KEY, label: TOTAL_LABEL, values: [23, 16, 39] },
  ],
  suppressed: [
    { row: '08', column: 'male', reason: 'primary' },
    { row: '08', column: TOTAL_KEY, reason: 'complementary' },
  ],
};

const byExploitation: PublishedTable = {
  id: 'victims-by-exploitation',
  title: { es: 'Víctimas por tipo de explotación', en: 'Victims by type of exploitation' },
  rowHeader: { es: 'Tipo de explotación', en: 'Type of exploitation' },
  unit: 'count',
  columns: SEX_COLUMNS,
  rows: [
    { key: 'labour', label: { es: 'Explotación laboral, incluida la mendicidad', en: 'Labour, incl. begging' }, values: [8, 9, 17] },
    { key: TOTAL_KEY, label: TOTAL_LABEL, values: [8, 9, 17] },
  ],
  suppressed: [],
  note: { es: 'Cuenta víctimas por fecha de los hechos.', en: 'Counts victims by date of the events.' },
};

const medianHours: PublishedTable = {
  id: 'hours-to-accept',
  title: { es: 'Mediana de horas hasta aceptar la derivación [PNP/MP]', en: 'Median hours to accept: referrals' },
  rowHeader: { es: 'Destino', en: 'Destination' },
  unit: 'hours',
  columns: [{ key: 'median', label: { es: 'Mediana (horas)', en: 'Median (hours)' } }],
  rows: [{ key: 'PNP', label: { es: 'Policía Nacional', en: 'National Police' }, values: [12.5] }],
  suppressed: [],
};

const report: PublishedReport = {
  kind: 'monthly',
  title: { es: 'Reporte mensual de trata de personas', en: 'Monthly human trafficking report' },
  period: '2025-03',
  department: null,
  asOfPosition: 4812,
  generatedAt: '2025-04-01T05:12:33.120Z',
  disclosureControl: { k: 5, applied: true, method: 'supresión primaria y complementaria' },
  source: 'Registro de Trata, MININTER',
  tables: [byDepartment, byExploitation, medianHours],
};

const csvLines = (buffer: Buffer) =>
  buffer
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n');

describe('renderReportCsv', () => {
  const csv = renderReportCsv(report);
  const lines = csvLines(csv);

  it('is UTF-8 with a BOM and CRLF line ends only', () => {
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).not.toMatch(/[^\r]\n/);
    expect(csv.toString('utf8').endsWith('\r\n')).toBe(true);
  });

  it('starts with the metadata block in Spanish', () => {
    expect(lines.slice(0, 8)).toEqual([
      'Reporte,Reporte mensual de trata de personas',
      'Periodo,2025-03',
      'Departamento,Todo el Perú',
      'Posición del registro (as-of),4812',
      'Generado,2025-04-01T05:12:33.120Z',
      'Control de divulgación,"k=5; supresión primaria y complementaria"',
      'Fuente,"Registro de Trata, MININTER"',
      '',
    ]);
  });

  it('writes department tables with a UBIGEO code column, x for suppressed cells and the note', () => {
    const start = lines.indexOf('Víctimas por departamento');
    expect(lines.slice(start, start + 7)).toEqual([
      'Víctimas por departamento',
      'Código UBIGEO,Departamento,Mujer,Hombre,Total',
      '08,Cusco,6,x,x',
      '15,Lima,12,7,19',
      ',Sin información,5,6,11',
      ',Total,23,16,39',
      'x: dato reservado (menos de k personas o supresión complementaria)',
    ]);
  });

  it('quotes labels with commas, adds the table note and writes decimals as they are', () => {
    expect(lines).toContain('Tipo de explotación,Mujer,Hombre,Total');
    expect(lines).toContain('"Explotación laboral, incluida la mendicidad",8,9,17');
    expect(lines).toContain('Cuenta víctimas por fecha de los hechos.');
    expect(lines).toContain('Policía Nacional,12.5');
    expect(lines.filter((line) => line.startsWith('x:'))).toHaveLength(1);
  });

  it('parses back as RFC 4180', () => {
    const records = parse(csv, { bom: true, relax_column_count: true }) as string[][];
    expect(records).toContainEqual(['Explotación laboral, incluida la mendicidad', '8', '9', '17']);
    expect(records).toContainEqual(['Control de divulgación', 'k=5; supresión primaria y complementaria']);
  });

  it('uses English labels on request', () => {
    const english = csvLines(renderReportCsv(report, { language: 'en' }));
    expect(english[0]).toBe('Report,Monthly human trafficking report');
    expect(english).toContain('Department,All of Peru');
    expect(english).toContain('UBIGEO code,Department,Female,Male,Total');
    expect(english).toContain(',Unknown,5,6,11');
    expect(english).toContain('"x: confidential (fewer than k persons, or complementary suppression)"');
  });

  it('renders one table on request and names an unknown table id', () => {
    const exact = { ...report, department: '15', disclosureControl: { k: 5, applied: false, method: 'none' } };
    const one = csvLines(renderReportCsv(exact, { tableId: 'victims-by-exploitation' }));
    expect(one).toContain('Departamento,15');
    expect(one).toContain('Control de divulgación,No aplicado (cifras exactas)');
    expect(one).toContain('Víctimas por tipo de explotación');
    expect(one).not.toContain('Víctimas por departamento');
    expect(() => renderReportCsv(report, { tableId: 'nope' })).toThrow(/nope/);
  });

  it('tells department tables apart by their row header', () => {
    expect(isDepartmentTable(byDepartment)).toBe(true);
    expect(isDepartmentTable(byExploitation)).toBe(false);
    const byPlace = { ...byDepartment, rowHeader: { es: 'Lugar de explotación', en: 'Place of exploitation' } };
    expect(isDepartmentTable(byPlace)).toBe(true);
    const abroad = { ...byPlace, rows: [{ key: 'abroad:CL', label: { es: 'Extranjero: Chile', en: 'Abroad: Chile' }, values: [7, 0, 7] }] };
    expect(csvLines(renderReportCsv({ ...report, tables: [abroad] }))).toContain(',Extranjero: Chile,7,0,7');
  });
});

describe('renderReportXlsx', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  const load = async (buffer: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    return workbook;
  };

  it('writes one sheet per table and a metadata sheet', async () => {
    const workbook = await load(await renderReportXlsx(report));
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).toEqual(['Víctimas por departamento', 'Víctimas por tipo de explotació', expect.any(String), 'Metadatos']);
    expect(names[2].length).toBeLessThanOrEqual(31);
    expect(names[2]).toMatch(/^Mediana de horas/);
    expect(names[2]).not.toMatch(/[[\]:*?/\\]/);
  });

  it('writes a bold frozen header, numbers as numbers, x for suppressed cells and the notes', async () => {
    const sheet = (await load(await renderReportXlsx(report))).getWorksheet('Víctimas por departamento')!;
    expect(sheet.getCell('A1').value).toBe('Víctimas por departamento');
    const header = [1, 2, 3, 4, 5].map((column) => sheet.getRow(2).getCell(column).value);
    expect(header).toEqual(['Código UBIGEO', 'Departamento', 'Mujer', 'Hombre', 'Total']);
    expect(sheet.getCell('C2').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.getCell('A3').value).toBe('08');
    expect(sheet.getCell('C3').value).toBe(6);
    expect(sheet.getCell('D3').value).toBe('x');
    expect(sheet.getCell('B5').value).toBe('Sin información');
    expect(sheet.getCell('A8').value).toBe('x: dato reservado (menos de k personas o supresión complementaria)');
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual('Sin información'.length);
  });

  it('writes the metadata with typed values', async () => {
    const sheet = (await load(await renderReportXlsx(report))).getWorksheet('Metadatos')!;
    const values = new Map<string, unknown>();
    sheet.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('Posición del registro (as-of)')).toBe(4812);
    expect(values.get('k')).toBe(5);
    expect(values.get('Control de divulgación aplicado')).toBe('Sí');
    expect(values.get('Departamento')).toBe('Todo el Perú');
    expect(values.get('Generado')).toBe('2025-04-01T05:12:33.120Z');
    expect(values.get('Método')).toBe('supresión primaria y complementaria');
  });

  it('uses English labels on request', async () => {
    const workbook = await load(await renderReportXlsx(report, { language: 'en' }));
    expect(workbook.worksheets.map((sheet) => sheet.name).at(-1)).toBe('Metadata');
    expect(workbook.getWorksheet('Victims by department')!.getCell('A2').value).toBe('UBIGEO code');
    expect(workbook.creator).toBe('Registro de Trata');
    // core.xml keeps whole seconds.
    expect(workbook.created.toISOString()).toBe('2025-04-01T05:12:33.000Z');
  });

  it('gives the same bytes whatever the clock says', async () => {
    const realTime = [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ] as const;
    jest.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z'), doNotFake: [...realTime] });
    expect(new Date().getUTCFullYear()).toBe(2030);
    const first = await renderReportXlsx(report);
    jest.setSystemTime(new Date('2031-06-15T13:45:10Z'));
    const second = await renderReportXlsx(report);
    expect(second.equals(first)).toBe(true);
    // The first local zip header carries generatedAt (2025-04-01 05:12:32, DOS time has 2-second steps).
    expect([first.readUInt16LE(10), first.readUInt16LE(12)]).toEqual([(5 << 11) | (12 << 5) | 16, (45 << 9) | (4 << 5) | 1]);
  });

  it('makes sheet names unique ignoring case and within 31 characters', () => {
    const taken = new Set(['metadatos']);
    expect(uniqueSheetName('Metadatos', 'Tabla 1', taken)).toBe('Metadatos (2)');
    expect(uniqueSheetName("'???'", 'Tabla 2', taken)).toBe('Tabla 2');
    const long = 'Víctimas por departamento y tipo de explotación';
    const a = uniqueSheetName(long, 'Tabla 3', taken);
    const b = uniqueSheetName(long.toUpperCase(), 'Tabla 4', taken);
    expect(a).toBe('Víctimas por departamento y tip');
    expect(b).toBe('VÍCTIMAS POR DEPARTAMENTO Y (2)');
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth by code unit and omits undefined members', () => {
    const value = { b: 1, a: { d: [{ z: 1, y: [2, undefined] }], c: undefined }, é: 'x', B: true, '\uffff': 0, '😀': 0 };
    expect(canonicalJson(value)).toBe('{"B":true,"a":{"d":[{"y":[2,null],"z":1}]},"b":1,"é":"x","😀":0,"\uffff":0}');
  });

  it('is byte-stable whatever the insertion order, and round-trips a report', () => {
    const reversed = JSON.parse(JSON.stringify(report), (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value,
    ) as PublishedReport;
    expect(Object.keys(reversed)[0]).toBe('tables');
    expect(canonicalJson(reversed)).toBe(canonicalJson(report));
    expect(JSON.parse(canonicalJson(report))).toEqual(report);
    expect(sha256Hex(canonicalJson(reversed))).toBe(sha256Hex(canonicalJson(report)));
  });
});

describe('sha256Hex', () => {
  it('matches the known vector', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
