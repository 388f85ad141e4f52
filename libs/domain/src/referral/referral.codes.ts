/** Codes used on the wire (API, exports, integration events); Spanish labels belong to the UI. */
export const REFERRAL_DESTINATIONS = ['PNP', 'MINISTERIO_PUBLICO', 'MIMP', 'DEMUNA', 'SHELTER', 'OTHER'] as const;
export type ReferralDestination = (typeof REFERRAL_DESTINATIONS)[number];

/** What is being referred: each kind is another stream, linked by its id so a person is counted once. */
export const REFERRAL_SOURCE_KINDS = ['hotline_call', 'case', 'victim'] as const;
export type ReferralSourceKind = (typeof REFERRAL_SOURCE_KINDS)[number];

/** A fixed list rather than free text: completion reasons are counted in the statistics. */
export const REFERRAL_COMPLETION_REASONS = [
  'case_opened',
  'victim_assisted',
  'victim_sheltered',
  'victim_declined',
  'unreachable',
  'outside_competence',
  'duplicate',
  'other',
] as const;
export type ReferralCompletionReason = (typeof REFERRAL_COMPLETION_REASONS)[number];

/** Free-text limits, in code points (as PostgreSQL's varchar counts). Prefixed: the domain index re-exports all. */
export const REFERRAL_UNIT_NAME_MAX_LENGTH = 200;
export const REFERRAL_REASON_MAX_LENGTH = 500;

/**
 * Minutes within which each destination answers (accepts or rejects) a referral, when REFERRAL_DEADLINES does not
 * say otherwise (README, "Configuration"): the police and the prosecutor 24 h, the others 72 h. Also the deadline
 * of a ReferralSent recorded before the deadline was written into the event.
 */
export const DEFAULT_REFERRAL_DEADLINE_MINUTES: Readonly<Record<ReferralDestination, number>> = {
  PNP: 24 * 60,
  MINISTERIO_PUBLICO: 24 * 60,
  MIMP: 72 * 60,
  DEMUNA: 72 * 60,
  SHELTER: 72 * 60,
  OTHER: 72 * 60,
};

/** One year: a longer deadline is a typo, not a policy. */
export const REFERRAL_DEADLINE_MAX_MINUTES = 365 * 24 * 60;

/**
 * The deadline in force for a sent referral: the one recorded on it, else (events from before it was recorded) the
 * documented default of its destination, never today's configuration, so that a published figure never moves.
 */
export function referralDeadlineMinutes(sent: { to: ReferralDestination; deadlineMinutes?: number | null }): number {
  return sent.deadlineMinutes ?? DEFAULT_REFERRAL_DEADLINE_MINUTES[sent.to] ?? DEFAULT_REFERRAL_DEADLINE_MINUTES.OTHER;
}

export const REFERRAL_STREAM_PREFIX = 'referral-';

/** Stream name of a referral; ids are lower-cased as the decider stores them, so both spellings load one stream. */
export function referralStreamName(referralId: string): string {
  return `${REFERRAL_STREAM_PREFIX}${referralId.toLowerCase()}`;
}
