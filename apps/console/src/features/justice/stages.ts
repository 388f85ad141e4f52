import { PROSECUTION_NEXT_STAGES } from '#domain-src/prosecution/prosecution.transitions.js';
import type { Prosecution, ProsecutionStatus, Trial, TrialStatus } from './types.js';

/**
 * "Allowed now" comes from the domain's own table of legal order (libs/domain: PROSECUTION_NEXT_STAGES), applied to
 * the state the API returned, so the console cannot disagree with the decider. The API still refuses (422) if the
 * state moved meanwhile, and that message is shown.
 */
export const STAGES = ['preliminary-investigation', 'formalization', 'accusation', 'archive', 'dismissal'] as const;
export type Stage = (typeof STAGES)[number];

/** The main line of the Código Procesal Penal, in order; archive and dismissal are ends. */
export const STATUS_ORDER: ProsecutionStatus[] = ['opened', 'preliminary', 'formalized', 'accused'];

export type StageBlock =
  { kind: 'closed'; status: ProsecutionStatus } | { kind: 'requires'; status: ProsecutionStatus } | { kind: 'passed' };

/** Null when the stage may be recorded now; else why not. */
export function stageBlock(prosecution: Pick<Prosecution, 'status'>, stage: Stage): StageBlock | null {
  const table = PROSECUTION_NEXT_STAGES as Record<string, readonly string[]>;
  if (!(prosecution.status in table)) return { kind: 'closed', status: prosecution.status };
  if (table[prosecution.status].includes(stage)) return null;
  // The status from which the stage is legal: later than now → it requires that; earlier → it is past.
  const from = STATUS_ORDER.filter((status) => table[status]?.includes(stage));
  const here = STATUS_ORDER.indexOf(prosecution.status);
  const ahead = from.find((status) => STATUS_ORDER.indexOf(status) > here);
  return ahead
    ? { kind: 'requires', status: ahead }
    : prosecution.status === 'accused'
      ? { kind: 'closed', status: 'accused' }
      : { kind: 'passed' };
}

export type TrialAction = 'rulings' | 'appeals' | 'finality';

/**
 * The trial's rules as the decider enforces them (libs/domain/src/trial: issue-ruling.ts, appeal-ruling.ts,
 * declare-ruling-final.ts), which export no table: a ruling on an opened or appealed trial; an appeal or finality
 * on a ruled one; nothing on a final one.
 */
const TRIAL_ALLOWED: Record<TrialAction, readonly TrialStatus[]> = {
  rulings: ['opened', 'appealed'],
  appeals: ['ruled'],
  finality: ['ruled'],
};

export function trialAllows(trial: Pick<Trial, 'status'>, action: TrialAction): boolean {
  return TRIAL_ALLOWED[action].includes(trial.status);
}
