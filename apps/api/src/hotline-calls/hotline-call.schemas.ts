import type { SchemaObject } from '@nestjs/swagger';
import { HOTLINE_CALL_CHANNELS, HOTLINE_CALL_LANGUAGES, HOTLINE_CALL_OUTCOMES, HOTLINE_CALL_TOPICS } from '#domain';
import { boolean, codes, instant, integer, nullable, recordState, string, uuid } from '../shared/openapi-schema.js';

/** GET /hotline-calls/{callId}: libs/domain/src/hotline-call/hotline-call.state.ts, as hotline-call-privacy.ts answers it. */
export const HOTLINE_CALL_SCHEMA: SchemaObject = recordState(
  {
    status: codes(['open', 'closed']),
    callId: uuid,
    receivedAt: instant,
    channel: codes(HOTLINE_CALL_CHANNELS),
    language: codes(HOTLINE_CALL_LANGUAGES),
    callerUbigeo: nullable(string({ pattern: '^(\\d{2}|\\d{4}|\\d{6})$' })),
    anonymous: boolean,
    summary: nullable(
      string({ description: 'null sin X-Purpose, sin necesidad de conocer, suprimido o vacío / null when withheld, erased or absent' }),
    ),
    topic: codes(HOTLINE_CALL_TOPICS),
    traffickingRelated: boolean,
    version: integer(undefined, 1),
    personalDataWithheld: { type: 'boolean', description: 'true: el resumen se retuvo / true: the summary was withheld' },
  },
  {
    closedAt: { ...instant, description: 'Solo si status=closed / only when closed' },
    outcome: { ...codes(HOTLINE_CALL_OUTCOMES), description: 'Solo si status=closed / only when closed' },
    erased: { type: 'boolean', description: 'Presente y true si el llamante fue suprimido / present and true when erased' },
  },
  'Una llamada / a hotline call',
);
