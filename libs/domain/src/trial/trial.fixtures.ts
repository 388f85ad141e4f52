/** Test data for the trial specs: a trial opened in May, ruled in June, appealed, ruled again in August. */
import type { CommandMetadata } from '../shared/decider.js';
import type { AppealRuling, DeclareRulingFinal, IssueRuling, OpenTrial } from './trial.commands.js';
import { createTrialDecider } from './trial.decider.js';
import type { RulingAppealed, RulingBecameFinal, RulingIssued, TrialEvent, TrialOpened } from './trial.events.js';
import type { TrialRuling } from './trial.state.js';

export const NOW = '2026-09-01T15:00:00.000Z';
export const metadata: CommandMetadata = { now: NOW, actor: 'juzgado-3' };
export const TRIAL_ID = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';
export const OTHER_TRIAL_ID = 'f0e1d2c3-b4a5-4968-8776-655443322110';
export const PROSECUTION_ID = '3d5e7f90-1a2b-4c3d-8e4f-5a6b7c8d9e0f';
export const CASE_ID = 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f';
export const SUSPECT_A = 'a1a1a1a1-b2b2-4c3c-8d4d-e5e5e5e5e5e5';
export const SUSPECT_B = 'b2b2b2b2-c3c3-4d4d-9e5e-f6f6f6f6f6f6';
export const COURT = 'Juzgado Penal Colegiado de la Corte Superior de Justicia de Madre de Dios';

export const decider = createTrialDecider();

/** Lets a spec send what a careless client could send, bypassing the command's static types. */
export const wire = (value: unknown): never => value as never;

/** Loose values, except for the codes (`Codes`): the edge parses those, so a spec cannot send an unknown one. */
type Loose<Data, Codes extends keyof Data = never> = Partial<Record<Exclude<keyof Data, Codes>, unknown>> & Partial<Pick<Data, Codes>>;

export const open = (data: Loose<OpenTrial['data']> = {}): OpenTrial => ({
  type: 'OpenTrial',
  data: {
    trialId: TRIAL_ID,
    prosecutionId: PROSECUTION_ID,
    prosecutionAccused: true,
    caseId: CASE_ID,
    openedAt: '2026-05-04T09:00:00-05:00',
    court: COURT,
    ...(data as object),
  },
  metadata,
});

export const opened: TrialOpened = {
  type: 'TrialOpened',
  data: {
    trialId: TRIAL_ID,
    prosecutionId: PROSECUTION_ID,
    caseId: CASE_ID,
    openedAt: '2026-05-04T14:00:00.000Z',
    court: COURT,
  },
};

export const rule = (data: Loose<IssueRuling['data'], 'verdict'> = {}): IssueRuling => ({
  type: 'IssueRuling',
  data: {
    trialId: TRIAL_ID,
    ruledAt: '2026-06-01T10:00:00-05:00',
    verdict: 'conviction',
    sentenceYears: 15,
    defendants: [SUSPECT_A, SUSPECT_B],
    ...(data as object),
  },
  metadata,
});

export const ruled: RulingIssued = {
  type: 'RulingIssued',
  data: {
    trialId: TRIAL_ID,
    ruledAt: '2026-06-01T15:00:00.000Z',
    verdict: 'conviction',
    sentenceYears: 15,
    defendants: [SUSPECT_A, SUSPECT_B],
    instance: 1,
  },
};

export const appeal = (data: Loose<AppealRuling['data']> = {}): AppealRuling => ({
  type: 'AppealRuling',
  data: { trialId: TRIAL_ID, appealedAt: '2026-06-10T10:00:00-05:00', appellant: 'Defensa técnica', ...(data as object) },
  metadata,
});

export const appealed: RulingAppealed = {
  type: 'RulingAppealed',
  data: { trialId: TRIAL_ID, appealedAt: '2026-06-10T15:00:00.000Z', appellant: 'Defensa técnica' },
};

/** The appeal court acquits: the second instance. */
export const reruled: RulingIssued = {
  type: 'RulingIssued',
  data: {
    trialId: TRIAL_ID,
    ruledAt: '2026-08-03T15:00:00.000Z',
    verdict: 'acquittal',
    sentenceYears: null,
    defendants: [SUSPECT_A, SUSPECT_B],
    instance: 2,
  },
};

export const declareFinal = (data: Loose<DeclareRulingFinal['data']> = {}): DeclareRulingFinal => ({
  type: 'DeclareRulingFinal',
  data: { trialId: TRIAL_ID, finalAt: '2026-08-20T10:00:00-05:00', ...(data as object) },
  metadata,
});

export const becameFinal: RulingBecameFinal = {
  type: 'RulingBecameFinal',
  data: { trialId: TRIAL_ID, finalAt: '2026-08-20T15:00:00.000Z', verdict: 'conviction' },
};

/** The history that leads to each status. */
export const HISTORY: Record<string, readonly TrialEvent[]> = {
  opened: [opened],
  ruled: [opened, ruled],
  appealed: [opened, ruled, appealed],
  'ruled again': [opened, ruled, appealed, reruled],
  final: [opened, ruled, becameFinal],
};

/** The ruling a RulingIssued event leaves in the state. */
export const rulingOf = ({ data: { ruledAt, verdict, sentenceYears, defendants, instance } }: RulingIssued): TrialRuling => ({
  ruledAt,
  verdict,
  sentenceYears,
  defendants,
  instance,
});
