import type { NetworkRole } from './criminal-network.codes.js';
import type { CriminalNetworkEvent } from './criminal-network.events.js';

export interface NetworkCaseLink {
  caseId: string;
  linkedAt: string;
}

export interface NetworkSuspectLink {
  caseId: string;
  suspectId: string;
  role: NetworkRole;
  linkedAt: string;
}

export interface UnidentifiedNetwork {
  status: 'unidentified';
}

/** Links may follow the dismantling: the investigation of its cases goes on after the operation that ended it. */
export interface IdentifiedNetwork {
  status: 'identified' | 'dismantled';
  networkId: string;
  identifiedAt: string;
  ubigeo: string;
  alias: string | null;
  policeUnit: string | null;
  cases: NetworkCaseLink[];
  suspects: NetworkSuspectLink[];
  dismantledAt: string | null;
}

export type CriminalNetworkState = UnidentifiedNetwork | IdentifiedNetwork;

export function initialCriminalNetworkState(): CriminalNetworkState {
  return { status: 'unidentified' };
}

/** Total and deterministic: what does not apply (a second identification, a repeated link) leaves the state as it is. */
export function evolveCriminalNetwork(state: CriminalNetworkState, event: CriminalNetworkEvent): CriminalNetworkState {
  switch (event.type) {
    case 'NetworkIdentified': {
      if (state.status !== 'unidentified') return state;
      const { networkId, identifiedAt, ubigeo, alias, policeUnit } = event.data;
      return { status: 'identified', networkId, identifiedAt, ubigeo, alias, policeUnit, cases: [], suspects: [], dismantledAt: null };
    }
    case 'CaseLinkedToNetwork': {
      if (state.status === 'unidentified' || state.cases.some((c) => c.caseId === event.data.caseId)) return state;
      const { caseId, linkedAt } = event.data;
      return { ...state, cases: [...state.cases, { caseId, linkedAt }] };
    }
    case 'SuspectLinkedToNetwork': {
      if (state.status === 'unidentified' || state.suspects.some((s) => s.suspectId === event.data.suspectId)) return state;
      const { caseId, suspectId, role, linkedAt } = event.data;
      return { ...state, suspects: [...state.suspects, { caseId, suspectId, role, linkedAt }] };
    }
    case 'NetworkDismantled': {
      if (state.status !== 'identified') return state;
      return { ...state, status: 'dismantled', dismantledAt: event.data.dismantledAt };
    }
    default:
      return state;
  }
}
