/**
 * Codes for the people a case counts (victims, suspects), as used on the wire (DESIGN.md, "Codes used on the
 * wire"). "unknown" is a first-class value in every breakdown: a statistic must never drop a person it could not
 * classify.
 */
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

/** Ley 28950 and Código Penal art. 153: a case may pursue several purposes at once. */
export const EXPLOITATION_PURPOSES = [
  'sexual_exploitation',
  'labour_exploitation',
  'forced_labour',
  'servitude',
  'begging',
  'sale_of_children',
  'organ_trafficking',
  'other',
] as const;
export type ExploitationPurpose = (typeof EXPLOITATION_PURPOSES)[number];

export const AGE_GROUPS = ['0-11', '12-17', '18-24', '25-29', '30-44', '45-59', '60+', 'unknown'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export const DOCUMENT_TYPES = ['DNI', 'CE', 'PASSPORT', 'OTHER'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Personal fields of a person; personal data: the application seals them before they enter an event. */
export const PERSONAL_FIELDS = ['fullName', 'documentType', 'documentNumber', 'phone', 'address'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];
export type PersonalData = Partial<Record<PersonalField, string>>;

export const UNKNOWN_NATIONALITY = 'unknown';
export const MAX_AGE = 120;

/** Age group of an age at the facts; null (not known) is 'unknown'. */
export function ageGroupOf(age: number | null): AgeGroup {
  if (age === null) return 'unknown';
  if (age <= 11) return '0-11';
  if (age <= 17) return '12-17';
  if (age <= 24) return '18-24';
  if (age <= 29) return '25-29';
  if (age <= 44) return '30-44';
  if (age <= 59) return '45-59';
  return '60+';
}

/** Minors are counted apart in every report (the plan's under/over 18 breakdown). */
export const isMinor = (age: number | null): boolean | null => (age === null ? null : age < 18);
