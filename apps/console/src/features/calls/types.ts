import type { Channel, CallLanguage, Outcome, Topic } from './codes.js';

/**
 * Answer shapes the OpenAPI document does not describe yet (schema.d.ts has no response schema for them), written
 * from what the API returns: command answers from the controllers' `execute` (`{callId|referralId, version,
 * position}`), the list row from the brief's contract for GET /api/v1/hotline-calls. No field is invented.
 */
export interface CallCommandAnswer {
  callId: string;
  version: number;
  position: number;
}

export interface ReferralCommandAnswer {
  referralId: string;
  version: number;
  position: number;
}

/** One row of GET /api/v1/hotline-calls: never the summary, nor any other personal field. */
export interface CallListItem {
  callId: string;
  receivedAt: string;
  channel: Channel;
  language: CallLanguage;
  callerUbigeo: string | null;
  anonymous: boolean;
  topic: Topic;
  traffickingRelated: boolean;
  status: 'open' | 'closed';
  outcome: Outcome | null;
  referrals: number;
  version: number;
}

export interface CallListPage {
  items: CallListItem[];
  nextCursor: string | null;
}

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
