import { checkPastInstant, checkRequiredText, problem, throwIfProblems, type Problems } from '../shared/validation.js';
import { CASE_CORRECTABLE_FIELDS, CASE_REASON_MAX_LENGTH, POLICE_CASE_LIMITS, type CaseCorrectableField } from './police-case.codes.js';
import type { CorrectCaseFacts } from './police-case.commands.js';
import type { CaseFactCorrections, CaseFactsCorrected, CasePlaces } from './police-case.events.js';
import {
  checkCodeList,
  checkOccurredAt,
  checkOffences,
  checkOffencesStillInForce,
  checkPurposes,
  lawDateOf,
  QUALIFICATION_CATALOGS,
  QUALIFICATION_LISTS,
} from './police-case.qualification.js';
import { checkPlaces } from './police-case.places.js';
import type { PoliceCaseState } from './police-case.state.js';
import {
  checkPlace,
  dataOf,
  requireRegisteredCase,
  type PoliceCaseReference,
  type RegisteredPoliceCase,
} from './police-case.validation.js';

const isCorrectable = (key: string): key is CaseCorrectableField => (CASE_CORRECTABLE_FIELDS as readonly string[]).includes(key);

/**
 * Fixes the facts of a registered case, closed ones included. The event lists only the fields that really change,
 * in CASE_CORRECTABLE_FIELDS order; a correction that changes nothing appends nothing, so a retry is a no-op.
 */
export function correctCaseFacts(command: CorrectCaseFacts, state: PoliceCaseState, reference: PoliceCaseReference): CaseFactsCorrected[] {
  const data = dataOf(command);
  const policeCase = requireRegisteredCase(state, data.caseId);

  const problems: Problems = [];
  const requested = checkFactChanges(problems, data.changes, policeCase, command.metadata.now, reference);
  const reason = checkRequiredText(problems, 'reason', data.reason, CASE_REASON_MAX_LENGTH);
  throwIfProblems(problems);

  const changes: Record<string, unknown> = {};
  for (const field of CASE_CORRECTABLE_FIELDS) {
    if (field in requested && !sameValue(requested[field], policeCase[field])) changes[field] = requested[field];
  }
  if (Object.keys(changes).length === 0) return [];
  return [{ type: 'CaseFactsCorrected', data: { caseId: policeCase.caseId, changes: changes as CaseFactCorrections, reason: reason! } }];
}

// Values are normalized (UTC instants, lists in catalog order, places with their one key), so JSON equality is equality.
const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Validated, normalized requested values; `undefined` values count as absent (optional DTO fields), null does not. */
function checkFactChanges(
  problems: Problems,
  value: unknown,
  policeCase: RegisteredPoliceCase,
  now: string,
  reference: PoliceCaseReference,
): CaseFactCorrections {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(problem('changes', 'Debe ser un objeto con los campos a corregir', 'Must be an object with the fields to correct'));
    return {};
  }
  const given = value as Record<string, unknown>;
  if (Object.values(given).every((field) => field === undefined)) {
    problems.push(problem('changes', 'Indique al menos un campo a corregir', 'Give at least one field to correct'));
    return {};
  }
  for (const key of Object.keys(given)) {
    if (given[key] !== undefined && !isCorrectable(key)) {
      problems.push(problem(`changes.${key}`, 'Este campo no se puede corregir', 'This field cannot be corrected'));
    }
  }
  const has = (field: CaseCorrectableField) => given[field] !== undefined;
  const requested: Record<string, unknown> = {};

  // The dates as corrected: undefined when the requested one is refused (already reported).
  let registeredAt: string | undefined = policeCase.registeredAt;
  if (has('registeredAt')) {
    registeredAt = checkPastInstant(problems, 'changes.registeredAt', given.registeredAt, now);
    requested.registeredAt = registeredAt;
  }
  let occurredAt: string | null | undefined = policeCase.occurredAt;
  if (has('occurredAt')) {
    occurredAt = checkOccurredAt(problems, 'changes.occurredAt', given.occurredAt, registeredAt);
    requested.occurredAt = occurredAt;
  } else if (registeredAt !== undefined && occurredAt !== null && Date.parse(occurredAt) > Date.parse(registeredAt)) {
    problems.push(
      problem(
        'changes.registeredAt',
        'No puede ser anterior a la fecha de los hechos; corrija también la fecha de los hechos',
        'Cannot be before the date of the facts; correct the date of the facts too',
      ),
    );
    registeredAt = undefined;
  }

  const lawDate = registeredAt === undefined || occurredAt === undefined ? null : lawDateOf(occurredAt, registeredAt);
  if (has('offences')) {
    requested.offences = checkOffences(problems, 'changes.offences', given.offences, lawDate);
  } else if (lawDate !== null && (has('registeredAt') || has('occurredAt'))) {
    checkOffencesStillInForce(problems, has('occurredAt') ? 'changes.occurredAt' : 'changes.registeredAt', policeCase.offences, lawDate);
  }

  if (has('policeUnit'))
    requested.policeUnit = checkRequiredText(problems, 'changes.policeUnit', given.policeUnit, POLICE_CASE_LIMITS.policeUnit);
  if (has('ubigeo')) requested.ubigeo = checkPlace(problems, 'changes.ubigeo', given.ubigeo, reference);
  if (has('purposes')) requested.purposes = checkPurposes(problems, 'changes.purposes', given.purposes);
  if (has('places')) requested.places = checkPlacesCorrection(problems, given.places, policeCase.places, reference);
  for (const list of QUALIFICATION_LISTS) {
    if (has(list)) requested[list] = checkCodeList(problems, `changes.${list}`, given[list], QUALIFICATION_CATALOGS[list]);
  }
  return requested as CaseFactCorrections;
}

/**
 * Only the roles given change (null: no longer known; a transit list replaces the earlier one); the event holds the
 * places as corrected, every role.
 */
function checkPlacesCorrection(problems: Problems, value: unknown, current: CasePlaces, reference: PoliceCaseReference): CasePlaces {
  const checked = checkPlaces(problems, 'changes.places', value, reference);
  if (typeof value !== 'object' || value === null) return checked;
  const given = value as Partial<Record<keyof CasePlaces, unknown>>;
  return {
    recruitment: given.recruitment === undefined ? current.recruitment : checked.recruitment,
    transit: given.transit === undefined ? current.transit : checked.transit,
    exploitation: given.exploitation === undefined ? current.exploitation : checked.exploitation,
  };
}
