import { isUuid, problem, type Problems } from '../shared/validation.js';
import { trialFinal, trialNotFound } from './trial.errors.js';
import type { TrialState } from './trial.state.js';

export type ExistingTrial = Exclude<TrialState, { status: 'unopened' | 'final' }>;

/**
 * Every command after the opening needs an opened trial whose ruling is not final. The command's id must name
 * the stream's trial: a mismatch means the handler loaded the wrong stream, which is reported as "not found".
 */
export function requireOpenTrial(state: TrialState, trialId: unknown): ExistingTrial {
  if (state.status === 'unopened' || !isUuid(trialId) || trialId.toLowerCase() !== state.trialId) {
    throw trialNotFound();
  }
  if (state.status === 'final') throw trialFinal();
  return state;
}

/** Absent or null means "not linked"; `undefined` is returned only when the value is refused. */
export function checkOptionalUuid(problems: Problems, field: string, value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (isUuid(value)) return value.toLowerCase();
  problems.push(problem(field, 'Debe ser un UUID o nulo', 'Must be a UUID, or null'));
  return undefined;
}

/** Commands are typed, but they are built from wire input; a missing `data` must become field problems, not a crash. */
export function trialDataOf(command: { data?: unknown }): Record<string, unknown> {
  const data = command.data;
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
}
