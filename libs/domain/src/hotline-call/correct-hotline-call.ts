import { checkRequiredText, problem, throwIfProblems, type Problems } from '../shared/validation.js';
import { HOTLINE_CALL_CORRECTABLE_FIELDS, REASON_MAX_LENGTH, type HotlineCallCorrectableField } from './hotline-call.codes.js';
import type { CorrectHotlineCall } from './hotline-call.commands.js';
import type { HotlineCallCorrected, HotlineCallCorrections } from './hotline-call.events.js';
import type { HotlineCallState } from './hotline-call.state.js';
import { CORRECTION_CHECKS, dataOf, requireOpenCall, type CheckContext, type HotlineCallReference } from './hotline-call.validation.js';

const isCorrectable = (key: string): key is HotlineCallCorrectableField =>
  (HOTLINE_CALL_CORRECTABLE_FIELDS as readonly string[]).includes(key);

export function correctHotlineCall(
  command: CorrectHotlineCall,
  state: HotlineCallState,
  reference: HotlineCallReference,
): HotlineCallCorrected[] {
  const data = dataOf(command);
  const call = requireOpenCall(state, data.callId);

  const problems: Problems = [];
  const requested = checkChanges(problems, data.changes, { now: command.metadata.now, reference });
  const reason = checkRequiredText(problems, 'reason', data.reason, REASON_MAX_LENGTH);
  throwIfProblems(problems);

  // Fields already holding the requested value are dropped, so the event lists only real changes and a retry
  // of an applied correction produces nothing. Keys follow the fixed field order, not the request's.
  const changes: Record<string, unknown> = {};
  for (const field of HOTLINE_CALL_CORRECTABLE_FIELDS) {
    if (field in requested && requested[field] !== call[field]) changes[field] = requested[field];
  }
  if (Object.keys(changes).length === 0) return [];
  return [
    {
      type: 'HotlineCallCorrected',
      data: { callId: call.callId, changes: changes as HotlineCallCorrections, reason: reason! },
    },
  ];
}

/** Validated, normalized requested values; `undefined` values count as absent (optional DTO fields). */
function checkChanges(problems: Problems, changes: unknown, context: CheckContext): HotlineCallCorrections {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
    problems.push(problem('changes', 'Debe ser un objeto con los campos a corregir', 'Must be an object with the fields to correct'));
    return {};
  }
  if (Object.values(changes).every((value) => value === undefined)) {
    problems.push(problem('changes', 'Indique al menos un campo a corregir', 'Give at least one field to correct'));
    return {};
  }
  const requested: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    const field = `changes.${key}`;
    if (key === 'topic') {
      problems.push(problem(field, 'El tema no se corrige: reclasifique la llamada', 'The topic is not corrected: re-classify the call'));
    } else if (!isCorrectable(key)) {
      problems.push(problem(field, 'Este campo no se puede corregir', 'This field cannot be corrected'));
    } else {
      const checked = CORRECTION_CHECKS[key](problems, field, value, context);
      if (checked !== undefined) requested[key] = checked;
    }
  }
  return requested as HotlineCallCorrections;
}
