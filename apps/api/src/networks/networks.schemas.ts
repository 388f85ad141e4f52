import type { SchemaObject } from '@nestjs/swagger';
import { NETWORK_ROLES } from '#domain';
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

/** GET /networks/{id}: libs/domain/src/criminal-network/criminal-network.state.ts. */
export const NETWORK_SCHEMA: SchemaObject = recordState(
  {
    status: codes(['identified', 'dismantled']),
    networkId: uuid,
    identifiedAt: instant,
    ubigeo: string({ example: '1501' }),
    alias: nullable(string()),
    policeUnit: nullable(string()),
    cases: arrayOf(closedObject<Record<string, unknown>>({ caseId: uuid, linkedAt: instant })),
    suspects: arrayOf(
      closedObject<Record<string, unknown>>({ caseId: uuid, suspectId: uuid, role: codes(NETWORK_ROLES), linkedAt: instant }),
    ),
    dismantledAt: nullable(instant),
    version: integer(undefined, 1),
  },
  {},
  'Una red criminal / a criminal network',
);

/** GET /networks?caseId=: the networks a case is linked to (read model network-links, a moment behind the log). */
export const NETWORKS_OF_CASE_SCHEMA: SchemaObject = closedObject<Record<string, unknown>>({ caseId: uuid, networkIds: arrayOf(uuid) });

export const NETWORK_COMMAND_SCHEMA = commandAnswer('networkId');
