import {
  AGGRAVATING_CIRCUMSTANCES,
  CASE_SOURCES,
  CONTROL_MEANS,
  DOCUMENT_TYPES,
  EXPLOITATION_PURPOSES,
  EXTERNAL_REFERENCE_MAX_LENGTH,
  ISIC_SECTIONS,
  MAX_TRANSIT_PLACES,
  OFFENCE_CODES,
  parseInstant,
  POLICE_CASE_LIMITS,
  RECRUITMENT_METHODS,
  SEXES,
  SEXUAL_EXPLOITATION_TYPES,
  type CasePlace,
  type CaseVictimInput,
  type RegisterCase,
} from '#domain';
import type { ReferenceCatalogs } from '#platform';
import { CASE_COLUMNS, LIST_SEPARATOR, VICTIM_COLUMNS, type CaseFileColumn, type RowProblem } from './import-layout.js';

/** One data row of a case file: its line and its cells by column name (trimmed; empty means absent). */
export interface SourceRow<Column extends string = CaseFileColumn> {
  line: number;
  cells: Record<Column, string>;
}

/** A case as the file gives it, checked at the edge: the command's data without ids, and the line of each part. */
export interface CaseRecord {
  sourceCaseId: string;
  /** The line of the case's first row: the case's own events carry it as their provenance. */
  line: number;
  data: Omit<RegisterCase['data'], 'caseId' | 'victims'> & { victims: Array<Omit<CaseVictimInput, 'victimId'>> };
  victims: Array<{ sourceVictimId: string; line: number }>;
  /** Every line of the case, for the summary (a case is imported or refused whole). */
  lines: number[];
}

const SOURCE_ID_MAX_LENGTH = 200;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An instant as the file gives it: ISO 8601 with an offset, or a Lima calendar date (YYYY-MM-DD, read as midnight
 * in Lima — historic registers often keep only the day).
 */
export function parseFileInstant(value: string): string | null {
  return parseInstant(DATE_ONLY.test(value) ? `${value}T00:00:00-05:00` : value);
}

/** Checks the cells of one row that the case and its victim need, at the edge (codes, dates, places, lengths). */
class RowChecker<Column extends string> {
  readonly problems: RowProblem[] = [];
  constructor(private readonly row: SourceRow<Column>) {}

  fail(field: string, reason: string, reasonEn: string): undefined {
    this.problems.push({ line: this.row.line, field, reason, reasonEn });
    return undefined;
  }

  cell(column: Column): string {
    return this.row.cells[column] ?? '';
  }

  required(column: Column, maxLength: number): string | undefined {
    const value = this.cell(column);
    if (value === '') return this.fail(column, 'es obligatorio', 'is required');
    return this.text(column, maxLength) ?? undefined;
  }

  /** Null when empty; undefined when refused. */
  text(column: Column, maxLength: number): string | null | undefined {
    const value = this.cell(column);
    if (value === '') return null;
    if ([...value].length > maxLength)
      return this.fail(column, `admite hasta ${maxLength} caracteres`, `takes at most ${maxLength} characters`);
    return value;
  }

  instant(column: Column, required: boolean): string | null | undefined {
    const value = this.cell(column);
    if (value === '') return required ? this.fail(column, 'es obligatorio', 'is required') : null;
    return (
      parseFileInstant(value) ??
      this.fail(
        column,
        'debe ser una fecha AAAA-MM-DD (día de Lima) o una fecha y hora ISO 8601 con zona horaria',
        'must be a date YYYY-MM-DD (Lima day) or an ISO 8601 date-time with an offset',
      )
    );
  }

  code<Code extends string>(column: Column, codes: readonly Code[], required: boolean): Code | null | undefined {
    const value = this.cell(column);
    if (value === '') return required ? this.fail(column, 'es obligatorio', 'is required') : null;
    if ((codes as readonly string[]).includes(value)) return value as Code;
    return this.fail(
      column,
      `código desconocido «${value}»; use uno de: ${codes.join(', ')}`,
      `unknown code "${value}"; use one of: ${codes.join(', ')}`,
    );
  }

  /** A `;`-separated list of codes; every item must be known (the first unknown one is named). */
  codes<Code extends string>(column: Column, codes: readonly Code[]): Code[] | undefined {
    const items = listOf(this.cell(column));
    const unknown = items.find((item) => !(codes as readonly string[]).includes(item));
    if (unknown !== undefined)
      return this.fail(
        column,
        `código desconocido «${unknown}»; use: ${codes.join(', ')}`,
        `unknown code "${unknown}"; use: ${codes.join(', ')}`,
      );
    return items as Code[];
  }

  ubigeo(column: Column, catalogs: ReferenceCatalogs, required: boolean): string | null | undefined {
    const value = this.cell(column);
    if (value === '') return required ? this.fail(column, 'es obligatorio (un UBIGEO del Perú)', 'is required (a Peruvian UBIGEO)') : null;
    if (!/^(?:\d{2}|\d{4}|\d{6})$/.test(value))
      return this.fail(column, 'debe ser un UBIGEO de 2, 4 o 6 dígitos', 'must be a 2, 4 or 6-digit UBIGEO');
    if (!catalogs.ubigeo.isKnown(value)) return this.fail(column, `UBIGEO desconocido «${value}»`, `unknown UBIGEO "${value}"`);
    return value;
  }

  /** A place by role: a known UBIGEO (Peru) or a known ISO 3166-1 alpha-2 country other than PE. */
  place(column: Column, value: string, catalogs: ReferenceCatalogs): CasePlace | undefined {
    if (/^\d+$/.test(value)) {
      if (/^(?:\d{2}|\d{4}|\d{6})$/.test(value) && catalogs.ubigeo.isKnown(value)) return { ubigeo: value };
      return this.fail(column, `«${value}» no es un UBIGEO conocido`, `"${value}" is not a known UBIGEO`);
    }
    const country = value.toUpperCase();
    if (country === 'PE')
      return this.fail(column, 'para un lugar en el Perú use su UBIGEO, no «PE»', 'for a place in Peru use its UBIGEO, not "PE"');
    if (/^[A-Z]{2}$/.test(country) && catalogs.countries.isKnown(country)) return { country };
    return this.fail(
      column,
      `«${value}» no es un UBIGEO ni un código de país ISO 3166-1 conocido`,
      `"${value}" is neither a UBIGEO nor a known ISO 3166-1 country code`,
    );
  }
}

export const listOf = (cell: string): string[] =>
  cell
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item !== '');

const hasVictim = (row: SourceRow): boolean => VICTIM_COLUMNS.some((column) => row.cells[column] !== '');

/** The case columns of a row, checked; undefined when any is refused (the problems say which). */
function caseFacts(check: RowChecker<CaseFileColumn>, catalogs: ReferenceCatalogs): CaseRecord['data'] | undefined {
  const registeredAt = check.instant('registered_at', true);
  const occurredAt = check.instant('occurred_at', false);
  const policeUnit = check.required('police_unit', POLICE_CASE_LIMITS.policeUnit);
  const ubigeo = check.ubigeo('ubigeo', catalogs, true);
  const source = check.code('source', CASE_SOURCES, true);
  const purposes = check.codes('purposes', EXPLOITATION_PURPOSES);
  const offences = check.codes('offences', OFFENCE_CODES);
  const aggravatingCircumstances = check.codes('aggravating_circumstances', AGGRAVATING_CIRCUMSTANCES);
  const recruitment = check.codes('recruitment_methods', RECRUITMENT_METHODS);
  const control = check.codes('control_means', CONTROL_MEANS);
  const labourSectors = check.codes('labour_sectors', ISIC_SECTIONS);
  const sexualExploitation = check.codes('sexual_exploitation_types', SEXUAL_EXPLOITATION_TYPES);
  const single = (column: 'recruitment_place' | 'exploitation_place') => {
    const value = check.cell(column);
    return value === '' ? null : check.place(column, value, catalogs);
  };
  const recruitmentPlace = single('recruitment_place');
  const exploitationPlace = single('exploitation_place');
  const transitItems = listOf(check.cell('transit_places'));
  if (transitItems.length > MAX_TRANSIT_PLACES)
    check.fail('transit_places', `admite hasta ${MAX_TRANSIT_PLACES} lugares`, `takes at most ${MAX_TRANSIT_PLACES} places`);
  const transit = transitItems.map((item) => check.place('transit_places', item, catalogs));
  const policeReport = check.text('police_report', EXTERNAL_REFERENCE_MAX_LENGTH);
  const prosecutorFile = check.text('prosecutor_file', EXTERNAL_REFERENCE_MAX_LENGTH);
  const courtFile = check.text('court_file', EXTERNAL_REFERENCE_MAX_LENGTH);
  if (check.problems.length > 0) return undefined;
  const references = Object.fromEntries(
    Object.entries({ policeReport, prosecutorFile, courtFile }).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  return {
    registeredAt: registeredAt!,
    occurredAt: occurredAt ?? null,
    policeUnit: policeUnit!,
    ubigeo: ubigeo!,
    source: source!,
    referralId: null,
    purposes: purposes!,
    offences: offences!,
    aggravatingCircumstances: aggravatingCircumstances!,
    places: { recruitment: recruitmentPlace ?? null, transit: transit as CasePlace[], exploitation: exploitationPlace ?? null },
    recruitment: recruitment!,
    control: control!,
    labourSectors: labourSectors!,
    sexualExploitation: sexualExploitation!,
    references,
    victims: [],
    suspects: [],
  };
}

/** The victim columns of a row, checked. */
function victimOf(check: RowChecker<CaseFileColumn>, catalogs: ReferenceCatalogs): Omit<CaseVictimInput, 'victimId'> | undefined {
  const sex = check.code('victim_sex', SEXES, true);
  const ageCell = check.cell('victim_age');
  let age: number | null = null;
  if (ageCell !== '') {
    age = /^\d{1,3}$/.test(ageCell) && Number(ageCell) <= 120 ? Number(ageCell) : null;
    if (age === null)
      check.fail(
        'victim_age',
        'debe ser un entero de 0 a 120 (vacío: no se sabe)',
        'must be a whole number from 0 to 120 (empty: unknown)',
      );
  }
  const nationalityCell = check.cell('victim_nationality');
  const nationality = nationalityCell === '' ? 'unknown' : nationalityCell === 'unknown' ? 'unknown' : nationalityCell.toUpperCase();
  if (nationality !== 'unknown' && !catalogs.countries.isKnown(nationality))
    check.fail(
      'victim_nationality',
      `«${nationalityCell}» no es un código de país ISO 3166-1 conocido ni «unknown»`,
      `"${nationalityCell}" is neither a known ISO 3166-1 country code nor "unknown"`,
    );
  const fullName = check.text('victim_full_name', POLICE_CASE_LIMITS.fullName);
  const documentType = check.code('victim_document_type', DOCUMENT_TYPES, false);
  const documentNumber = check.text('victim_document_number', POLICE_CASE_LIMITS.documentNumber);
  if ((documentType === null) !== (documentNumber === null) && documentType !== undefined && documentNumber !== undefined)
    check.fail(
      documentType === null ? 'victim_document_type' : 'victim_document_number',
      'el tipo y el número del documento van juntos',
      'the document type and number go together',
    );
  const phone = check.text('victim_phone', POLICE_CASE_LIMITS.phone);
  const address = check.text('victim_address', POLICE_CASE_LIMITS.address);
  if (check.problems.length > 0) return undefined;
  return {
    sex: sex!,
    age,
    nationality,
    fullName: fullName!,
    documentType: documentType!,
    documentNumber: documentNumber!,
    phone: phone!,
    address: address!,
  };
}

/**
 * Groups the rows of a case file into cases (by source_case_id, in the order of their first row) and checks each
 * row at the edge. A case with any refused row is refused whole — an import never half-applies a case — and its
 * other rows are reported too, pointing at the line at fault.
 */
export function readCases(rows: readonly SourceRow[], catalogs: ReferenceCatalogs): { cases: CaseRecord[]; problems: RowProblem[] } {
  const groups = new Map<string, SourceRow[]>();
  const problems: RowProblem[] = [];
  for (const row of rows) {
    const id = row.cells.source_case_id;
    if (id === '') {
      problems.push({ line: row.line, field: 'source_case_id', reason: 'es obligatorio', reasonEn: 'is required' });
      continue;
    }
    if ([...id].length > SOURCE_ID_MAX_LENGTH) {
      problems.push({
        line: row.line,
        field: 'source_case_id',
        reason: `admite hasta ${SOURCE_ID_MAX_LENGTH} caracteres`,
        reasonEn: `takes at most ${SOURCE_ID_MAX_LENGTH} characters`,
      });
      continue;
    }
    groups.set(id, [...(groups.get(id) ?? []), row]);
  }
  const cases: CaseRecord[] = [];
  for (const [sourceCaseId, group] of groups) {
    const found = readCase(sourceCaseId, group, catalogs);
    if ('problems' in found) problems.push(...found.problems);
    else cases.push(found.record);
  }
  problems.sort((a, b) => a.line - b.line);
  return { cases, problems };
}

function readCase(
  sourceCaseId: string,
  group: readonly SourceRow[],
  catalogs: ReferenceCatalogs,
): { record: CaseRecord } | { problems: RowProblem[] } {
  const [first] = group;
  const problems: RowProblem[] = [];
  const firstCheck = new RowChecker(first);
  const data = caseFacts(firstCheck, catalogs);
  problems.push(...firstCheck.problems);
  const victims: CaseRecord['victims'] = [];
  const withVictim = group.filter(hasVictim);
  for (const row of group) {
    const check = new RowChecker(row);
    // Rows of one case repeat its columns: a row that disagrees is refused, naming the first column that differs.
    if (row !== first) {
      const differing = CASE_COLUMNS.find((column) => row.cells[column] !== first.cells[column]);
      if (differing)
        check.fail(
          differing,
          `no coincide con la línea ${first.line} del mismo caso`,
          `does not agree with line ${first.line} of the same case`,
        );
    }
    if (!hasVictim(row)) {
      if (withVictim.length > 0)
        check.fail(
          'source_victim_id',
          'fila sin víctima en un caso que tiene víctimas',
          'a row without a victim in a case that has victims',
        );
    } else {
      const sourceVictimId = check.required('source_victim_id', SOURCE_ID_MAX_LENGTH);
      if (sourceVictimId !== undefined && victims.some((v) => v.sourceVictimId === sourceVictimId))
        check.fail('source_victim_id', 'la víctima ya figura en otra fila del caso', 'the victim is already on another row of the case');
      const victim = victimOf(check, catalogs);
      if (check.problems.length === 0 && victim && sourceVictimId !== undefined) {
        victims.push({ sourceVictimId, line: row.line });
        data?.victims.push(victim);
      }
    }
    problems.push(...check.problems);
  }
  if (problems.length > 0) {
    const faulty = new Set(problems.map((p) => p.line));
    const lines = [...faulty].join(', ');
    for (const row of group)
      if (!faulty.has(row.line))
        problems.push({
          line: row.line,
          field: 'source_case_id',
          reason: `el caso no se importa: su línea ${lines} no es válida`,
          reasonEn: `the case is not imported: its line ${lines} is invalid`,
        });
    return { problems };
  }
  return { record: { sourceCaseId, line: first.line, data: data!, victims, lines: group.map((r) => r.line) } };
}

const VICTIM_FIELD_COLUMNS: Record<string, string> = {
  victimId: 'source_victim_id',
  sex: 'victim_sex',
  age: 'victim_age',
  nationality: 'victim_nationality',
  fullName: 'victim_full_name',
  documentType: 'victim_document_type',
  documentNumber: 'victim_document_number',
  phone: 'victim_phone',
  address: 'victim_address',
};

const CASE_FIELD_COLUMNS: Record<string, string> = {
  caseId: 'source_case_id',
  registeredAt: 'registered_at',
  occurredAt: 'occurred_at',
  policeUnit: 'police_unit',
  ubigeo: 'ubigeo',
  source: 'source',
  referralId: 'source',
  purposes: 'purposes',
  offences: 'offences',
  aggravatingCircumstances: 'aggravating_circumstances',
  recruitment: 'recruitment_methods',
  control: 'control_means',
  labourSectors: 'labour_sectors',
  sexualExploitation: 'sexual_exploitation_types',
  'places.recruitment': 'recruitment_place',
  'places.transit': 'transit_places',
  'places.exploitation': 'exploitation_place',
  'references.policeReport': 'police_report',
  'references.prosecutorFile': 'prosecutor_file',
  'references.courtFile': 'court_file',
};

/**
 * Where a decider's refusal points in the file: `victims[1].age` is the victim_age column on the line of the
 * case's second victim, `offences[0]` the offences column on the case's first line.
 */
export function locateField(record: CaseRecord, field: string): { line: number; column: string } {
  const victim = /^victims\[(\d+)\](?:\.(\w+))?/.exec(field);
  if (victim) {
    const line = record.victims[Number(victim[1])]?.line ?? record.line;
    return { line, column: VICTIM_FIELD_COLUMNS[victim[2] ?? 'victimId'] ?? field };
  }
  const path = field.replace(/\[\d+\]/g, '');
  const column = CASE_FIELD_COLUMNS[path] ?? CASE_FIELD_COLUMNS[path.split('.')[0]] ?? field;
  return { line: record.line, column: field.includes('[') && column !== field ? `${column} (${field})` : column };
}
