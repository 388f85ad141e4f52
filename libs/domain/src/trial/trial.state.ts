import type { Verdict } from './trial.codes.js';
import type { TrialEvent } from './trial.events.js';

export interface TrialRuling {
  ruledAt: string;
  verdict: Verdict;
  sentenceYears: number | null;
  defendants: string[];
  instance: number;
}

export interface TrialAppeal {
  appealedAt: string;
  appellant: string | null;
}

export interface TrialFacts {
  trialId: string;
  prosecutionId: string;
  caseId: string | null;
  court: string;
  openedAt: string;
  /** Every ruling in order, so the first-instance verdict stays known after an appeal overturns it. */
  rulings: TrialRuling[];
  appeals: TrialAppeal[];
}

export interface UnopenedTrial {
  status: 'unopened';
}

export interface OpenedTrial extends TrialFacts {
  status: 'opened';
  lastRuling: null;
}

export interface RuledTrial extends TrialFacts {
  status: 'ruled';
  lastRuling: TrialRuling;
}

export interface AppealedTrial extends TrialFacts {
  status: 'appealed';
  lastRuling: TrialRuling;
  appealedAt: string;
  appellant: string | null;
}

export interface FinalTrial extends TrialFacts {
  status: 'final';
  lastRuling: TrialRuling;
  finalAt: string;
}

export type TrialState = UnopenedTrial | OpenedTrial | RuledTrial | AppealedTrial | FinalTrial;

export function initialTrialState(): TrialState {
  return { status: 'unopened' };
}

/**
 * Total and deterministic: an event that does not apply to the current state (a ruling on a final trial, an
 * appeal with no ruling, an unknown type from a newer version) leaves the state unchanged instead of throwing,
 * so a stream can always be replayed. Rejecting is `decide`'s job.
 */
export function evolveTrial(state: TrialState, event: TrialEvent): TrialState {
  switch (event.type) {
    case 'TrialOpened': {
      if (state.status !== 'unopened') return state;
      // Fields are picked one by one so that stray keys of a stored event never leak into the state.
      const { trialId, prosecutionId, caseId, openedAt, court } = event.data;
      const facts = { trialId, prosecutionId, caseId, court, openedAt, rulings: [], appeals: [] };
      return { status: 'opened', ...facts, lastRuling: null };
    }
    case 'RulingIssued': {
      if (state.status !== 'opened' && state.status !== 'appealed') return state;
      const { ruledAt, verdict, sentenceYears, defendants, instance } = event.data;
      // Copied so that the state shares no array with the event; a malformed stored list must not make replay throw.
      const ids = Array.isArray(defendants) ? [...defendants] : [];
      const ruling: TrialRuling = { ruledAt, verdict, sentenceYears, defendants: ids, instance };
      return { ...facts(state), status: 'ruled', rulings: [...state.rulings, ruling], lastRuling: ruling };
    }
    case 'RulingAppealed': {
      if (state.status !== 'ruled') return state;
      const { appealedAt, appellant } = event.data;
      const appeals = [...state.appeals, { appealedAt, appellant }];
      return { ...facts(state), status: 'appealed', appeals, lastRuling: state.lastRuling, appealedAt, appellant };
    }
    case 'RulingBecameFinal':
      if (state.status !== 'ruled') return state;
      return { ...facts(state), status: 'final', lastRuling: state.lastRuling, finalAt: event.data.finalAt };
    default:
      return state;
  }
}

// Drops the keys of the previous status (an appeal's date once re-ruled) so each status holds only its own.
function facts(state: TrialFacts): TrialFacts {
  const { trialId, prosecutionId, caseId, court, openedAt, rulings, appeals } = state;
  return { trialId, prosecutionId, caseId, court, openedAt, rulings, appeals };
}
