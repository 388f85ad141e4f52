import type { SchemaObject } from '@nestjs/swagger';
import { AGE_GROUPS, PROTECTED_PERSON_KINDS, PROTECTION_MEASURES, SEXES } from '#domain';
import { arrayOf, closedObject, codes, commandAnswer, instant, integer, nullable, string, uuid } from '../shared/openapi-schema.js';

const measure = closedObject<Record<string, unknown>>({
  measureId: uuid,
  protectedPerson: codes(PROTECTED_PERSON_KINDS),
  personId: { ...uuid, description: 'Id de la víctima o del testigo / the victim or witness id' },
  witnessReference: nullable(string({ description: 'Solo testigos; null si fue suprimido / witnesses only; null once erased' })),
  measure: codes(PROTECTION_MEASURES),
  grantedAt: instant,
  endsAt: nullable(instant),
  notes: nullable(string()),
});

const interview = closedObject<Record<string, unknown>>({ interviewId: uuid, victimId: uuid, heldAt: instant });

/** The case's victims as codes, for choosing whom a measure protects: no personal field. */
const victim = closedObject<Record<string, unknown>>({
  victimId: uuid,
  number: integer('Número de la víctima en el caso / the victim number in the case', 1),
  sex: codes(SEXES),
  age: nullable(integer()),
  ageGroup: codes(AGE_GROUPS),
});

/** GET /prosecutions/{id}/protection: libs/domain/src/witness-protection/witness-protection.state.ts. */
export const PROTECTION_SCHEMA: SchemaObject = closedObject<Record<string, unknown>>(
  {
    prosecutionId: uuid,
    caseId: uuid,
    prosecutionOpenedAt: instant,
    victims: arrayOf(victim),
    measures: arrayOf(measure),
    interviews: arrayOf(interview),
    version: integer('Versión del flujo de protección (0: nada registrado) / protection stream version (0: nothing recorded)'),
  },
  { description: 'Protección de víctimas y testigos de una investigación fiscal / witness protection of a prosecution' },
);

export const PROTECTION_COMMAND_SCHEMA = commandAnswer('prosecutionId', { measureId: uuid });
export const GESELL_COMMAND_SCHEMA = commandAnswer('prosecutionId', { interviewId: uuid });
