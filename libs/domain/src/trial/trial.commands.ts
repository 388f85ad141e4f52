/**
 * Commands carry codes as the domain's own types: the edge (the API's DTOs) parses wire values into them, so a
 * code is checked in exactly one place and the decider enforces business rules only.
 */
import type { CommandMetadata } from '../shared/decider.js';
import type { Verdict } from './trial.codes.js';

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
  data: { trialId: string; ruledAt: string; verdict: Verdict; sentenceYears?: number | null; defendants: string[] };
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
