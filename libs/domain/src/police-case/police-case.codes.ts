/** Codes used on the wire (API, exports, integration events); Spanish labels belong to the UI. */
export const CASE_SOURCES = ['hotline_referral', 'walk_in', 'police_operation', 'other_institution', 'ex_officio'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

/**
 * Free-text limits, as `varchar(n)` in the read models. Personal fields are checked as received; the application
 * seals them only after the decider accepts the command.
 */
export const POLICE_CASE_LIMITS = {
  policeUnit: 200,
  office: 200,
  closingReason: 500,
  suspectRole: 200,
  fullName: 200,
  documentNumber: 30,
  phone: 30,
  address: 300,
} as const;

export const CASE_STREAM_PREFIX = 'case-';

/** Stream name of a case; ids are lower-cased as the decider stores them, so both spellings load one stream. */
export function caseStreamName(caseId: string): string {
  return `${CASE_STREAM_PREFIX}${caseId.toLowerCase()}`;
}

/**
 * The most people one operation may report as rescued or detained: far above any real operation (the largest in
 * Peru rescue a few hundred), low enough that a typo or a hostile number cannot swamp the statistics.
 */
export const MAX_PEOPLE_PER_OPERATION = 10_000;
