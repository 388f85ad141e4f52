/** Rules shared by several police-case commands. */
import { checkPastInstant, isUuid, problem, type Problems } from '../shared/validation.js';
import { MAX_PEOPLE_PER_OPERATION } from './police-case.codes.js';
import { InvalidCommand } from '../shared/errors.js';
import { caseClosed, caseNotFound, suspectNotFound, suspectVoided, victimNotFound, victimVoided } from './police-case.errors.js';
import type { ActivePoliceCase, ClosedPoliceCase, PoliceCaseState } from './police-case.state.js';

export type RegisteredPoliceCase = ActivePoliceCase | ClosedPoliceCase;

/** The reference data a police-case decider needs, injected so that the decider stays pure. */
export interface PoliceCaseReference {
  ubigeo: { isKnown(code: string): boolean };
  countries: { isKnown(alpha2: string): boolean };
}

const UBIGEO_FORMAT = /^(?:\d{2}|\d{4}|\d{6})$/;

/** Required: a case is counted by the place of the facts, known at least to the department. */
export function checkPlace(problems: Problems, field: string, value: unknown, reference: PoliceCaseReference): string | undefined {
  if (typeof value !== 'string' || !UBIGEO_FORMAT.test(value)) {
    problems.push(problem(field, 'Es obligatorio: un código UBIGEO de 2, 4 o 6 dígitos', 'Required: a 2, 4 or 6-digit UBIGEO code'));
    return undefined;
  }
  if (!reference.ubigeo.isKnown(value)) {
    problems.push(problem(field, 'El código UBIGEO no existe', 'Unknown UBIGEO code'));
    return undefined;
  }
  return value;
}

/** What happens to a case cannot predate its registration, nor lie in the future. */
export function checkAfterRegistration(
  problems: Problems,
  field: string,
  value: unknown,
  now: string,
  policeCase: ActivePoliceCase,
): string | undefined {
  return checkPastInstant(problems, field, value, now, {
    instant: policeCase.registeredAt,
    reason: 'No puede ser anterior al registro de la denuncia',
    reasonEn: 'Cannot be before the case was registered',
  });
}

/** Counts of people (rescued, detained) are whole, never negative (zero is a real outcome) and at most MAX_PEOPLE_PER_OPERATION. */
export function checkCount(problems: Problems, field: string, value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_PEOPLE_PER_OPERATION) return value;
  problems.push(
    problem(
      field,
      `Debe ser un número entero de 0 a ${MAX_PEOPLE_PER_OPERATION}`,
      `Must be a whole number from 0 to ${MAX_PEOPLE_PER_OPERATION}`,
    ),
  );
  return undefined;
}

/**
 * Every command after the first needs a registered case that is not closed. The command's id must name the
 * stream's case: a mismatch means the handler loaded the wrong stream, which is reported as "not found".
 */
export function requireActiveCase(state: PoliceCaseState, caseId: unknown): ActivePoliceCase {
  if (state.status === 'unregistered' || !isUuid(caseId) || caseId.toLowerCase() !== state.caseId) {
    throw caseNotFound();
  }
  if (state.status === 'closed') throw caseClosed();
  return state;
}

/**
 * Corrections fix the record, so they need a registered case in any status (closed included). Same id rule as
 * requireActiveCase.
 */
export function requireRegisteredCase(state: PoliceCaseState, caseId: unknown): RegisteredPoliceCase {
  if (state.status === 'unregistered' || !isUuid(caseId) || caseId.toLowerCase() !== state.caseId) {
    throw caseNotFound();
  }
  return state;
}

/** A listed victim that is not voided: the victim id's format is a 400, an unknown victim 404, a voided one 422. */
export function requireVictim(policeCase: RegisteredPoliceCase, victimId: unknown): RegisteredPoliceCase['victims'][number] {
  if (!isUuid(victimId)) throw new InvalidCommand([problem('victimId', 'Debe ser un UUID', 'Must be a UUID')]);
  const victim = policeCase.victims.find((listed) => listed.victimId === victimId.toLowerCase());
  if (victim === undefined) throw victimNotFound();
  if (victim.voided) throw victimVoided();
  return victim;
}

export function requireSuspect(policeCase: RegisteredPoliceCase, suspectId: unknown): RegisteredPoliceCase['suspects'][number] {
  if (!isUuid(suspectId)) throw new InvalidCommand([problem('suspectId', 'Debe ser un UUID', 'Must be a UUID')]);
  const suspect = policeCase.suspects.find((listed) => listed.suspectId === suspectId.toLowerCase());
  if (suspect === undefined) throw suspectNotFound();
  if (suspect.voided) throw suspectVoided();
  return suspect;
}

/** Commands are typed, but they are built from wire input; a missing `data` must become field problems, not a crash. */
export function dataOf(command: { data?: unknown }): Record<string, unknown> {
  const data = command.data;
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
}
