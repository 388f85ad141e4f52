/**
 * Rules for a case's legal qualification, circumstances, places by role and external references, shared by
 * registering a case and correcting its facts. Codes are parsed at the edge; here each list is filtered through its
 * catalog (so an event never holds a code the catalog lacks) and recorded once per code, in the catalog's order.
 */
import { EXPLOITATION_PURPOSES, type ExploitationPurpose } from '../people/people.codes.js';
import { limaDate, parseInstant } from '../shared/time.js';
import { problem, type Problems } from '../shared/validation.js';
import { OFFENCE_CODES, offenceInForce, offenceProvision, type OffenceCode } from './offences.js';
import {
  AGGRAVATING_CIRCUMSTANCES,
  CONTROL_MEANS,
  EXTERNAL_REFERENCE_KINDS,
  EXTERNAL_REFERENCE_MAX_LENGTH,
  ISIC_SECTIONS,
  RECRUITMENT_METHODS,
  SEXUAL_EXPLOITATION_TYPES,
} from './police-case.codes.js';
import type { CaseQualificationData, ExternalReferences } from './police-case.events.js';
import { checkPlaces } from './police-case.places.js';
import type { PoliceCaseReference } from './police-case.validation.js';

/** The catalog of each code list of the qualification, offences apart (they depend on the date of the facts). */
export const QUALIFICATION_CATALOGS = {
  aggravatingCircumstances: AGGRAVATING_CIRCUMSTANCES,
  recruitment: RECRUITMENT_METHODS,
  control: CONTROL_MEANS,
  labourSectors: ISIC_SECTIONS,
  sexualExploitation: SEXUAL_EXPLOITATION_TYPES,
} as const;
export type QualificationList = keyof typeof QUALIFICATION_CATALOGS;
export const QUALIFICATION_LISTS = Object.keys(QUALIFICATION_CATALOGS) as QualificationList[];

/** The Lima calendar date the law in force is read on: of the facts, or of the registration when that is not known. */
export function lawDateOf(occurredAt: string | null, registeredAt: string): string {
  return limaDate(occurredAt ?? registeredAt);
}

/** The valid codes of a list, each once, in catalog order; absent or null is the empty list. */
export function checkCodeList<Code extends string>(problems: Problems, field: string, value: unknown, catalog: readonly Code[]): Code[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push(problem(field, 'Debe ser una lista de códigos (puede estar vacía)', 'Must be a list of codes (may be empty)'));
    return [];
  }
  const given = value as unknown[];
  return catalog.filter((code) => given.includes(code));
}

/**
 * Each offence must be in force on `lawDate` (null: the date is itself invalid, already reported, so the law is not
 * checked). The problem names the offence's position in the request: `offences[1]`.
 */
export function checkOffences(problems: Problems, field: string, value: unknown, lawDate: string | null): OffenceCode[] {
  const offences = checkCodeList(problems, field, value, OFFENCE_CODES);
  if (lawDate === null || !Array.isArray(value)) return offences;
  (value as unknown[]).forEach((code, index) => {
    if (typeof code !== 'string' || offenceInForce(code, lawDate)) return;
    const provision = offenceProvision(code);
    if (provision === undefined) {
      problems.push(problem(`${field}[${index}]`, 'Tipo penal desconocido', 'Unknown offence code'));
      return;
    }
    const period = `${provision.inForceFrom}..${provision.inForceUntil ?? ''}`;
    problems.push(
      problem(
        `${field}[${index}]`,
        `El tipo penal no estaba vigente el ${lawDate}, fecha de los hechos (o del registro si se desconoce); vigencia: ${period}`,
        `The offence was not in force on ${lawDate}, the date of the facts (or of registration when unknown); in force: ${period}`,
      ),
    );
  });
  return offences;
}

/** Offences already recorded that a new date of the facts leaves out of force: the correction must change them too. */
export function checkOffencesStillInForce(problems: Problems, field: string, offences: readonly OffenceCode[], lawDate: string): void {
  offences.forEach((code, index) => {
    if (offenceInForce(code, lawDate)) return;
    problems.push(
      problem(
        field,
        `El tipo penal registrado ${code} (offences[${index}]) no estaba vigente el ${lawDate}; corrija también los tipos penales`,
        `The recorded offence ${code} (offences[${index}]) was not in force on ${lawDate}; correct the offences too`,
      ),
    );
  });
}

/** One external reference: trimmed; null, absent or blank is no reference (null); `undefined` only when refused. */
export function checkReference(problems: Problems, field: string, value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  const trimmed = typeof value === 'string' ? value.trim() : undefined;
  if (trimmed === undefined || [...trimmed].length > EXTERNAL_REFERENCE_MAX_LENGTH) {
    problems.push(
      problem(
        field,
        `Debe ser un texto de hasta ${EXTERNAL_REFERENCE_MAX_LENGTH} caracteres o nulo`,
        `Must be a text of at most ${EXTERNAL_REFERENCE_MAX_LENGTH} characters, or null`,
      ),
    );
    return undefined;
  }
  return trimmed === '' ? null : trimmed;
}

/** The references of a registration: only the kinds given with a value, in EXTERNAL_REFERENCE_KINDS order. */
export function checkReferences(problems: Problems, field: string, value: unknown): ExternalReferences {
  const references: ExternalReferences = {};
  if (value === undefined || value === null) return references;
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push(problem(field, 'Debe ser un objeto con las referencias externas', 'Must be an object with the external references'));
    return references;
  }
  const given = value as Record<string, unknown>;
  for (const kind of EXTERNAL_REFERENCE_KINDS) {
    const reference = checkReference(problems, `${field}.${kind}`, given[kind]);
    if (typeof reference === 'string') references[kind] = reference;
  }
  return references;
}

/**
 * The whole qualification of a registration (absent parts empty or unknown). `lawDate` is null when the dates are
 * invalid (already reported).
 */
export function checkQualification(
  problems: Problems,
  data: Record<string, unknown>,
  lawDate: string | null,
  reference: PoliceCaseReference,
): CaseQualificationData {
  return {
    offences: checkOffences(problems, 'offences', data.offences, lawDate),
    aggravatingCircumstances: checkCodeList(problems, 'aggravatingCircumstances', data.aggravatingCircumstances, AGGRAVATING_CIRCUMSTANCES),
    places: checkPlaces(problems, 'places', data.places, reference),
    recruitment: checkCodeList(problems, 'recruitment', data.recruitment, RECRUITMENT_METHODS),
    control: checkCodeList(problems, 'control', data.control, CONTROL_MEANS),
    labourSectors: checkCodeList(problems, 'labourSectors', data.labourSectors, ISIC_SECTIONS),
    sexualExploitation: checkCodeList(problems, 'sexualExploitation', data.sexualExploitation, SEXUAL_EXPLOITATION_TYPES),
  };
}

/**
 * No 2000 floor here, unlike registration: exploitation can last years before anyone reports it. The only bound
 * is the registration itself, which is checked against the clock.
 */
export function checkOccurredAt(
  problems: Problems,
  field: string,
  value: unknown,
  registeredAt: string | undefined,
): string | null | undefined {
  if (value === undefined || value === null) return null;
  const occurredAt = parseInstant(value);
  if (occurredAt === null) {
    problems.push(
      problem(
        field,
        'Debe ser una fecha y hora ISO 8601 con zona horaria, o nulo',
        'Must be an ISO 8601 date-time with an offset or Z, or null',
      ),
    );
    return undefined;
  }
  if (registeredAt !== undefined && Date.parse(occurredAt) > Date.parse(registeredAt)) {
    problems.push(problem(field, 'No puede ser posterior al registro de la denuncia', 'Cannot be after the case was registered'));
    return undefined;
  }
  return occurredAt;
}

/** Several purposes may be pursued at once; the event lists each once, in a fixed order, so retries match. */
export function checkPurposes(problems: Problems, field: string, value: unknown): ExploitationPurpose[] {
  if (!Array.isArray(value)) {
    problems.push(
      problem(
        field,
        'Debe ser una lista de finalidades de explotación (puede estar vacía)',
        'Must be a list of exploitation purposes (may be empty)',
      ),
    );
    return [];
  }
  const given = value as ExploitationPurpose[];
  return EXPLOITATION_PURPOSES.filter((purpose) => given.includes(purpose));
}
