/** Test data for the prosecution specs: a case referred in January, each later stage a month after the previous. */
import type { CommandMetadata } from '../shared/decider.js';
import type { ProsecutionStage } from './prosecution.codes.js';
import type { OpenProsecution, RecordProsecutionStage } from './prosecution.commands.js';
import { createProsecutionDecider } from './prosecution.decider.js';
import type {
  AccusationFiled,
  InvestigationFormalized,
  PreliminaryInvestigationOpened,
  ProsecutionArchived,
  ProsecutionDismissed,
  ProsecutionEvent,
  ProsecutionOpened,
} from './prosecution.events.js';

export const NOW = '2026-06-01T15:00:00.000Z';
export const metadata: CommandMetadata = { now: NOW, actor: 'fiscal-12' };
export const PROSECUTION_ID = '3d5e7f90-1a2b-4c3d-8e4f-5a6b7c8d9e0f';
export const OTHER_PROSECUTION_ID = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
export const CASE_ID = 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f';
export const OFFICE = 'Fiscalía Provincial Especializada en Delitos de Trata de Personas de Lima';

export const decider = createProsecutionDecider();

/** Lets a spec send what a careless client could send, bypassing the command's static types. */
export const wire = (value: unknown): never => value as never;

export const open = (data: Partial<Record<keyof OpenProsecution['data'], unknown>> = {}): OpenProsecution => ({
  type: 'OpenProsecution',
  data: {
    prosecutionId: PROSECUTION_ID,
    caseId: CASE_ID,
    office: OFFICE,
    openedAt: '2026-01-10T09:00:00-05:00',
    ...(data as object),
  },
  metadata,
});

export const opened: ProsecutionOpened = {
  type: 'ProsecutionOpened',
  data: { prosecutionId: PROSECUTION_ID, caseId: CASE_ID, office: OFFICE, openedAt: '2026-01-10T14:00:00.000Z' },
};

/** Local dates in Lima (UTC-5) for each stage, and the UTC instants the events must hold. */
export const LOCAL = {
  preliminary: '2026-02-10T09:00:00-05:00',
  archive: '2026-03-10T09:00:00-05:00',
  formalization: '2026-03-10T09:00:00-05:00',
  accusation: '2026-04-10T09:00:00-05:00',
  dismissal: '2026-04-10T09:00:00-05:00',
} as const;
const UTC = {
  preliminary: '2026-02-10T14:00:00.000Z',
  archive: '2026-03-10T14:00:00.000Z',
  formalization: '2026-03-10T14:00:00.000Z',
  accusation: '2026-04-10T14:00:00.000Z',
  dismissal: '2026-04-10T14:00:00.000Z',
} as const;

export const stage = (
  stageCode: ProsecutionStage,
  occurredAt: unknown,
  reason?: unknown,
  prosecutionId: unknown = PROSECUTION_ID,
): RecordProsecutionStage => ({
  type: 'RecordProsecutionStage',
  data: {
    prosecutionId: wire(prosecutionId),
    stage: stageCode,
    occurredAt: wire(occurredAt),
    ...(reason === undefined ? {} : { reason: wire(reason) }),
  },
  metadata,
});

export const preliminaryOpened: PreliminaryInvestigationOpened = {
  type: 'PreliminaryInvestigationOpened',
  data: { prosecutionId: PROSECUTION_ID, occurredAt: UTC.preliminary },
};
export const archived: ProsecutionArchived = {
  type: 'ProsecutionArchived',
  data: { prosecutionId: PROSECUTION_ID, occurredAt: UTC.archive, reason: 'No se acreditó la captación' },
};
export const formalized: InvestigationFormalized = {
  type: 'InvestigationFormalized',
  data: { prosecutionId: PROSECUTION_ID, occurredAt: UTC.formalization },
};
export const accused: AccusationFiled = {
  type: 'AccusationFiled',
  data: { prosecutionId: PROSECUTION_ID, occurredAt: UTC.accusation },
};
export const dismissed: ProsecutionDismissed = {
  type: 'ProsecutionDismissed',
  data: { prosecutionId: PROSECUTION_ID, occurredAt: UTC.dismissal, reason: null },
};

/** The history that leads to each status. */
export const HISTORY: Record<string, readonly ProsecutionEvent[]> = {
  opened: [opened],
  preliminary: [opened, preliminaryOpened],
  'archived from opened': [opened, { ...archived, data: { ...archived.data, occurredAt: UTC.preliminary } }],
  'archived after preliminary': [opened, preliminaryOpened, archived],
  formalized: [opened, preliminaryOpened, formalized],
  accused: [opened, preliminaryOpened, formalized, accused],
  dismissed: [opened, preliminaryOpened, formalized, dismissed],
};

/** A valid command for each stage: a date after every fixture stage, and a reason where one is required. */
export const LATE = '2026-05-20T09:00:00-05:00';
export const validStage = (stageCode: ProsecutionStage): RecordProsecutionStage =>
  stage(stageCode, LATE, stageCode === 'archive' ? 'Hechos no constituyen delito' : undefined);
