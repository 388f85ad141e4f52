import type { CommandMetadata } from '../shared/decider.js';
import type { NetworkRole } from './criminal-network.codes.js';

/**
 * A network identified by the police. Its alias and the unit that identified it are free text (sealed in the log).
 * The identification may predate the facts of the cases later linked to it: intelligence often comes first.
 */
export interface IdentifyNetwork {
  type: 'IdentifyNetwork';
  data: { networkId: string; identifiedAt: string; ubigeo: string; alias?: string | null; policeUnit?: string | null };
  metadata: CommandMetadata;
}

/** The application has checked that the case exists and is in the actor's scope before sending this. */
export interface LinkCaseToNetwork {
  type: 'LinkCaseToNetwork';
  data: { networkId: string; caseId: string; linkedAt: string };
  metadata: CommandMetadata;
}

/** The application has checked that the suspect belongs to the case; the decider that the case is linked. */
export interface LinkSuspectToNetwork {
  type: 'LinkSuspectToNetwork';
  data: { networkId: string; caseId: string; suspectId: string; role: NetworkRole; linkedAt: string };
  metadata: CommandMetadata;
}

export interface DismantleNetwork {
  type: 'DismantleNetwork';
  data: { networkId: string; dismantledAt: string };
  metadata: CommandMetadata;
}

export type CriminalNetworkCommand = IdentifyNetwork | LinkCaseToNetwork | LinkSuspectToNetwork | DismantleNetwork;
