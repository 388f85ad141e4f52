/**
 * The wire codes of a hotline call (README, "POST /api/v1/hotline-calls"), in the order the screen offers them: the
 * most frequent first, so the default or the first arrow press is usually the right one.
 */
export const CHANNELS = ['phone', 'whatsapp', 'web', 'email', 'in_person'] as const;
export const LANGUAGES = ['es', 'qu', 'ay', 'other'] as const;
export const TOPICS = ['trafficking', 'migrant_smuggling', 'missing_person', 'labour_complaint', 'information', 'other'] as const;
export const OUTCOMES = ['information_provided', 'referred', 'no_action_required', 'dropped', 'duplicate', 'other'] as const;
export const DESTINATIONS = ['PNP', 'MINISTERIO_PUBLICO', 'MIMP', 'DEMUNA', 'SHELTER', 'OTHER'] as const;

export type Channel = (typeof CHANNELS)[number];
export type CallLanguage = (typeof LANGUAGES)[number];
export type Topic = (typeof TOPICS)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type Destination = (typeof DESTINATIONS)[number];
