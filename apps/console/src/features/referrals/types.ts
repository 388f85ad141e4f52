import type { components, paths } from '../../api/schema.js';
import type { Destination } from '../../i18n/codes.js';

/** GET /api/v1/referrals: the caller's institution's pending referrals, oldest first. No personal field in a row. */
export type PendingReferralsAnswer = paths['/api/v1/referrals']['get']['responses'][200]['content']['application/json'];
export type PendingReferral = PendingReferralsAnswer['referrals'][number];

/** GET /api/v1/referrals/{id}: the referral's state folded from its stream, and its version. */
export type ReferralDetail = paths['/api/v1/referrals/{referralId}']['get']['responses'][200]['content']['application/json'];

/** What accept and reject answer. */
export type ReferralAnswer = components['schemas']['ReferralAcceptedDto'];

export interface QueueFilters {
  destination: Destination | null;
  department: string | null;
  olderThanHours: string;
}

/** What the user just did, said on the page once the drawer closes. */
export type Outcome =
  | { kind: 'registered'; caseId: string; registryNumber: string | null }
  | { kind: 'linked'; caseId: string }
  | { kind: 'accepted' }
  | { kind: 'rejected' };
