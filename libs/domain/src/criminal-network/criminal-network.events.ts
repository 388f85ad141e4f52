/** Events hold only what the command said, normalized (lower-case ids, UTC instants); never the actor or the handling time. */
import type { DomainEvent } from '../shared/decider.js';
import type { NetworkRole } from './criminal-network.codes.js';

export type NetworkIdentified = DomainEvent<
  'NetworkIdentified',
  { networkId: string; identifiedAt: string; ubigeo: string; alias: string | null; policeUnit: string | null }
>;

export type CaseLinkedToNetwork = DomainEvent<'CaseLinkedToNetwork', { networkId: string; caseId: string; linkedAt: string }>;

export type SuspectLinkedToNetwork = DomainEvent<
  'SuspectLinkedToNetwork',
  { networkId: string; caseId: string; suspectId: string; role: NetworkRole; linkedAt: string }
>;

export type NetworkDismantled = DomainEvent<'NetworkDismantled', { networkId: string; dismantledAt: string }>;

export type CriminalNetworkEvent = NetworkIdentified | CaseLinkedToNetwork | SuspectLinkedToNetwork | NetworkDismantled;

export const CRIMINAL_NETWORK_EVENT_TYPES = [
  'NetworkIdentified',
  'CaseLinkedToNetwork',
  'SuspectLinkedToNetwork',
  'NetworkDismantled',
] as const satisfies readonly CriminalNetworkEvent['type'][];
