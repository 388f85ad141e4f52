import type { SchemaObject } from '@nestjs/swagger';
import {
  AGE_GROUPS,
  ASSISTANCE_KINDS,
  ASSISTANCE_SERVICES,
  MIGRATORY_STATUSES,
  REINTEGRATION_KINDS,
  SEXES,
  SHELTER_EXIT_REASONS,
  VICTIM_ASSISTANCE_EVENT_TYPES,
} from '#domain';
import {
  arrayOf,
  boolean,
  closedObject,
  codes,
  commandAnswer,
  instant,
  integer,
  nullable,
  string,
  uuid,
} from '../shared/openapi-schema.js';

const only = (types: string, schema: SchemaObject): SchemaObject => ({ ...schema, description: `Solo en / only in ${types}` });

/** One act of the history: libs/domain/src/victim-assistance/victim-assistance.state.ts (AssistanceAct). */
const ACT = closedObject<Record<string, unknown>>(
  {
    type: codes(VICTIM_ASSISTANCE_EVENT_TYPES),
    actId: uuid,
    victimId: uuid,
    caseId: uuid,
    occurredAt: instant,
    department: string({ description: 'Departamento del caso / the case department' }),
    sex: codes(SEXES),
    ageGroup: codes(AGE_GROUPS),
    notes: { ...nullable(string()), description: 'null sin finalidad, o si fue suprimida / null without a purpose, or once erased' },
    given: only('ConsentRecorded', boolean),
    shelterName: only('ShelterAdmitted', nullable(string())),
    exitReason: only('ShelterExited', codes(SHELTER_EXIT_REASONS)),
    service: only('ServiceProvided', codes(ASSISTANCE_SERVICES)),
    reintegration: only('ReintegrationRecorded', codes(REINTEGRATION_KINDS)),
    country: only('ConsularAssistanceProvided, Repatriated, VoluntaryReturnAssisted', string({ example: 'CL' })),
    status: only('MigratoryStatusRecorded', codes(MIGRATORY_STATUSES)),
  },
  { optional: ['given', 'shelterName', 'exitReason', 'service', 'reintegration', 'country', 'status'] },
);

/** GET …/victims/{victimId}/assistance: the victim's assistance history, in the order recorded. */
export const VICTIM_ASSISTANCE_SCHEMA: SchemaObject = closedObject<Record<string, unknown>>(
  {
    victimId: uuid,
    caseId: uuid,
    consent: { ...nullable(boolean), description: 'El último consentimiento: null si no hay / the last consent, null if none' },
    shelteredSince: { ...nullable(instant), description: 'Ingreso de la estadía en curso / admission of the current stay' },
    acts: arrayOf(ACT),
    applicableKinds: {
      ...arrayOf(codes(ASSISTANCE_KINDS)),
      description: 'Los actos que proceden ahora (consentimiento primero) / the acts that apply now (consent first)',
    },
    personalDataWithheld: boolean,
    version: integer(),
  },
  { description: 'La atención de una víctima / a victim assistance record' },
);

export const VICTIM_ASSISTANCE_COMMAND_SCHEMA = commandAnswer('victimId', { actId: uuid });
