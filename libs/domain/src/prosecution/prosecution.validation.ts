import { isUuid } from '../shared/validation.js';
import { prosecutionClosed, prosecutionNotFound } from './prosecution.errors.js';
import type { ProsecutionState } from './prosecution.state.js';
import { CLOSED_PROSECUTION_STATUSES, type ActiveProsecutionStatus } from './prosecution.transitions.js';

export type ActiveProsecution = Extract<ProsecutionState, { status: ActiveProsecutionStatus }>;

const isClosed = (state: ProsecutionState): boolean => (CLOSED_PROSECUTION_STATUSES as readonly string[]).includes(state.status);

/**
 * Every command after the opening needs an opened prosecution that is not closed. The command's id must name
 * the stream's prosecution: a mismatch means the handler loaded the wrong stream, which is reported as "not found".
 */
export function requireActiveProsecution(state: ProsecutionState, prosecutionId: unknown): ActiveProsecution {
  if (state.status === 'unopened' || !isUuid(prosecutionId) || prosecutionId.toLowerCase() !== state.prosecutionId) {
    throw prosecutionNotFound();
  }
  if (isClosed(state)) throw prosecutionClosed();
  return state as ActiveProsecution;
}

/** Commands are typed, but they are built from wire input; a missing `data` must become field problems, not a crash. */
export function prosecutionDataOf(command: { data?: unknown }): Record<string, unknown> {
  const data = command.data;
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
}
