import type { Topic } from '../../i18n/codes.js';
import type { components } from '../../api/schema.js';

type Schemas = components['schemas'];

/** A command's answer on a call (POST /hotline-calls documents it; classification and closure answer the same). */
export type CallCommandAnswer = Schemas['CommandAcceptedDto'];

/** What sending a referral answers (POST /hotline-calls/{callId}/referrals). */
export type ReferralCommandAnswer = Schemas['ReferralAcceptedDto'];

/** One row of GET /api/v1/hotline-calls: never the summary, nor any other personal field. */
export type CallListItem = Schemas['HotlineCallListItemDto'];
export type CallListPage = Schemas['HotlineCallListDto'];

/** What the next-action forms need to know about the call they act on. */
export interface SelectedCall {
  callId: string;
  version: number;
  topic: Topic;
  /** From the API (a list row); unknown for a call just saved or re-classified until the list says. */
  traffickingRelated?: boolean;
  status: 'open' | 'closed';
  receivedAt: string;
}
