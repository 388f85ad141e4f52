import type { ProsecutionEvent } from './prosecution.events.js';

export interface ProsecutionFacts {
  prosecutionId: string;
  caseId: string;
  office: string;
  openedAt: string;
  /** Date of the latest stage reached (the opening date until a stage is recorded): the next stage cannot predate it. */
  lastOccurredAt: string;
}

export interface UnopenedProsecution {
  status: 'unopened';
}

export interface OpenedProsecution extends ProsecutionFacts {
  status: 'opened';
}

export interface PreliminaryProsecution extends ProsecutionFacts {
  status: 'preliminary';
  preliminaryInvestigationAt: string;
}

/** Archivo may come straight from the referral, without a preliminary investigation (then its date is null). */
export interface ArchivedProsecution extends ProsecutionFacts {
  status: 'archived';
  preliminaryInvestigationAt: string | null;
  archivedAt: string;
  archiveReason: string;
}

export interface FormalizedProsecution extends ProsecutionFacts {
  status: 'formalized';
  preliminaryInvestigationAt: string;
  formalizedAt: string;
}

export interface AccusedProsecution extends ProsecutionFacts {
  status: 'accused';
  preliminaryInvestigationAt: string;
  formalizedAt: string;
  accusedAt: string;
}

export interface DismissedProsecution extends ProsecutionFacts {
  status: 'dismissed';
  preliminaryInvestigationAt: string;
  formalizedAt: string;
  dismissedAt: string;
  dismissalReason: string | null;
}

export type ProsecutionState =
  | UnopenedProsecution
  | OpenedProsecution
  | PreliminaryProsecution
  | ArchivedProsecution
  | FormalizedProsecution
  | AccusedProsecution
  | DismissedProsecution;

export type ProsecutionStatus = ProsecutionState['status'];

export function initialProsecutionState(): ProsecutionState {
  return { status: 'unopened' };
}

/**
 * Total and deterministic: an event that does not apply to the current state (a stage out of the legal order,
 * a second opening, an unknown type from a newer version) leaves the state unchanged instead of throwing, so a
 * stream can always be replayed. Rejecting is `decide`'s job.
 */
export function evolveProsecution(state: ProsecutionState, event: ProsecutionEvent): ProsecutionState {
  switch (event.type) {
    case 'ProsecutionOpened': {
      if (state.status !== 'unopened') return state;
      // Fields are picked one by one so that stray keys of a stored event never leak into the state.
      const { prosecutionId, caseId, office, openedAt } = event.data;
      return { status: 'opened', prosecutionId, caseId, office, openedAt, lastOccurredAt: openedAt };
    }
    case 'PreliminaryInvestigationOpened': {
      if (state.status !== 'opened') return state;
      const at = event.data.occurredAt;
      return { ...facts(state, at), status: 'preliminary', preliminaryInvestigationAt: at };
    }
    case 'ProsecutionArchived': {
      if (state.status !== 'opened' && state.status !== 'preliminary') return state;
      const { occurredAt: at, reason } = event.data;
      const preliminaryInvestigationAt = state.status === 'preliminary' ? state.preliminaryInvestigationAt : null;
      return { ...facts(state, at), status: 'archived', preliminaryInvestigationAt, archivedAt: at, archiveReason: reason };
    }
    case 'InvestigationFormalized': {
      if (state.status !== 'preliminary') return state;
      const at = event.data.occurredAt;
      const { preliminaryInvestigationAt } = state;
      return { ...facts(state, at), status: 'formalized', preliminaryInvestigationAt, formalizedAt: at };
    }
    case 'AccusationFiled': {
      if (state.status !== 'formalized') return state;
      const at = event.data.occurredAt;
      const { preliminaryInvestigationAt, formalizedAt } = state;
      return { ...facts(state, at), status: 'accused', preliminaryInvestigationAt, formalizedAt, accusedAt: at };
    }
    case 'ProsecutionDismissed': {
      if (state.status !== 'formalized') return state;
      const { occurredAt: at, reason } = event.data;
      const { preliminaryInvestigationAt, formalizedAt } = state;
      return {
        ...facts(state, at),
        status: 'dismissed',
        preliminaryInvestigationAt,
        formalizedAt,
        dismissedAt: at,
        dismissalReason: reason,
      };
    }
    default:
      return state;
  }
}

function facts(state: ProsecutionFacts, lastOccurredAt: string): ProsecutionFacts {
  const { prosecutionId, caseId, office, openedAt } = state;
  return { prosecutionId, caseId, office, openedAt, lastOccurredAt };
}
