/** Codes used on the wire (API, exports, integration events); Spanish labels belong to the UI. */
export const VERDICTS = ['conviction', 'acquittal'] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * Código Penal art. 153: the range tops at 35 years for the aggravated forms (art. 153-A), which is also the
 * longest temporary prison term the Code allows (art. 29). A longer number is a typing error.
 */
export const MAX_SENTENCE_YEARS = 35;

/** The longest court names ("Juzgado Penal Colegiado Supraprovincial … de la Corte Superior de …") fit well. */
export const TRIAL_COURT_MAX_LENGTH = 200;
/** The appellant is a party's role or name as the court records it (e.g. "Ministerio Público", "defensa"). */
export const TRIAL_APPELLANT_MAX_LENGTH = 200;

export const TRIAL_STREAM_PREFIX = 'trial-';

/** Stream name of a trial; ids are lower-cased as the decider stores them, so both spellings load one stream. */
export function trialStreamName(trialId: string): string {
  return `${TRIAL_STREAM_PREFIX}${trialId.toLowerCase()}`;
}
