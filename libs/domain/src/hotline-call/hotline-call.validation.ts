/** Field rules shared by recording and correcting a call, so a corrected value obeys the same rules as the original. */
import { checkBoolean, checkOptionalText, checkOptionalUbigeo, checkPastInstant, isUuid, type Problems } from '../shared/validation.js';
import {
  SUMMARY_MAX_LENGTH,
  type HotlineCallChannel,
  type HotlineCallCorrectableField,
  type HotlineCallLanguage,
} from './hotline-call.codes.js';
import { callClosed, callNotFound } from './hotline-call.errors.js';
import type { HotlineCallCorrections } from './hotline-call.events.js';
import type { HotlineCallState, OpenHotlineCall } from './hotline-call.state.js';

/** The reference data a hotline-call decider needs, injected so that the decider stays pure. */
export interface HotlineCallReference {
  ubigeo: { isKnown(code: string): boolean };
}

export interface CheckContext {
  now: string;
  reference: HotlineCallReference;
}

/** Department or province codes are accepted: callers often know no more than that. */
export function checkCallerUbigeo(
  problems: Problems,
  field: string,
  value: unknown,
  reference: HotlineCallReference,
): string | null | undefined {
  return checkOptionalUbigeo(problems, field, value, reference.ubigeo);
}

type FieldCheck<Value> = (problems: Problems, field: string, value: unknown, context: CheckContext) => Value | undefined;

export const CORRECTION_CHECKS: {
  [Field in HotlineCallCorrectableField]-?: FieldCheck<Exclude<HotlineCallCorrections[Field], undefined>>;
} = {
  receivedAt: (problems, field, value, { now }) => checkPastInstant(problems, field, value, now),
  channel: (problems, field, value) => value as HotlineCallChannel,
  language: (problems, field, value) => value as HotlineCallLanguage,
  callerUbigeo: (problems, field, value, { reference }) => checkCallerUbigeo(problems, field, value, reference),
  anonymous: (problems, field, value) => checkBoolean(problems, field, value),
  summary: (problems, field, value) => checkOptionalText(problems, field, value, SUMMARY_MAX_LENGTH),
};

/**
 * Every command after the first needs a recorded, still open call. The command's id must name the stream's
 * call: a mismatch means the handler loaded the wrong stream, which is reported as "not found".
 */
export function requireOpenCall(state: HotlineCallState, callId: unknown): OpenHotlineCall {
  if (state.status === 'unrecorded' || !isUuid(callId) || callId.toLowerCase() !== state.callId) {
    throw callNotFound();
  }
  if (state.status === 'closed') throw callClosed();
  return state;
}

/** Commands are typed, but they are built from wire input; a missing `data` must become field problems, not a crash. */
export function dataOf(command: { data?: unknown }): Record<string, unknown> {
  const data = command.data;
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
}
