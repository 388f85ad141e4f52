import type { Topic } from './codes.js';
import type { components } from '../../api/schema.js';

type Schemas = components['schemas'];

/** A command's answer on a call (POST /hotline-calls documents it; classification and closure answer the same). */
export type CallCommandAnswer = Schemas['CommandAcceptedDto'];

/**
 * POST /hotline-calls/{callId}/referrals has no response schema in the OpenAPI document yet; this is what
 * ReferralsController.execute returns.
 */
export interface ReferralCommandAnswer {
  referralId: string;
  version: number;
  position: number;
}

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
