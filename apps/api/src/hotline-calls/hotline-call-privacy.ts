import type { FieldSealer } from '../../../../libs/platform/src/index.js';

type StoredEvent = { type: string; data: object };

const summaryContext = (callId: string): string => `hotline-call:${callId}:summary`;

/** Applies `change` to the summary an event carries (received or corrected), leaving everything else as is. */
function mapSummary(event: StoredEvent, change: (summary: string, callId: string) => string): StoredEvent {
  const data = event.data as { callId: string; summary?: unknown; changes?: { summary?: unknown } };
  if (event.type === 'HotlineCallReceived' && typeof data.summary === 'string') {
    return { ...event, data: { ...data, summary: change(data.summary, data.callId) } };
  }
  if (event.type === 'HotlineCallCorrected' && typeof data.changes?.summary === 'string') {
    return { ...event, data: { ...data, changes: { ...data.changes, summary: change(data.changes.summary, data.callId) } } };
  }
  return event;
}

/** The summary is free text about people: it enters the log sealed, never in clear. */
export const sealHotlineCallEvent = (sealer: FieldSealer, event: StoredEvent): StoredEvent =>
  mapSummary(event, (summary, callId) => sealer.seal(summary, summaryContext(callId)));

export const unsealHotlineCallEvent = (sealer: FieldSealer, event: StoredEvent): StoredEvent =>
  mapSummary(event, (summary, callId) => sealer.unseal(summary, summaryContext(callId)));
