/**
 * Events hold only what the command said, normalized (lower-case ids, UTC instants). Never the handling time
 * or the actor: those live in the store's envelope, so a retried command yields byte-identical events.
 */
import type { DomainEvent } from '../shared/decider.js';
import type { HotlineCallChannel, HotlineCallLanguage, HotlineCallOutcome, HotlineCallTopic } from './hotline-call.codes.js';

export type HotlineCallReceived = DomainEvent<
  'HotlineCallReceived',
  {
    callId: string;
    receivedAt: string;
    channel: HotlineCallChannel;
    language: HotlineCallLanguage;
    callerUbigeo: string | null;
    anonymous: boolean;
    topic: HotlineCallTopic;
    summary: string | null;
  }
>;

export type HotlineCallClassified = DomainEvent<
  'HotlineCallClassified',
  { callId: string; topic: HotlineCallTopic; previousTopic: HotlineCallTopic; reason: string | null }
>;

/** Only the fields whose value really changed, in a fixed key order. */
export interface HotlineCallCorrections {
  receivedAt?: string;
  channel?: HotlineCallChannel;
  language?: HotlineCallLanguage;
  callerUbigeo?: string | null;
  anonymous?: boolean;
  summary?: string | null;
}

export type HotlineCallCorrected = DomainEvent<'HotlineCallCorrected', { callId: string; changes: HotlineCallCorrections; reason: string }>;

export type HotlineCallClosed = DomainEvent<'HotlineCallClosed', { callId: string; closedAt: string; outcome: HotlineCallOutcome }>;

export type HotlineCallEvent = HotlineCallReceived | HotlineCallClassified | HotlineCallCorrected | HotlineCallClosed;

export const HOTLINE_CALL_EVENT_TYPES = [
  'HotlineCallReceived',
  'HotlineCallClassified',
  'HotlineCallCorrected',
  'HotlineCallClosed',
] as const satisfies readonly HotlineCallEvent['type'][];

export const HOTLINE_CALL_STREAM_PREFIX = 'hotline-call-';

/** Stream name of a call; ids are lower-cased as the decider stores them, so both spellings load one stream. */
export function hotlineCallStreamName(callId: string): string {
  return `${HOTLINE_CALL_STREAM_PREFIX}${callId.toLowerCase()}`;
}
