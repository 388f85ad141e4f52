import { checkPastInstant, isUuid, problem, type Problems } from '../shared/validation.js';

/** Commands are built from wire input; a missing `data` must become field problems, not a crash. */
export function protectionDataOf(command: { data?: unknown }): Record<string, unknown> {
  const data = command.data;
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
}

/** A past instant that is not before the prosecution opened: nothing of its protection predates it. */
export function checkSinceOpening(problems: Problems, field: string, value: unknown, now: string, openedAt: unknown): string | undefined {
  const opened = typeof openedAt === 'string' ? openedAt : undefined;
  return checkPastInstant(
    problems,
    field,
    value,
    now,
    opened
      ? {
          instant: opened,
          reason: 'No puede ser anterior a la apertura de la investigación fiscal',
          reasonEn: 'Cannot be before the prosecution was opened',
        }
      : undefined,
  );
}

/** A victim of the prosecution's case (its list is read by the application from the case's stream). */
export function checkCaseVictim(problems: Problems, field: string, value: unknown, caseVictimIds: unknown): string | undefined {
  if (!isUuid(value)) {
    problems.push(problem(field, 'Debe ser un UUID', 'Must be a UUID'));
    return undefined;
  }
  const victims = Array.isArray(caseVictimIds) ? caseVictimIds : [];
  if (victims.includes(value.toLowerCase())) return value.toLowerCase();
  problems.push(problem(field, 'No es una víctima del caso de esta investigación', "Not a victim of this prosecution's case"));
  return undefined;
}
