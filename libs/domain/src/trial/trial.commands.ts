/**
 * Commands carry values as they arrive from the wire (codes typed as plain strings): the decider is where they
 * are validated, so their types do not pretend otherwise.
 */
import type { CommandMetadata } from '../shared/decider.js';

/**
 * `prosecutionAccused` is filled by the application from the prosecution stream's current state: a decider sees
 * one stream only, and only an acusación sends a case to trial (juicio oral).
 */
export interface OpenTrial {
  type: 'OpenTrial';
  data: {
    trialId: string;
    prosecutionId: string;
    prosecutionAccused: boolean;
    caseId?: string | null;
    openedAt: string;
    court: string;
  };
  metadata: CommandMetadata;
}

/** Defendants are suspect ids; a conviction carries its prison term in years (decimals for months, e.g. 8.5). */
export interface IssueRuling {
  type: 'IssueRuling';
  data: { trialId: string; ruledAt: string; verdict: string; sentenceYears?: number | null; defendants: string[] };
  metadata: CommandMetadata;
}

export interface AppealRuling {
  type: 'AppealRuling';
  data: { trialId: string; appealedAt: string; appellant?: string | null };
  metadata: CommandMetadata;
}

export interface DeclareRulingFinal {
  type: 'DeclareRulingFinal';
  data: { trialId: string; finalAt: string };
  metadata: CommandMetadata;
}

export type TrialCommand = OpenTrial | IssueRuling | AppealRuling | DeclareRulingFinal;
