import {
  caseStreamName,
  createCriminalNetworkDecider,
  criminalNetworkStreamName,
  createHotlineCallDecider,
  createPoliceCaseDecider,
  createProsecutionDecider,
  createReferralDecider,
  createTrialDecider,
  createWitnessProtectionDecider,
  createVictimAssistanceDecider,
  hotlineCallStreamName,
  prosecutionStreamName,
  referralStreamName,
  trialStreamName,
  type CriminalNetworkCommand,
  type CriminalNetworkEvent,
  type CriminalNetworkState,
  witnessProtectionStreamName,
  victimAssistanceStreamName,
  type Decider,
  type HotlineCallCommand,
  type HotlineCallEvent,
  type HotlineCallState,
  type PoliceCaseCommand,
  type PoliceCaseEvent,
  type PoliceCaseState,
  type ProsecutionCommand,
  type ProsecutionEvent,
  type ProsecutionState,
  type ReferralCommand,
  type ReferralEvent,
  type ReferralState,
  type TrialCommand,
  type TrialEvent,
  type TrialState,
  type WitnessProtectionCommand,
  type WitnessProtectionEvent,
  type WitnessProtectionState,
  type VictimAssistanceCommand,
  type VictimAssistanceEvent,
  type VictimAssistanceState,
} from '#domain';
import type { ReferenceCatalogs } from '#platform';

type DomainCommand = { type: string; data: object };

/**
 * One kind of stream: its decider, how its streams are named, the command field that holds a stream's id and the
 * command that creates one (decided against the empty state, so a retried create is recognised by the store).
 */
export interface StreamType<C extends DomainCommand, E extends DomainCommand, S> {
  readonly decider: Decider<C, E, S>;
  streamName(id: string): string;
  readonly idField: keyof C['data'] & string;
  /** Null for a stream no command creates: its first event starts it (a prosecution's witness protection). */
  /** Null for a stream created by any of its commands (a victim's assistance: by her first act). */
  readonly creates: C['type'] | null;
}

/** Injection token of the registry's stream types, built once with the reference catalogs. */
export const STREAM_TYPES = Symbol('STREAM_TYPES');

export interface StreamTypes {
  hotlineCall: StreamType<HotlineCallCommand, HotlineCallEvent, HotlineCallState>;
  referral: StreamType<ReferralCommand, ReferralEvent, ReferralState>;
  policeCase: StreamType<PoliceCaseCommand, PoliceCaseEvent, PoliceCaseState>;
  prosecution: StreamType<ProsecutionCommand, ProsecutionEvent, ProsecutionState>;
  trial: StreamType<TrialCommand, TrialEvent, TrialState>;
  criminalNetwork: StreamType<CriminalNetworkCommand, CriminalNetworkEvent, CriminalNetworkState>;
  witnessProtection: StreamType<WitnessProtectionCommand, WitnessProtectionEvent, WitnessProtectionState>;
  victimAssistance: StreamType<VictimAssistanceCommand, VictimAssistanceEvent, VictimAssistanceState>;
}

export type StreamKind = keyof StreamTypes;
export type CommandOf<K extends StreamKind> = StreamTypes[K] extends StreamType<infer C, infer _E, infer _S> ? C : never;
export type StateOf<K extends StreamKind> = StreamTypes[K] extends StreamType<infer _C, infer _E, infer S> ? S : never;

export function createStreamTypes(catalogs: ReferenceCatalogs): StreamTypes {
  return {
    hotlineCall: {
      decider: createHotlineCallDecider({ ubigeo: catalogs.ubigeo }),
      streamName: hotlineCallStreamName,
      idField: 'callId',
      creates: 'RecordHotlineCall',
    },
    referral: {
      decider: createReferralDecider({ ubigeo: catalogs.ubigeo }),
      streamName: referralStreamName,
      idField: 'referralId',
      creates: 'SendReferral',
    },
    policeCase: {
      decider: createPoliceCaseDecider({ ubigeo: catalogs.ubigeo, countries: catalogs.countries }),
      streamName: caseStreamName,
      idField: 'caseId',
      creates: 'RegisterCase',
    },
    prosecution: {
      decider: createProsecutionDecider(),
      streamName: prosecutionStreamName,
      idField: 'prosecutionId',
      creates: 'OpenProsecution',
    },
    trial: { decider: createTrialDecider(), streamName: trialStreamName, idField: 'trialId', creates: 'OpenTrial' },
    criminalNetwork: {
      decider: createCriminalNetworkDecider({ ubigeo: catalogs.ubigeo }),
      streamName: criminalNetworkStreamName,
      idField: 'networkId',
      creates: 'IdentifyNetwork',
    },
    witnessProtection: {
      decider: createWitnessProtectionDecider(),
      streamName: witnessProtectionStreamName,
      idField: 'prosecutionId',
      creates: null,
    },
    victimAssistance: {
      decider: createVictimAssistanceDecider({ countries: catalogs.countries, ubigeo: catalogs.ubigeo }),
      streamName: victimAssistanceStreamName,
      idField: 'victimId',
      creates: null,
    },
  };
}
