/**
 * Commands carry values as they arrive from the wire (codes typed as plain strings): the decider is where they
 * are validated, so their types do not pretend otherwise.
 */
import type { CommandMetadata } from '../shared/decider.js';

export interface RecordHotlineCall {
  type: 'RecordHotlineCall';
  data: {
    callId: string;
    receivedAt: string;
    channel: string;
    language: string;
    callerUbigeo?: string | null;
    anonymous: boolean;
    topic: string;
    /** Opaque to the domain: upstream may have sealed it already. */
    summary?: string | null;
  };
  metadata: CommandMetadata;
}

export interface ClassifyHotlineCall {
  type: 'ClassifyHotlineCall';
  data: { callId: string; topic: string; reason?: string | null };
  metadata: CommandMetadata;
}

/** Fields of a received call that can be corrected. The topic is not one: it changes by re-classification. */
export interface HotlineCallChanges {
  receivedAt?: string;
  channel?: string;
  language?: string;
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
  data: { callId: string; closedAt: string; outcome: string };
  metadata: CommandMetadata;
}

export type HotlineCallCommand = RecordHotlineCall | ClassifyHotlineCall | CorrectHotlineCall | CloseHotlineCall;
