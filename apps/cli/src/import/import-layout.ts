/**
 * The CSV layouts of `import cases` and `import calls` (docs/import.md): one header line naming the columns (any
 * order), then one row per victim per case, or per call. Lists are separated by `;`, codes are the wire codes.
 */

/** The columns of a case: every row of one case repeats them, and they must agree. */
export const CASE_COLUMNS = [
  'source_case_id',
  'registered_at',
  'occurred_at',
  'police_unit',
  'ubigeo',
  'source',
  'purposes',
  'offences',
  'aggravating_circumstances',
  'recruitment_place',
  'transit_places',
  'exploitation_place',
  'recruitment_methods',
  'control_means',
  'labour_sectors',
  'sexual_exploitation_types',
  'police_report',
  'prosecutor_file',
  'court_file',
] as const;

/** The columns of one victim of the case; all empty on the single row of a case without victims. */
export const VICTIM_COLUMNS = [
  'source_victim_id',
  'victim_sex',
  'victim_age',
  'victim_nationality',
  'victim_full_name',
  'victim_document_type',
  'victim_document_number',
  'victim_phone',
  'victim_address',
] as const;

export const CASE_FILE_COLUMNS = [...CASE_COLUMNS, ...VICTIM_COLUMNS] as const;
export type CaseFileColumn = (typeof CASE_FILE_COLUMNS)[number];

/** The columns of a historic hotline call (RecordHotlineCall's fields). */
export const CALL_FILE_COLUMNS = [
  'source_call_id',
  'received_at',
  'channel',
  'language',
  'caller_ubigeo',
  'anonymous',
  'topic',
  'summary',
] as const;
export type CallFileColumn = (typeof CALL_FILE_COLUMNS)[number];

/** The separator of a list inside one cell. */
export const LIST_SEPARATOR = ';';

/** A row refused: its line in the file, the column at fault and why, in both languages. */
export interface RowProblem {
  line: number;
  field: string;
  reason: string;
  reasonEn: string;
}

/** The header's problems: the columns the layout needs and the file lacks, the ones it does not know. */
export function headerProblems(header: readonly string[], expected: readonly string[]): { missing: string[]; unknown: string[] } {
  const given = new Set(header);
  return {
    missing: expected.filter((column) => !given.has(column)),
    unknown: header.filter((column) => !expected.includes(column)),
  };
}
