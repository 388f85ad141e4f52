/**
 * Commands carry codes as the domain's own types: the edge (the API's DTOs) parses wire values into them, so a
 * code is checked in exactly one place and the decider enforces business rules only.
 */
import type { CommandMetadata } from '../shared/decider.js';
import type { ReferralCompletionReason, ReferralDestination, ReferralSourceKind } from './referral.codes.js';

export interface SendReferral {
  type: 'SendReferral';
  data: {
    referralId: string;
    source: { kind: ReferralSourceKind; id: string };
    /**
     * Filled by the application from the source call's current state: the decider cannot read other streams.
     * Only read when the source is a hotline call; never written to the event (it is the call's fact, not ours).
     */
    sourceTraffickingRelated?: boolean | null;
    to: ReferralDestination;
    unitName?: string | null;
    ubigeo?: string | null;
    referredAt: string;
    /** A positive whole number of minutes; absent: the documented default of the destination. */
    deadlineMinutes?: number | null;
  };
  metadata: CommandMetadata;
}

export interface AcceptReferral {
  type: 'AcceptReferral';
  data: { referralId: string; acceptedAt: string; linkedCaseId?: string | null };
  metadata: CommandMetadata;
}

export interface RejectReferral {
  type: 'RejectReferral';
  data: { referralId: string; rejectedAt: string; reason: string };
  metadata: CommandMetadata;
}

export interface CompleteReferral {
  type: 'CompleteReferral';
  data: { referralId: string; completedAt: string; successful: boolean; reason?: ReferralCompletionReason | null };
  metadata: CommandMetadata;
}

export interface RevokeReferral {
  type: 'RevokeReferral';
  data: { referralId: string; revokedAt: string; reason: string };
  metadata: CommandMetadata;
}

export type ReferralCommand = SendReferral | AcceptReferral | RejectReferral | CompleteReferral | RevokeReferral;
