/**
 * GET /api/v1/referrals answers `{asOf, referrals}` (libs/read-models/src/referrals/referral.queries.ts); the
 * OpenAPI document has no response schema for it yet. No personal field in a row.
 */
export interface PendingReferral {
  referralId: string;
  sourceKind: string;
  sourceId: string;
  destination: string;
  department: string;
  referredAt: string;
  hoursWaiting: number;
}

export interface PendingReferralsAnswer {
  asOf: { transactionId: string; globalPosition: number; eventsProcessed: number };
  referrals: PendingReferral[];
}

/** GET /api/v1/referrals/{id}: the referral's state folded from its stream (libs/domain referral.state.ts) + version. */
export interface ReferralDetail {
  status: 'sent' | 'accepted' | 'rejected' | 'completed' | 'revoked';
  referralId: string;
  source: { kind: string; id: string };
  to: string;
  unitName: string | null;
  ubigeo: string | null;
  referredAt: string;
  version: number;
}

/** What accept and reject answer (ReferralAcceptedDto). */
export interface ReferralAnswer {
  referralId: string;
  version: number;
  position: number;
}

export interface QueueFilters {
  destination: string | null;
  department: string | null;
  olderThanHours: string;
}

/** What the user just did, said on the page once the drawer closes. */
export type Outcome =
  | { kind: 'registered'; caseId: string }
  | { kind: 'linked'; caseId: string }
  | { kind: 'accepted' }
  | { kind: 'rejected' };
