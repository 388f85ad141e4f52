import type { SchemaObject } from '@nestjs/swagger';
import { VERDICTS } from '#domain';
import {
  arrayOf,
  closedObject,
  codes,
  commandAnswer,
  instant,
  integer,
  nullable,
  recordState,
  string,
  uuid,
} from '../shared/openapi-schema.js';

const only = (statuses: string, schema: SchemaObject): SchemaObject => ({
  ...schema,
  description: `Solo si status es / only when status is ${statuses}`,
});

/** GET /prosecutions/{id}: libs/domain/src/prosecution/prosecution.state.ts. */
export const PROSECUTION_SCHEMA: SchemaObject = recordState(
  {
    status: codes(['opened', 'preliminary', 'archived', 'formalized', 'accused', 'dismissed']),
    prosecutionId: uuid,
    caseId: uuid,
    office: string(),
    openedAt: instant,
    lastOccurredAt: instant,
    version: integer(undefined, 1),
    trialId: { ...nullable(uuid), description: 'El juicio sobre esta acusación, si lo hay (read model trial-links) / the trial, if any' },
  },
  {
    preliminaryInvestigationAt: only(
      'preliminary, archived (null if archived without it), formalized, accused, dismissed',
      nullable(instant),
    ),
    archivedAt: only('archived', instant),
    archiveReason: only('archived', string()),
    formalizedAt: only('formalized, accused, dismissed', instant),
    accusedAt: only('accused', instant),
    dismissedAt: only('dismissed', instant),
    dismissalReason: only('dismissed', nullable(string())),
  },
  'Una investigación fiscal / a prosecution',
);

const ruling = closedObject<Record<string, unknown>>({
  ruledAt: instant,
  verdict: codes(VERDICTS),
  sentenceYears: nullable({ type: 'number', minimum: 0 }),
  defendants: arrayOf(uuid),
  instance: integer('Instancia (1: primera) / instance (1: first)', 1),
});

/** GET /trials/{id}: libs/domain/src/trial/trial.state.ts. */
export const TRIAL_SCHEMA: SchemaObject = recordState(
  {
    status: codes(['opened', 'ruled', 'appealed', 'final']),
    trialId: uuid,
    prosecutionId: uuid,
    caseId: nullable(uuid),
    court: string(),
    openedAt: instant,
    rulings: arrayOf(ruling),
    appeals: arrayOf(closedObject<Record<string, unknown>>({ appealedAt: instant, appellant: nullable(string()) })),
    lastRuling: nullable(ruling),
    version: integer(undefined, 1),
  },
  {
    appealedAt: only('appealed', instant),
    appellant: only('appealed', nullable(string())),
    finalAt: only('final', instant),
  },
  'Un juicio / a trial',
);

export const PROSECUTION_COMMAND_SCHEMA = commandAnswer('prosecutionId');
export const TRIAL_COMMAND_SCHEMA = commandAnswer('trialId');
