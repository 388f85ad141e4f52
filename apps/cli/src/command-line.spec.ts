import { describe, expect, it } from '@jest/globals';
import { InvalidCommand } from '#domain';
import { ConfigError } from '#platform';
import { describeFailure, EXIT, NoData, UsageError } from './cli-errors.js';
import { checkDestination } from './cli-io.js';
import { parseCommandLine } from './command-line.js';

const PROJECTIONS = ['hotline-statistics', 'official-statistics'];
const parse = (line: string) => parseCommandLine(line.split(' ').filter(Boolean), { projections: PROJECTIONS });
const refusal = (line: string): string => {
  try {
    parse(line);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`"${line}" was accepted`);
};

describe('the command line', () => {
  it.each(['', 'help', '--help', '-h', 'report monthly --help', 'verify -h'])('"%s" asks for the usage text', (line) => {
    expect(parse(line)).toEqual({ command: 'help' });
  });

  it('refuses an unknown command, naming it', () => {
    expect(refusal('frobnicate')).toBe('comando desconocido: «frobnicate» / unknown command "frobnicate"');
    expect(refusal('--year 2025')).toMatch(/comando desconocido: «--year»/);
  });

  it('reads a monthly report with its defaults: json, Spanish, current position, stdout, all of Peru', () => {
    expect(parse('report monthly --year 2025 --month 3')).toEqual({
      command: 'report-monthly',
      year: 2025,
      month: 3,
      department: null,
      asOf: null,
      format: 'json',
      lang: 'es',
      out: null,
    });
    expect(parse('report monthly --year=2025 --month=03 --department 15 --as-of 120 --format xlsx --lang en --out r.xlsx')).toEqual({
      command: 'report-monthly',
      year: 2025,
      month: 3,
      department: '15',
      asOf: 120,
      format: 'xlsx',
      lang: 'en',
      out: 'r.xlsx',
    });
  });

  it.each(['13', '0', 'marzo', '3.5', '-1', ' '])('refuses --month %s, naming the option and the reason', (month) => {
    expect(refusal(`report monthly --year 2025 --month=${month}`)).toMatch(
      /^--month: debe ser un entero entre 1 y 12 \(se recibió «.*»\) \/ must be an integer from 1 to 12/,
    );
  });

  it('refuses a missing or impossible year', () => {
    expect(refusal('report monthly --month 3')).toBe('--year: es obligatorio / is required');
    expect(refusal('export inei')).toBe('--year: es obligatorio / is required');
    expect(refusal('export inei --year 25')).toMatch(/^--year: debe ser un año entre 1990 y 2100/);
  });

  it('refuses an option given without its value', () => {
    expect(refusal('report monthly --month 3 --year')).toBe('--year: falta el valor / the value is missing');
    expect(refusal('report monthly --year --month 3')).toBe('--year: falta el valor / the value is missing');
  });

  it('refuses a bad format or language, listing what is allowed', () => {
    expect(refusal('report monthly --year 2025 --month 3 --format pdf')).toBe(
      '--format: debe ser uno de: json, csv, xlsx (se recibió «pdf») / must be one of json, csv, xlsx',
    );
    expect(refusal('export inei --year 2025 --lang qu')).toMatch(/^--lang: debe ser uno de: es, en/);
    expect(refusal('export inei --year 2025 --as-of=-5')).toMatch(/^--as-of: debe ser un entero ≥ 0/);
  });

  it('refuses options a command does not take, and stray arguments', () => {
    expect(refusal('export inei --year 2025 --month 3')).toBe(
      '--month: opción desconocida para «export inei» / unknown option for "export inei"',
    );
    expect(refusal('verify --fast')).toMatch(/^--fast: opción desconocida para «verify»/);
    expect(refusal('verify now')).toBe('verify: argumento inesperado «now» / unexpected argument "now"');
  });

  it('requires the kind of report or export', () => {
    expect(refusal('report --year 2025')).toMatch(/^report: falta el tipo \(monthly\)/);
    expect(refusal('report weekly --year 2025')).toMatch(/^report: tipo desconocido «weekly»/);
    expect(refusal('export dane --year 2025')).toMatch(/^export: tipo desconocido «dane»/);
  });

  it('checks the shape of a department code (the catalog is checked later)', () => {
    expect(refusal('report monthly --year 2025 --month 3 --department 150101')).toMatch(
      /^--department: debe ser un código de departamento de 2 dígitos/,
    );
    expect(refusal('report monthly --year 2025 --month 3 --department 00')).toMatch(/^--department:/);
  });

  it('reads a publication request, checking the period against the kind', () => {
    expect(parse('publish --kind monthly --period 2025-03 --department 15')).toEqual({
      command: 'publish',
      kind: 'monthly',
      period: '2025-03',
      department: '15',
      id: null,
    });
    expect(parse('publish --kind inei-annual --period 2025 --id 6F1C2A4E-8B3D-4C5E-9F70-1A2B3C4D5E6F')).toEqual({
      command: 'publish',
      kind: 'inei-annual',
      period: '2025',
      department: null,
      id: '6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f',
    });
    expect(refusal('publish --period 2025-03')).toMatch(/^--kind: es obligatorio/);
    expect(refusal('publish --kind weekly --period 2025-03')).toMatch(/^--kind: debe ser uno de: monthly, inei-annual/);
    expect(refusal('publish --kind monthly')).toBe('--period: es obligatorio / is required');
    expect(refusal('publish --kind monthly --period 2025')).toMatch(/^--period: debe ser YYYY-MM para un reporte mensual/);
    expect(refusal('publish --kind monthly --period 2025-13')).toMatch(/^--period: debe ser YYYY-MM/);
    expect(refusal('publish --kind inei-annual --period 2025-03')).toMatch(/^--period: debe ser YYYY para los cuadros anuales/);
    expect(refusal('publish --kind inei-annual --period 2025 --department 15')).toMatch(/^--department: solo se admite con --kind monthly/);
    expect(refusal('publish --kind monthly --period 2025-03 --id 42')).toMatch(/^--id: debe ser un UUID/);
  });

  it('rebuilds every projection or one that exists', () => {
    expect(parse('rebuild')).toEqual({ command: 'rebuild', projection: null });
    expect(parse('rebuild --projection official-statistics')).toEqual({ command: 'rebuild', projection: 'official-statistics' });
    expect(refusal('rebuild --projection cases')).toMatch(/^--projection: debe ser uno de: hotline-statistics, official-statistics/);
  });

  it('verifies with no options', () => {
    expect(parse('verify')).toEqual({ command: 'verify' });
  });

  it('verifies against a copy of the exported anchors given by --anchors, never an empty one', () => {
    expect(parse('verify --anchors /mnt/copia/anclajes.jsonl')).toEqual({ command: 'verify', anchors: '/mnt/copia/anclajes.jsonl' });
    expect(refusal('verify --anchors=')).toBe('--anchors: no puede estar vacío / must not be empty');
  });

  it('backs up to and restores from the file given, which is required', () => {
    expect(parse('backup --out copia.jsonl.gz')).toEqual({ command: 'backup', out: 'copia.jsonl.gz' });
    expect(parse('restore --in copia.jsonl.gz')).toEqual({ command: 'restore', in: 'copia.jsonl.gz' });
    expect(refusal('backup')).toBe('--out: es obligatorio (un archivo) / is required (a file)');
    expect(refusal('restore --in=')).toBe('--in: es obligatorio (un archivo) / is required (a file)');
    expect(refusal('restore --out x')).toMatch(/^--out: opción desconocida para «restore»/);
  });

  it('issues a token for a role, national or for some departments', () => {
    expect(parse('token --role analyst')).toEqual({
      command: 'token',
      role: 'analyst',
      departments: [],
      hours: 8,
      subject: 'local-analyst',
    });
    expect(parse('token --role police --department 15 --department 08 --hours 2 --subject comisaria-17')).toEqual({
      command: 'token',
      role: 'police',
      departments: ['08', '15'],
      hours: 2,
      subject: 'comisaria-17',
    });
    expect(refusal('token')).toMatch(/^--role: es obligatorio/);
    expect(refusal('token --role chief')).toMatch(/^--role: debe ser uno de: operator, police/);
    expect(refusal('token --role police --department 8')).toMatch(/^--department: debe ser un código de departamento de 2 dígitos/);
    expect(refusal('token --role police --hours 0')).toMatch(/^--hours: debe ser un entero entre 1 y 720/);
    expect(refusal('token --role police --subject ana@example.org')).toMatch(/^--subject: debe ser un identificador opaco/);
  });
});

describe('output destination', () => {
  it('refuses to write a workbook to a terminal, but not to a file or a pipe', () => {
    expect(() => checkDestination('xlsx', null, true)).toThrow(/--format xlsx: no se escribe un libro XLSX en la terminal/);
    expect(() => checkDestination('xlsx', 'r.xlsx', true)).not.toThrow();
    expect(() => checkDestination('xlsx', null, false)).not.toThrow();
    expect(() => checkDestination('csv', null, true)).not.toThrow();
  });
});

describe('exit codes', () => {
  it('maps usage, validation and configuration errors to 2, with the way to the help', () => {
    expect(describeFailure(new UsageError('x', 'y'), false)).toEqual({
      exitCode: EXIT.usage,
      message: 'x / y\nUso / usage: npm run cli -- help',
    });
    expect(describeFailure(new NoData('/tmp/d'), false).exitCode).toBe(EXIT.usage);
    expect(describeFailure(new NoData('/tmp/d'), false).message).toMatch(/no hay datos en \/tmp\/d: ejecute npm start primero \/ no data/);
    expect(describeFailure(new ConfigError('PORT must be…'), false).exitCode).toBe(EXIT.usage);
    const invalid = describeFailure(new InvalidCommand([{ field: 'asOf', reason: 'posterior a 3', reasonEn: 'after 3' }]), false);
    expect(invalid).toEqual({ exitCode: EXIT.usage, message: 'Datos no válidos / Invalid data\n  asOf: posterior a 3 / after 3' });
  });

  it('maps anything else to 1, with the stack only when debugging', () => {
    const failure = describeFailure(new Error('boom'), false);
    expect(failure).toEqual({ exitCode: EXIT.failure, message: 'error inesperado / unexpected error: boom' });
    expect(describeFailure(new Error('boom'), true).message).toMatch(/boom\n\s+at /);
  });
});
