import { ageGroupOf, isMinor, type DocumentType, type Sex } from '../people/people.codes.js';
import { checkOptionalText, checkRequiredText, problem, throwIfProblems, type Problems } from '../shared/validation.js';
import { CASE_REASON_MAX_LENGTH, POLICE_CASE_LIMITS, VICTIM_CORRECTABLE_FIELDS, type VictimCorrectableField } from './police-case.codes.js';
import type { CorrectVictim } from './police-case.commands.js';
import type { CasePersonalData, VictimCorrected } from './police-case.events.js';
import { checkAge, checkNationality } from './police-case.people.js';
import type { PoliceCaseState } from './police-case.state.js';
import { dataOf, requireRegisteredCase, requireVictim, type PoliceCaseReference } from './police-case.validation.js';

const isCorrectable = (key: string): key is VictimCorrectableField => (VICTIM_CORRECTABLE_FIELDS as readonly string[]).includes(key);

const PERSONAL_TEXT_FIELDS = ['fullName', 'documentNumber', 'phone', 'address'] as const;
type PersonalTextField = (typeof PERSONAL_TEXT_FIELDS)[number];
const isPersonal = (field: VictimCorrectableField): field is keyof CasePersonalData =>
  field === 'documentType' || (PERSONAL_TEXT_FIELDS as readonly string[]).includes(field);

type Changes = VictimCorrected['data']['changes'];
type StateVictim = Extract<PoliceCaseState, { victims: unknown }>['victims'][number];

/**
 * Fixes a victim's data (of any case, closed included); a voided victim is closed to corrections. Only real changes
 * are listed; a new age carries its group and minor flag; a changed document carries both document fields (the new
 * document as a whole), so the store can link the new document from the event alone.
 */
export function correctVictim(command: CorrectVictim, state: PoliceCaseState, reference: PoliceCaseReference): VictimCorrected[] {
  const data = dataOf(command);
  const policeCase = requireRegisteredCase(state, data.caseId);
  const victim = requireVictim(policeCase, data.victimId);

  const problems: Problems = [];
  const requested = checkVictimChanges(problems, data.changes, reference);
  const reason = checkRequiredText(problems, 'reason', data.reason, CASE_REASON_MAX_LENGTH);
  throwIfProblems(problems);

  const changes = changesOf(requested, victim);
  if (Object.keys(changes).length === 0) return [];
  return [{ type: 'VictimCorrected', data: { caseId: policeCase.caseId, victimId: victim.victimId, changes, reason: reason! } }];
}

function changesOf(requested: Partial<Record<VictimCorrectableField, unknown>>, victim: StateVictim): Changes {
  const changes: Changes = {};
  if ('sex' in requested && requested.sex !== victim.sex) changes.sex = requested.sex as Sex;
  if ('age' in requested && requested.age !== victim.age) {
    const age = requested.age as number | null;
    Object.assign(changes, { age, ageGroup: ageGroupOf(age), minor: isMinor(age) });
  }
  if ('nationality' in requested && requested.nationality !== victim.nationality) changes.nationality = requested.nationality as string;

  const personal: Partial<CasePersonalData> = {};
  for (const field of VICTIM_CORRECTABLE_FIELDS) {
    if (isPersonal(field) && field in requested && requested[field] !== victim.personal[field]) {
      personal[field] = requested[field] as string | null;
    }
  }
  if (personal.documentType !== undefined || personal.documentNumber !== undefined) {
    const document = {
      documentType: personal.documentType === undefined ? victim.personal.documentType : personal.documentType,
      documentNumber: personal.documentNumber === undefined ? victim.personal.documentNumber : personal.documentNumber,
    };
    Object.assign(personal, document);
  }
  const ordered: Partial<CasePersonalData> = {};
  for (const field of VICTIM_CORRECTABLE_FIELDS) {
    if (isPersonal(field) && personal[field] !== undefined) ordered[field] = personal[field];
  }
  if (Object.keys(ordered).length > 0) changes.personal = ordered;
  return changes;
}

function checkVictimChanges(
  problems: Problems,
  value: unknown,
  reference: PoliceCaseReference,
): Partial<Record<VictimCorrectableField, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(problem('changes', 'Debe ser un objeto con los campos a corregir', 'Must be an object with the fields to correct'));
    return {};
  }
  const given = value as Record<string, unknown>;
  if (Object.values(given).every((field) => field === undefined)) {
    problems.push(problem('changes', 'Indique al menos un campo a corregir', 'Give at least one field to correct'));
    return {};
  }
  const requested: Partial<Record<VictimCorrectableField, unknown>> = {};
  for (const [key, field] of Object.entries(given)) {
    if (field === undefined) continue;
    const at = `changes.${key}`;
    if (!isCorrectable(key)) {
      problems.push(problem(at, 'Este campo no se puede corregir', 'This field cannot be corrected'));
    } else if (key === 'sex') {
      // A code, parsed at the edge; only its absence is checked here.
      if (field === null) problems.push(problem(at, 'Indique el sexo (o unknown), no nulo', 'Give the sex (or unknown), not null'));
      else requested.sex = field as Sex;
    } else if (key === 'age') {
      const age = checkAge(problems, at, field);
      if (age !== undefined) requested.age = age;
    } else if (key === 'nationality') {
      const nationality = checkNationality(problems, at, field, reference);
      if (nationality !== undefined) requested.nationality = nationality;
    } else if (key === 'documentType') {
      requested.documentType = field === null ? null : (field as DocumentType);
    } else {
      const text = checkOptionalText(problems, at, field, POLICE_CASE_LIMITS[key as PersonalTextField]);
      if (text !== undefined) requested[key] = text;
    }
  }
  return requested;
}
