import {
  HOTLINE_CALL_CORRECTABLE_FIELDS,
  isTraffickingRelated,
  type HotlineCallOutcome,
  type HotlineCallTopic,
} from './hotline-call.codes.js';
import type { HotlineCallCorrections, HotlineCallEvent, HotlineCallReceived } from './hotline-call.events.js';

type Receipt = HotlineCallReceived['data'];

/** What the receipt recorded (as corrected and re-classified since), and whether it concerns trafficking. */
export interface HotlineCallFacts extends Receipt {
  /** Follows the current topic, so a re-classified call moves in or out of the trafficking statistics. */
  traffickingRelated: boolean;
}

export interface UnrecordedHotlineCall {
  status: 'unrecorded';
}

export interface OpenHotlineCall extends HotlineCallFacts {
  status: 'open';
}

export interface ClosedHotlineCall extends HotlineCallFacts {
  status: 'closed';
  closedAt: string;
  outcome: HotlineCallOutcome;
}

export type HotlineCallState = UnrecordedHotlineCall | OpenHotlineCall | ClosedHotlineCall;

export function initialHotlineCallState(): HotlineCallState {
  return { status: 'unrecorded' };
}

const withTopic = <State extends HotlineCallFacts>(state: State, topic: HotlineCallTopic): State => ({
  ...state,
  topic,
  traffickingRelated: isTraffickingRelated(topic),
});

/**
 * Total and deterministic: an event that does not apply to the current state (a second receipt, a close of a
 * closed call, an unknown type from a newer version) leaves the state unchanged instead of throwing, so a
 * stream can always be replayed. Rejecting is `decide`'s job.
 */
export function evolveHotlineCall(state: HotlineCallState, event: HotlineCallEvent): HotlineCallState {
  switch (event.type) {
    case 'HotlineCallReceived': {
      if (state.status !== 'unrecorded') return state;
      // Fields are picked one by one so that stray keys of a stored event never leak into the state.
      const { callId, receivedAt, channel, language, callerUbigeo, anonymous, summary, topic } = event.data;
      const facts = { callId, receivedAt, channel, language, callerUbigeo, anonymous, summary };
      return withTopic({ status: 'open' as const, ...facts, topic, traffickingRelated: false }, topic);
    }
    case 'HotlineCallClassified':
      return state.status === 'unrecorded' ? state : withTopic(state, event.data.topic);
    case 'HotlineCallCorrected':
      return state.status === 'unrecorded' ? state : { ...state, ...correctableOnly(event.data.changes) };
    case 'HotlineCallClosed':
      if (state.status !== 'open') return state;
      return { ...state, status: 'closed', closedAt: event.data.closedAt, outcome: event.data.outcome };
    default:
      return state;
  }
}

// Only correctable keys are applied, and an `undefined` never erases a fact: a malformed stored event must not
// be able to overwrite the status or the topic.
function correctableOnly(changes: HotlineCallCorrections | undefined): HotlineCallCorrections {
  const applied: Record<string, unknown> = {};
  for (const field of HOTLINE_CALL_CORRECTABLE_FIELDS) {
    if (changes?.[field] !== undefined) applied[field] = changes[field];
  }
  return applied as HotlineCallCorrections;
}
