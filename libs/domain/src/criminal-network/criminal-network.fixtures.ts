/** Test data for the criminal-network specs: a network identified in January, a case linked in February. */
import type { CommandMetadata } from '../shared/decider.js';
import type { DismantleNetwork, IdentifyNetwork, LinkCaseToNetwork, LinkSuspectToNetwork } from './criminal-network.commands.js';
import { createCriminalNetworkDecider } from './criminal-network.decider.js';
import type { CaseLinkedToNetwork, NetworkDismantled, NetworkIdentified, SuspectLinkedToNetwork } from './criminal-network.events.js';

export const NOW = '2026-06-01T15:00:00.000Z';
export const metadata: CommandMetadata = { now: NOW, actor: 'police-7' };
export const NETWORK_ID = '5b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
export const CASE_ID = 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f';
export const SUSPECT_ID = 'a0b1c2d3-e4f5-4a6b-9c8d-7e6f5a4b3c2d';

export const decider = createCriminalNetworkDecider({ ubigeo: { isKnown: (code) => ['15', '1501', '150101', '08'].includes(code) } });

/** Lets a spec send what a careless client could send, bypassing the command's static types. */
export const wire = (value: unknown): never => value as never;
type Loose<C extends { data: object }> = Partial<Record<keyof C['data'], unknown>>;

export const identify = (data: Loose<IdentifyNetwork> = {}): IdentifyNetwork => ({
  type: 'IdentifyNetwork',
  data: {
    networkId: NETWORK_ID,
    identifiedAt: '2026-01-15T10:00:00-05:00',
    ubigeo: '1501',
    alias: 'Los del Cono',
    policeUnit: 'DIRCTPTIM',
    ...(data as object),
  },
  metadata,
});
export const linkCase = (data: Loose<LinkCaseToNetwork> = {}): LinkCaseToNetwork => ({
  type: 'LinkCaseToNetwork',
  data: { networkId: NETWORK_ID, caseId: CASE_ID, linkedAt: '2026-02-01T09:00:00-05:00', ...(data as object) },
  metadata,
});
export const linkSuspect = (data: Loose<LinkSuspectToNetwork> = {}): LinkSuspectToNetwork => ({
  type: 'LinkSuspectToNetwork',
  data: {
    networkId: NETWORK_ID,
    caseId: CASE_ID,
    suspectId: SUSPECT_ID,
    role: 'recruiter',
    linkedAt: '2026-02-02T09:00:00-05:00',
    ...(data as object),
  },
  metadata,
});
export const dismantle = (data: Loose<DismantleNetwork> = {}): DismantleNetwork => ({
  type: 'DismantleNetwork',
  data: { networkId: NETWORK_ID, dismantledAt: '2026-03-31T22:00:00-05:00', ...(data as object) },
  metadata,
});

export const identified: NetworkIdentified = {
  type: 'NetworkIdentified',
  data: { networkId: NETWORK_ID, identifiedAt: '2026-01-15T15:00:00.000Z', ubigeo: '1501', alias: 'Los del Cono', policeUnit: 'DIRCTPTIM' },
};
export const caseLinked: CaseLinkedToNetwork = {
  type: 'CaseLinkedToNetwork',
  data: { networkId: NETWORK_ID, caseId: CASE_ID, linkedAt: '2026-02-01T14:00:00.000Z' },
};
export const suspectLinked: SuspectLinkedToNetwork = {
  type: 'SuspectLinkedToNetwork',
  data: { networkId: NETWORK_ID, caseId: CASE_ID, suspectId: SUSPECT_ID, role: 'recruiter', linkedAt: '2026-02-02T14:00:00.000Z' },
};
/** 22:00 in Lima on 31 March is 03:00 UTC on 1 April: statistics put it in March. */
export const dismantled: NetworkDismantled = {
  type: 'NetworkDismantled',
  data: { networkId: NETWORK_ID, dismantledAt: '2026-04-01T03:00:00.000Z' },
};
