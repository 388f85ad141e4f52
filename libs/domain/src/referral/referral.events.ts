/**
 * Events hold only what the command said, normalized (lower-case ids, UTC instants). Never the handling time
 * or the actor: those live in the store's envelope, so a retried command yields byte-identical events.
 */
import type { DomainEvent } from '../shared/decider.js';
import type { ReferralCompletionReason, ReferralDestination, ReferralSourceKind } from './referral.codes.js';

export interface ReferralSource {
  kind: ReferralSourceKind;
  id: string;
}

export type ReferralSent = DomainEvent<
  'ReferralSent',
  {
    referralId: string;
    source: ReferralSource;
    to: ReferralDestination;
    unitName: string | null;
    ubigeo: string | null;
    referredAt: string;
    /**
     * Minutes within which the destination answers: the deadline in force when it was sent, so that a later change
     * of REFERRAL_DEADLINES never moves a published figure. Absent in events recorded before it was written:
     * read it with referralDeadlineMinutes (the documented default of the destination).
     */
    deadlineMinutes?: number;
  }
>;

/** `linkedCaseId` is the receiving institution's record, when it opened one: the link that avoids double counts. */
export type ReferralAccepted = DomainEvent<'ReferralAccepted', { referralId: string; acceptedAt: string; linkedCaseId: string | null }>;

export type ReferralRejected = DomainEvent<'ReferralRejected', { referralId: string; rejectedAt: string; reason: string }>;

export type ReferralCompleted = DomainEvent<
  'ReferralCompleted',
  { referralId: string; completedAt: string; successful: boolean; reason: ReferralCompletionReason | null }
>;

export type ReferralRevoked = DomainEvent<'ReferralRevoked', { referralId: string; revokedAt: string; reason: string }>;

export type ReferralEvent = ReferralSent | ReferralAccepted | ReferralRejected | ReferralCompleted | ReferralRevoked;

export const REFERRAL_EVENT_TYPES = [
  'ReferralSent',
  'ReferralAccepted',
  'ReferralRejected',
  'ReferralCompleted',
  'ReferralRevoked',
] as const satisfies readonly ReferralEvent['type'][];
