import type { SchemaObject } from '@nestjs/swagger';
import {
  AGE_GROUPS,
  AGGRAVATING_CIRCUMSTANCES,
  CASE_SOURCES,
  CONTROL_MEANS,
  ISIC_SECTIONS,
  OFFENCE_CODES,
  RECRUITMENT_METHODS,
  SEXUAL_EXPLOITATION_TYPES,
  DOCUMENT_TYPES,
  EXPLOITATION_PURPOSES,
  HOTLINE_CALL_CHANNELS,
  HOTLINE_CALL_OUTCOMES,
  HOTLINE_CALL_TOPICS,
  REFERRAL_DESTINATIONS,
  SEXES,
  VERDICTS,
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
  recordState,
  string,
  uuid,
} from '../shared/openapi-schema.js';

const nullableString = nullable(string());
const REGISTRY_NUMBER = string({ pattern: '^\\d{2}-\\d{4}-\\d{6,}$', example: '08-2025-000123' });

/** A place in Peru (`{ubigeo}`) or abroad (`{country}`), exactly one. */
const place: SchemaObject = {
  oneOf: [
    closedObject<Record<string, unknown>>({ ubigeo: string({ pattern: '^(\\d{2}|\\d{4}|\\d{6})$' }) }),
    closedObject<Record<string, unknown>>({ country: string({ pattern: '^[A-Z]{2}$' }) }),
  ],
};
const references = closedObject<Record<string, unknown>>(
  { policeReport: string(), prosecutorFile: string(), courtFile: string() },
  { optional: ['policeReport', 'prosecutorFile', 'courtFile'], description: 'Solo las registradas / only those recorded' },
);
const victim = closedObject<Record<string, unknown>>(
  {
    victimId: uuid,
    sex: codes(SEXES),
    age: nullable(integer()),
    ageGroup: codes(AGE_GROUPS),
    minor: nullable(boolean),
    nationality: string({ pattern: '^([A-Z]{2}|unknown)$' }),
    personal: nullable(
      closedObject<Record<string, unknown>>(
        {
          fullName: nullableString,
          documentType: nullable(codes(DOCUMENT_TYPES)),
          documentNumber: nullableString,
          phone: nullableString,
          address: nullableString,
        },
        { description: 'null si se retienen (sin X-Purpose o sin necesidad de conocer) / null when withheld' },
      ),
    ),
    erased: { type: 'boolean', description: 'Presente y true si el titular fue suprimido / present and true when the subject was erased' },
    voided: { type: 'boolean', description: 'true: registrada por error, no se cuenta / recorded by mistake, counted nowhere' },
  },
  { optional: ['erased'] },
);

/** GET /cases/{caseId}: the case folded from its stream (apps/api/src/shared/personal-data.ts withholds). */
export const CASE_SCHEMA: SchemaObject = recordState(
  {
    status: codes(['open', 'referred', 'closed']),
    caseId: uuid,
    registeredAt: instant,
    occurredAt: nullable(instant),
    policeUnit: string(),
    ubigeo: string({ pattern: '^(\\d{2}|\\d{4}|\\d{6})$' }),
    source: codes(CASE_SOURCES),
    referralId: nullable(uuid),
    purposes: arrayOf(codes(EXPLOITATION_PURPOSES)),
    offences: arrayOf(codes(OFFENCE_CODES)),
    aggravatingCircumstances: arrayOf(codes(AGGRAVATING_CIRCUMSTANCES)),
    places: closedObject<Record<string, unknown>>({ recruitment: nullable(place), transit: arrayOf(place), exploitation: nullable(place) }),
    recruitment: arrayOf(codes(RECRUITMENT_METHODS)),
    control: arrayOf(codes(CONTROL_MEANS)),
    labourSectors: arrayOf(codes(ISIC_SECTIONS)),
    sexualExploitation: arrayOf(codes(SEXUAL_EXPLOITATION_TYPES)),
    references,
    registryNumber: nullable(REGISTRY_NUMBER),
    sameAsCaseId: nullable({ ...uuid, description: 'El caso de los mismos hechos que se cuenta / the case of the same facts that counts' }),
    sameFactsCases: arrayOf(
      closedObject<Record<string, unknown>>(
        { caseId: uuid, registryNumber: nullable(REGISTRY_NUMBER) },
        { description: 'Casos marcados como los mismos hechos que este / cases marked as the same facts as this one' },
      ),
    ),
    networkIds: {
      ...arrayOf(uuid),
      description: 'Redes criminales a las que está vinculado (read model network-links) / criminal networks it is linked to',
    },
    victims: arrayOf(victim),
    suspects: arrayOf(
      closedObject<Record<string, unknown>>({
        suspectId: uuid,
        sex: codes(SEXES),
        age: nullable(integer()),
        nationality: string(),
        role: nullableString,
        voided: boolean,
      }),
    ),
    operations: arrayOf(
      closedObject<Record<string, unknown>>({ operationId: uuid, conductedAt: instant, rescued: integer(), detained: integer() }),
    ),
    prosecutionIds: arrayOf(uuid),
    version: integer(undefined, 1),
    personalDataWithheld: {
      type: 'boolean',
      description: 'true: sin datos personales (victims[].personal es null) / true: no personal field',
    },
  },
  {
    closedAt: { ...instant, description: 'Solo si status=closed / only when closed' },
    reason: string({ description: 'Motivo del cierre, solo si status=closed / closing reason, only when closed' }),
  },
  'Un caso policial / a police case',
);

const milestone = closedObject<Record<string, unknown>>({
  milestone: string({ example: 'CaseRegistered', description: 'Tipo de evento / event type' }),
  label: string({ example: 'Denuncia registrada' }),
  labelEn: string({ example: 'Denunciation registered' }),
  institution: string({ example: 'PNP' }),
  occurredAt: instant,
  stream: string({ example: 'case-…' }),
  detail: closedObject<Record<string, unknown>>(
    {
      channel: codes(HOTLINE_CALL_CHANNELS),
      topic: codes(HOTLINE_CALL_TOPICS),
      outcome: codes(HOTLINE_CALL_OUTCOMES),
      to: codes(REFERRAL_DESTINATIONS),
      referralId: uuid,
      successful: boolean,
      source: codes(CASE_SOURCES),
      ubigeo: string(),
      rescued: integer(),
      detained: integer(),
      prosecutionId: uuid,
      trialId: uuid,
      verdict: codes(VERDICTS),
      sentenceYears: nullable({ type: 'number' }),
      changed: arrayOf(string({ description: 'Campos corregidos, sin sus valores / fields corrected, without their values' })),
      sameAsCaseId: uuid,
    },
    {
      optional: [
        'channel',
        'topic',
        'outcome',
        'to',
        'referralId',
        'successful',
        'source',
        'ubigeo',
        'rescued',
        'detained',
        'prosecutionId',
        'trialId',
        'verdict',
        'sentenceYears',
        'changed',
        'sameAsCaseId',
      ],
      description: "Códigos del hito, sin datos personales / the milestone's codes, no personal field",
    },
  ),
  daysSincePrevious: integer('Días calendario (Lima) desde el hito anterior / calendar days since the previous milestone'),
  daysSinceFirstContact: integer('Días calendario (Lima) desde el primer contacto / calendar days since first contact'),
});

/** GET /cases/{caseId}/timeline (case-timeline.ts). */
export const CASE_TIMELINE_SCHEMA = closedObject<Record<string, unknown>>({
  caseId: uuid,
  firstContactAt: nullable(instant),
  milestones: arrayOf(milestone),
});

export const CASE_REGISTERED_SCHEMA = commandAnswer('caseId', {
  registryNumber: REGISTRY_NUMBER,
  victimIds: arrayOf(uuid),
  suspectIds: arrayOf(uuid),
});
export const CASE_COMMAND_SCHEMA = commandAnswer('caseId');
export const VICTIMS_ADDED_SCHEMA = commandAnswer('caseId', { victimIds: arrayOf(uuid) });
export const SUSPECTS_ADDED_SCHEMA = commandAnswer('caseId', { suspectIds: arrayOf(uuid) });
export const REFERRED_TO_PROSECUTOR_SCHEMA = commandAnswer('caseId', { prosecutionId: uuid });
