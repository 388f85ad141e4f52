/**
 * Commands carry values as they arrive from the wire (codes typed as plain strings): the decider is where they
 * are validated, so their types do not pretend otherwise.
 */
import type { CommandMetadata } from '../shared/decider.js';

export interface SendReferral {
  type: 'SendReferral';
  data: {
    referralId: string;
    source: { kind: string; id: string };
    /**
     * Filled by the application from the source call's current state: the decider cannot read other streams.
     * Only read when the source is a hotline call; never written to the event (it is the call's fact, not ours).
     */
    sourceTraffickingRelated?: boolean | null;
    to: string;
    unitName?: string | null;
    ubigeo?: string | null;
    referredAt: string;
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
  data: { referralId: string; completedAt: string; successful: boolean; reason?: string | null };
  metadata: CommandMetadata;
}

export interface RevokeReferral {
  type: 'RevokeReferral';
  data: { referralId: string; revokedAt: string; reason: string };
  metadata: CommandMetadata;
}

export type ReferralCommand = SendReferral | AcceptReferral | RejectReferral | CompleteReferral | RevokeReferral;
