/**
 * Building blocks for `decide` functions: each check appends bilingual FieldProblems instead of throwing, so a
 * command is refused once with every problem listed (the operator's form can mark all fields at a time).
 */
import { InvalidCommand, type FieldProblem } from './errors.js';
import { parseInstant } from './time.js';

export type Problems = FieldProblem[];

export function problem(field: string, reason: string, reasonEn: string): FieldProblem {
  return { field, reason, reasonEn };
}

export function throwIfProblems(problems: readonly FieldProblem[]): void {
  if (problems.length > 0) throw new InvalidCommand(problems);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Ids are stored lower-case so that the same id typed two ways names the same stream. */
export function checkUuid(problems: Problems, field: string, value: unknown): string | undefined {
  if (isUuid(value)) return value.toLowerCase();
  problems.push(problem(field, 'Debe ser un UUID', 'Must be a UUID'));
  return undefined;
}

export function checkCode<Code extends string>(
  problems: Problems,
  field: string,
  value: unknown,
  codes: readonly Code[],
): Code | undefined {
  if (typeof value === 'string' && (codes as readonly string[]).includes(value)) return value as Code;
  const list = codes.join(', ');
  problems.push(problem(field, `Valor no válido; use uno de: ${list}`, `Invalid value; use one of: ${list}`));
  return undefined;
}

export function checkBoolean(problems: Problems, field: string, value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  problems.push(problem(field, 'Debe ser verdadero o falso', 'Must be true or false'));
  return undefined;
}

/** Length in Unicode code points, as PostgreSQL counts `varchar(n)`, so a limit means the same in both places. */
export function charLength(text: string): number {
  return [...text].length;
}

/** Absent or null means "no text"; `undefined` is returned only when the value is refused. */
export function checkOptionalText(problems: Problems, field: string, value: unknown, maxLength: number): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && charLength(value) <= maxLength) return value;
  problems.push(
    problem(
      field,
      `Debe ser un texto de hasta ${maxLength} caracteres o nulo`,
      `Must be a text of at most ${maxLength} characters, or null`,
    ),
  );
  return undefined;
}

export function checkRequiredText(problems: Problems, field: string, value: unknown, maxLength: number): string | undefined {
  if (typeof value === 'string' && value.trim() !== '' && charLength(value) <= maxLength) return value;
  problems.push(
    problem(field, `Es obligatorio: un texto de 1 a ${maxLength} caracteres`, `Required: a text of 1 to ${maxLength} characters`),
  );
  return undefined;
}

/** Clocks of phones and browsers drift; a few minutes ahead of the server is tolerated, more is a typo. */
export const CLOCK_SKEW_MINUTES = 5;
/** Nothing the registry records predates 2000; an earlier year is a typing error (e.g. 0226 for 2026). */
export const EARLIEST_INSTANT = '2000-01-01T00:00:00.000Z';

/** `now` comes from the command metadata, set by the registry itself, so a bad value is a wiring bug, not input. */
export function parseNow(now: string): number {
  const parsed = parseInstant(now);
  if (parsed === null) {
    throw new TypeError(`metadata.now no es un instante ISO 8601 / metadata.now is not an ISO 8601 instant: ${now}`);
  }
  return Date.parse(parsed);
}

/**
 * A past instant of a fact: parses, is not before `notBefore` (default 2000-01-01) and not more than the clock
 * skew after `now`. Returns the normalized UTC ISO string.
 */
export function checkPastInstant(
  problems: Problems,
  field: string,
  value: unknown,
  now: string,
  notBefore: { instant: string; reason: string; reasonEn: string } = {
    instant: EARLIEST_INSTANT,
    reason: 'No puede ser anterior al 2000-01-01',
    reasonEn: 'Cannot be before 2000-01-01',
  },
): string | undefined {
  const instant = parseInstant(value);
  if (instant === null) {
    problems.push(
      problem(
        field,
        'Debe ser una fecha y hora ISO 8601 con zona horaria (p. ej. 2026-03-01T10:15:00-05:00)',
        'Must be an ISO 8601 date-time with an offset or Z (e.g. 2026-03-01T10:15:00-05:00)',
      ),
    );
    return undefined;
  }
  const at = Date.parse(instant);
  if (at > parseNow(now) + CLOCK_SKEW_MINUTES * 60_000) {
    problems.push(
      problem(
        field,
        `No puede ser posterior a la hora actual (tolerancia de ${CLOCK_SKEW_MINUTES} minutos)`,
        `Cannot be more than ${CLOCK_SKEW_MINUTES} minutes after the current time`,
      ),
    );
    return undefined;
  }
  if (at < Date.parse(notBefore.instant)) {
    problems.push(problem(field, notBefore.reason, notBefore.reasonEn));
    return undefined;
  }
  return instant;
}

const UBIGEO_FORMAT = /^(?:\d{2}|\d{4}|\d{6})$/;

/**
 * An optional INEI UBIGEO code: department (2 digits) or province (4) are accepted, because callers and receiving
 * units often know no more than that; the code must exist in the injected catalog.
 */
export function checkOptionalUbigeo(
  problems: Problems,
  field: string,
  value: unknown,
  catalog: { isKnown(code: string): boolean },
): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !UBIGEO_FORMAT.test(value)) {
    problems.push(
      problem(field, 'Debe ser un código UBIGEO de 2, 4 o 6 dígitos, o nulo', 'Must be a 2, 4 or 6-digit UBIGEO code, or null'),
    );
    return undefined;
  }
  if (!catalog.isKnown(value)) {
    problems.push(problem(field, 'El código UBIGEO no existe', 'Unknown UBIGEO code'));
    return undefined;
  }
  return value;
}
