import type { HotlineCallState } from '#domain';

export function markErasedCall(state: HotlineCallState, erased: ReadonlySet<string>): HotlineCallState {
  if (state.status === 'unrecorded' || !erased.has(state.callId)) return state;
  return Object.assign({}, state, { erased: true });
}

/** A call's answer: its summary as it is, or `null` when withheld (no purpose, no need to know). */
export function callPersonalView(state: HotlineCallState, disclose: boolean): HotlineCallState & { personalDataWithheld: boolean } {
  if (disclose || state.status === 'unrecorded') return { ...state, personalDataWithheld: !disclose };
  return { ...state, summary: null, personalDataWithheld: true };
}
