/**
 * The legal order of the stages (Código Procesal Penal): the investigación preliminar follows the referral;
 * archivo is possible before formalization (from the referral or after the preliminary investigation);
 * formalización de la investigación preparatoria needs a preliminary investigation; acusación and
 * sobreseimiento both close a formalized investigation. An accused prosecution goes on in its trial stream.
 */
import type { ProsecutionStage } from './prosecution.codes.js';
import type { ProsecutionState, ProsecutionStatus } from './prosecution.state.js';

/** Archived and dismissed prosecutions admit no stage at all: they are refused as closed, not as out of order. */
export const CLOSED_PROSECUTION_STATUSES = ['archived', 'dismissed'] as const satisfies readonly ProsecutionStatus[];

export type ActiveProsecutionStatus = Exclude<ProsecutionStatus, 'unopened' | (typeof CLOSED_PROSECUTION_STATUSES)[number]>;

/** Stages that may follow each status. Re-recording the current stage is not in the list: it is out of order. */
export const PROSECUTION_NEXT_STAGES: { readonly [Status in ActiveProsecutionStatus]: readonly ProsecutionStage[] } = {
  opened: ['preliminary-investigation', 'archive'],
  preliminary: ['archive', 'formalization'],
  formalized: ['accusation', 'dismissal'],
  accused: [],
};

/** The stages that may be recorded now (for forms that offer only the legal next steps). */
export function nextProsecutionStages(state: ProsecutionState): readonly ProsecutionStage[] {
  return state.status in PROSECUTION_NEXT_STAGES ? PROSECUTION_NEXT_STAGES[state.status as ActiveProsecutionStatus] : [];
}
