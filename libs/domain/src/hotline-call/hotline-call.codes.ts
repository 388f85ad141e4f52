/** Codes used on the wire (API, exports, integration events); Spanish labels belong to the UI. */
export const HOTLINE_CALL_CHANNELS = ['phone', 'whatsapp', 'web', 'email', 'in_person'] as const;
export type HotlineCallChannel = (typeof HOTLINE_CALL_CHANNELS)[number];

/** Quechua and Aymara are asked for explicitly: the hotline must be able to staff them. */
export const HOTLINE_CALL_LANGUAGES = ['es', 'qu', 'ay', 'other'] as const;
export type HotlineCallLanguage = (typeof HOTLINE_CALL_LANGUAGES)[number];

export const HOTLINE_CALL_TOPICS = [
  'trafficking',
  'migrant_smuggling',
  'missing_person',
  'labour_complaint',
  'information',
  'other',
] as const;
export type HotlineCallTopic = (typeof HOTLINE_CALL_TOPICS)[number];

/** Whether a call on this topic counts as trafficking-related: the one rule every list and statistic applies. */
export function isTraffickingRelated(topic: HotlineCallTopic): boolean {
  return topic === 'trafficking';
}

export const HOTLINE_CALL_OUTCOMES = ['information_provided', 'referred', 'no_action_required', 'dropped', 'duplicate', 'other'] as const;
export type HotlineCallOutcome = (typeof HOTLINE_CALL_OUTCOMES)[number];

/** Free-text limits. The summary may arrive sealed (ciphertext) from upstream; the limit applies as received. */
export const SUMMARY_MAX_LENGTH = 4000;
export const REASON_MAX_LENGTH = 500;

/** Correctable fields, in the key order corrections are written in events (fixed, so retries are byte-identical). */
export const HOTLINE_CALL_CORRECTABLE_FIELDS = ['receivedAt', 'channel', 'language', 'callerUbigeo', 'anonymous', 'summary'] as const;
export type HotlineCallCorrectableField = (typeof HOTLINE_CALL_CORRECTABLE_FIELDS)[number];
