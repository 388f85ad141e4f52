/**
 * Commands carry codes as the domain's own types: the edge (the API's DTOs) parses wire values into them, so a
 * code is checked in exactly one place and the decider enforces business rules only.
 */
import type { CommandMetadata } from '../shared/decider.js';
import type { HotlineCallChannel, HotlineCallLanguage, HotlineCallOutcome, HotlineCallTopic } from './hotline-call.codes.js';

export interface RecordHotlineCall {
  type: 'RecordHotlineCall';
  data: {
    callId: string;
    receivedAt: string;
    channel: HotlineCallChannel;
    language: HotlineCallLanguage;
    callerUbigeo?: string | null;
    anonymous: boolean;
    topic: HotlineCallTopic;
    /** Opaque to the domain: upstream may have sealed it already. */
    summary?: string | null;
  };
  metadata: CommandMetadata;
}

export interface ClassifyHotlineCall {
  type: 'ClassifyHotlineCall';
  data: { callId: string; topic: HotlineCallTopic; reason?: string | null };
  metadata: CommandMetadata;
}

/** Fields of a received call that can be corrected. The topic is not one: it changes by re-classification. */
export interface HotlineCallChanges {
  receivedAt?: string;
  channel?: HotlineCallChannel;
  language?: HotlineCallLanguage;
  callerUbigeo?: string | null;
  anonymous?: boolean;
  summary?: string | null;
}

export interface CorrectHotlineCall {
  type: 'CorrectHotlineCall';
  data: { callId: string; changes: HotlineCallChanges; reason: string };
  metadata: CommandMetadata;
}

export interface CloseHotlineCall {
  type: 'CloseHotlineCall';
  data: { callId: string; closedAt: string; outcome: HotlineCallOutcome };
  metadata: CommandMetadata;
}

export type HotlineCallCommand = RecordHotlineCall | ClassifyHotlineCall | CorrectHotlineCall | CloseHotlineCall;
