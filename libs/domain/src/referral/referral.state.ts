import { referralDeadlineMinutes, type ReferralCompletionReason, type ReferralDestination } from './referral.codes.js';
import type { ReferralEvent, ReferralSource } from './referral.events.js';

/** What the sending side said; every later state keeps it, so a closed referral still shows where it went. */
export interface ReferralFacts {
  referralId: string;
  source: ReferralSource;
  to: ReferralDestination;
  unitName: string | null;
  ubigeo: string | null;
  referredAt: string;
  /** The deadline in force (referralDeadlineMinutes): recorded on the sending, else the destination's default. */
  deadlineMinutes: number;
}

export interface UnsentReferral {
  status: 'unsent';
}

export interface SentReferral extends ReferralFacts {
  status: 'sent';
}

export interface AcceptedReferral extends ReferralFacts {
  status: 'accepted';
  acceptedAt: string;
  linkedCaseId: string | null;
}

export interface RejectedReferral extends ReferralFacts {
  status: 'rejected';
  rejectedAt: string;
  reason: string;
}

export interface CompletedReferral extends ReferralFacts {
  status: 'completed';
  acceptedAt: string;
  linkedCaseId: string | null;
  completedAt: string;
  successful: boolean;
  reason: ReferralCompletionReason | null;
}

/** A referral may be revoked before or after acceptance; the acceptance (if any) stays on record. */
export interface RevokedReferral extends ReferralFacts {
  status: 'revoked';
  acceptedAt: string | null;
  linkedCaseId: string | null;
  revokedAt: string;
  reason: string;
}

export type ReferralState = UnsentReferral | SentReferral | AcceptedReferral | RejectedReferral | CompletedReferral | RevokedReferral;

/** Awaiting an answer or under way: the states a referral can still leave. */
export type OpenReferral = SentReferral | AcceptedReferral;

export function initialReferralState(): ReferralState {
  return { status: 'unsent' };
}

/**
 * Total and deterministic: an event that does not apply to the current state (a second sending, an acceptance
 * of a rejected referral, an unknown type from a newer version) leaves the state unchanged instead of throwing,
 * so a stream can always be replayed. Rejecting is `decide`'s job. Fields are picked one by one so that stray
 * keys of a stored event never leak into the state.
 */
export function evolveReferral(state: ReferralState, event: ReferralEvent): ReferralState {
  switch (event.type) {
    case 'ReferralSent': {
      if (state.status !== 'unsent') return state;
      const { referralId, source, to, unitName, ubigeo, referredAt } = event.data;
      const deadlineMinutes = referralDeadlineMinutes(event.data);
      return {
        status: 'sent',
        referralId,
        source: { kind: source.kind, id: source.id },
        to,
        unitName,
        ubigeo,
        referredAt,
        deadlineMinutes,
      };
    }
    case 'ReferralAccepted': {
      if (state.status !== 'sent') return state;
      const { acceptedAt, linkedCaseId } = event.data;
      return { ...state, status: 'accepted', acceptedAt, linkedCaseId };
    }
    case 'ReferralRejected': {
      if (state.status !== 'sent') return state;
      const { rejectedAt, reason } = event.data;
      return { ...state, status: 'rejected', rejectedAt, reason };
    }
    case 'ReferralCompleted': {
      if (state.status !== 'accepted') return state;
      const { completedAt, successful, reason } = event.data;
      return { ...state, status: 'completed', completedAt, successful, reason };
    }
    case 'ReferralRevoked': {
      if (state.status !== 'sent' && state.status !== 'accepted') return state;
      const { revokedAt, reason } = event.data;
      const acceptance =
        state.status === 'accepted'
          ? { acceptedAt: state.acceptedAt, linkedCaseId: state.linkedCaseId }
          : { acceptedAt: null, linkedCaseId: null };
      return { ...state, status: 'revoked', ...acceptance, revokedAt, reason };
    }
    default:
      return state;
  }
}
