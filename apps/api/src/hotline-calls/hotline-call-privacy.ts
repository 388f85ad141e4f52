import type { HotlineCallState } from '../../../../libs/domain/src/index.js';
import type { DataSubject, SubjectKeyring } from '../../../../libs/platform/src/index.js';

type StoredEvent = { type: string; data: object };

const summaryContext = (callId: string): string => `hotline-call:${callId}:summary`;

/** Applies `change` to the summary an event carries (received or corrected), leaving everything else as is. */
function mapSummary(event: StoredEvent, change: (summary: string, callId: string) => string | null): StoredEvent {
  const data = event.data as { callId: string; summary?: unknown; changes?: { summary?: unknown } };
  if (event.type === 'HotlineCallReceived' && typeof data.summary === 'string') {
    return { ...event, data: { ...data, summary: change(data.summary, data.callId) } };
  }
  if (event.type === 'HotlineCallCorrected' && typeof data.changes?.summary === 'string') {
    return { ...event, data: { ...data, changes: { ...data.changes, summary: change(data.changes.summary, data.callId) } } };
  }
  return event;
}

/** The summary is free text about the caller and others: it enters the log sealed under the call's own key. */
export const sealHotlineCallEvent = (keyring: SubjectKeyring, event: StoredEvent): StoredEvent =>
  mapSummary(event, (summary, callId) => keyring.seal(callId, summary, summaryContext(callId), 'summary'));

/** Clear again; the summary of an erased call reads as null. */
export const unsealHotlineCallEvent = (keyring: SubjectKeyring, event: StoredEvent): StoredEvent =>
  mapSummary(event, (summary, callId) => keyring.unseal(callId, summary, summaryContext(callId)));

/**
 * The call is the caller's data subject: recording or correcting it may set its summary (its key is created
 * first), and the events that did hold the summary (its key is loaded).
 */
const WITH_SUMMARY = new Set(['RecordHotlineCall', 'CorrectHotlineCall', 'HotlineCallReceived', 'HotlineCallCorrected']);

export function callerOf(message: { type: string; data: object }): DataSubject[] {
  const callId = (message.data as { callId?: unknown }).callId;
  return WITH_SUMMARY.has(message.type) && typeof callId === 'string' ? [{ id: callId, kind: 'caller' }] : [];
}

export function markErasedCall(state: HotlineCallState, erased: ReadonlySet<string>): HotlineCallState {
  if (state.status === 'unrecorded' || !erased.has(state.callId)) return state;
  return Object.assign({}, state, { erased: true });
}

/** A call's answer: its summary as it is, or `null` when withheld (no purpose, no need to know). */
export function callPersonalView(state: HotlineCallState, disclose: boolean): HotlineCallState & { personalDataWithheld: boolean } {
  if (disclose || state.status === 'unrecorded') return { ...state, personalDataWithheld: !disclose };
  return { ...state, summary: null, personalDataWithheld: true };
}
