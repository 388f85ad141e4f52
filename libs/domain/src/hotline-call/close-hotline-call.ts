import { checkPastInstant, throwIfProblems, type Problems } from '../shared/validation.js';
import type { HotlineCallOutcome } from './hotline-call.codes.js';
import type { CloseHotlineCall } from './hotline-call.commands.js';
import type { HotlineCallClosed } from './hotline-call.events.js';
import type { HotlineCallState } from './hotline-call.state.js';
import { dataOf, requireOpenCall } from './hotline-call.validation.js';

export function closeHotlineCall(command: CloseHotlineCall, state: HotlineCallState): HotlineCallClosed[] {
  const data = dataOf(command);
  const call = requireOpenCall(state, data.callId);

  const problems: Problems = [];
  const closedAt = checkPastInstant(problems, 'closedAt', data.closedAt, command.metadata.now, {
    instant: call.receivedAt,
    reason: 'No puede ser anterior a la recepción de la llamada',
    reasonEn: 'Cannot be before the call was received',
  });
  const outcome = data.outcome as HotlineCallOutcome;
  throwIfProblems(problems);

  return [{ type: 'HotlineCallClosed', data: { callId: call.callId, closedAt: closedAt!, outcome: outcome! } }];
}
