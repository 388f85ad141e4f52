/**
 * Rules for the people of a case, shared by registering it and adding people later, so a victim identified a
 * month after the denunciation obeys the same rules as one listed in it.
 */
import { MAX_AGE, UNKNOWN_NATIONALITY, ageGroupOf, isMinor, type DocumentType, type Sex } from '../people/people.codes.js';
import { checkOptionalText, checkUuid, problem, type Problems } from '../shared/validation.js';
import { POLICE_CASE_LIMITS } from './police-case.codes.js';
import type { CasePersonalData, CaseSuspect, CaseVictim } from './police-case.events.js';
import type { PoliceCaseReference } from './police-case.validation.js';

export interface PeopleRules {
  /** Adding people needs at least one; a denunciation may list none yet. */
  atLeastOne: boolean;
  /** Ids already in the case: identifying a person twice would count them twice. */
  known: readonly string[];
  reference: PoliceCaseReference;
}

type PersonCheck<Person> = (
  problems: Problems,
  at: string,
  item: Record<string, unknown>,
  id: string | undefined,
  reference: PoliceCaseReference,
) => Person | undefined;

export function checkVictims(problems: Problems, field: string, value: unknown, rules: PeopleRules): CaseVictim[] {
  return checkPeople(problems, field, value, 'victimId', rules, checkVictim);
}

export function checkSuspects(problems: Problems, field: string, value: unknown, rules: PeopleRules): CaseSuspect[] {
  return checkPeople(problems, field, value, 'suspectId', rules, checkSuspect);
}

/** The valid people, in the order given; complete only when no problem was added. */
function checkPeople<Person>(
  problems: Problems,
  field: string,
  value: unknown,
  idKey: string,
  rules: PeopleRules,
  checkOne: PersonCheck<Person>,
): Person[] {
  if (!Array.isArray(value) || (rules.atLeastOne && value.length === 0)) {
    problems.push(
      rules.atLeastOne
        ? problem(field, 'Indique al menos una persona', 'Give at least one person')
        : problem(field, 'Debe ser una lista de personas (puede estar vacía)', 'Must be a list of people (may be empty)'),
    );
    return [];
  }
  const seen = new Set<string>();
  const people: Person[] = [];
  value.forEach((item: unknown, index) => {
    const at = `${field}[${index}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push(problem(at, 'Debe ser un objeto con los datos de la persona', "Must be an object with the person's data"));
      return;
    }
    const record = item as Record<string, unknown>;
    const id = checkPersonId(problems, `${at}.${idKey}`, record[idKey], seen, rules.known);
    const person = checkOne(problems, at, record, id, rules.reference);
    if (person !== undefined) people.push(person);
  });
  return people;
}

function checkPersonId(problems: Problems, field: string, value: unknown, seen: Set<string>, known: readonly string[]): string | undefined {
  const id = checkUuid(problems, field, value);
  if (id === undefined) return undefined;
  if (known.includes(id)) {
    problems.push(problem(field, 'Esta persona ya está registrada en la denuncia', 'This person is already in the case'));
    return undefined;
  }
  if (seen.has(id)) {
    problems.push(problem(field, 'Este id se repite en la solicitud', 'This id appears more than once in the request'));
    return undefined;
  }
  seen.add(id);
  return id;
}

const checkVictim: PersonCheck<CaseVictim> = (problems, at, item, victimId, reference) => {
  const before = problems.length;
  const sex = item.sex as Sex;
  const age = checkAge(problems, `${at}.age`, item.age);
  const nationality = checkNationality(problems, `${at}.nationality`, item.nationality, reference);
  const personal = checkPersonal(problems, at, item);
  if (victimId === undefined || problems.length > before) return undefined;
  return {
    victimId,
    sex: sex!,
    age: age!,
    ageGroup: ageGroupOf(age!),
    minor: isMinor(age!),
    nationality: nationality!,
    personal,
  };
};

const checkSuspect: PersonCheck<CaseSuspect> = (problems, at, item, suspectId, reference) => {
  const before = problems.length;
  const sex = item.sex as Sex;
  const age = checkAge(problems, `${at}.age`, item.age);
  const nationality = checkNationality(problems, `${at}.nationality`, item.nationality, reference);
  const role = checkOptionalText(problems, `${at}.role`, item.role, POLICE_CASE_LIMITS.suspectRole);
  if (suspectId === undefined || problems.length > before) return undefined;
  return { suspectId, sex: sex!, age: age!, nationality: nationality!, role: role! };
};

/** Age at the facts; unknown (null) is counted as its own group, never guessed. */
export function checkAge(problems: Problems, field: string, value: unknown): number | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_AGE) return value;
  problems.push(
    problem(field, `Debe ser un número entero de 0 a ${MAX_AGE}, o nulo`, `Must be a whole number from 0 to ${MAX_AGE}, or null`),
  );
  return undefined;
}

/** Upper-case alpha-2 only, like the catalog: 'pe' is refused rather than guessed. */
export function checkNationality(problems: Problems, field: string, value: unknown, reference: PoliceCaseReference): string | undefined {
  if (value === UNKNOWN_NATIONALITY) return value;
  if (typeof value === 'string' && reference.countries.isKnown(value)) return value;
  problems.push(
    problem(
      field,
      `Debe ser un código ISO 3166-1 alfa-2 conocido (p. ej. PE) o '${UNKNOWN_NATIONALITY}'`,
      `Must be a known ISO 3166-1 alpha-2 code (e.g. PE) or '${UNKNOWN_NATIONALITY}'`,
    ),
  );
  return undefined;
}

function checkPersonal(problems: Problems, at: string, item: Record<string, unknown>): CasePersonalData {
  const text = (field: 'fullName' | 'documentNumber' | 'phone' | 'address') =>
    checkOptionalText(problems, `${at}.${field}`, item[field], POLICE_CASE_LIMITS[field]) ?? null;
  const documentType = item.documentType === undefined || item.documentType === null ? null : ((item.documentType as DocumentType) ?? null);
  return {
    fullName: text('fullName'),
    documentType,
    documentNumber: text('documentNumber'),
    phone: text('phone'),
    address: text('address'),
  };
}
