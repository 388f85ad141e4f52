import type { FieldSealer } from '../../../../libs/platform/src/index.js';

const summaryContext = (callId: string): string => `hotline-call:${callId}:summary`;

/** The summary is free text about people: it enters the log sealed, never in clear. */
export function sealHotlineCallEvent(sealer: FieldSealer, event: { type: string; data: object }): { type: string; data: object } {
  const data = event.data as { callId: string; summary?: unknown; changes?: { summary?: unknown } };
  if (event.type === 'HotlineCallReceived' && typeof data.summary === 'string') {
    return { ...event, data: { ...data, summary: sealer.seal(data.summary, summaryContext(data.callId)) } };
  }
  if (event.type === 'HotlineCallCorrected' && typeof data.changes?.summary === 'string') {
    const changes = { ...data.changes, summary: sealer.seal(data.changes.summary, summaryContext(data.callId)) };
    return { ...event, data: { ...data, changes } };
  }
  return event;
}

export function unsealSummary(sealer: FieldSealer, callId: string, summary: string | null): string | null {
  return summary === null ? null : sealer.unseal(summary, summaryContext(callId));
}
