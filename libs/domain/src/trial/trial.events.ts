/**
 * Events hold only what the command said, normalized (lower-case ids, UTC instants). Never the handling time
 * or the actor: those live in the store's envelope, so a retried command yields byte-identical events.
 */
import type { DomainEvent } from '../shared/decider.js';
import type { Verdict } from './trial.codes.js';

export type TrialOpened = DomainEvent<
  'TrialOpened',
  { trialId: string; prosecutionId: string; caseId: string | null; openedAt: string; court: string }
>;

/**
 * `instance` counts the rulings of the trial (1 for the first, 2 for the one after an appeal, …), so statistics
 * can tell first-instance convictions from confirmed ones without replaying the stream.
 */
export type RulingIssued = DomainEvent<
  'RulingIssued',
  {
    trialId: string;
    ruledAt: string;
    verdict: Verdict;
    sentenceYears: number | null;
    defendants: string[];
    instance: number;
  }
>;

export type RulingAppealed = DomainEvent<'RulingAppealed', { trialId: string; appealedAt: string; appellant: string | null }>;

/** Carries the verdict that became final (cosa juzgada), so a projection can count final convictions from it alone. */
export type RulingBecameFinal = DomainEvent<'RulingBecameFinal', { trialId: string; finalAt: string; verdict: Verdict }>;

export type TrialEvent = TrialOpened | RulingIssued | RulingAppealed | RulingBecameFinal;

export const TRIAL_EVENT_TYPES = [
  'TrialOpened',
  'RulingIssued',
  'RulingAppealed',
  'RulingBecameFinal',
] as const satisfies readonly TrialEvent['type'][];
