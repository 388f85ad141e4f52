import type { SchemaObject } from '@nestjs/swagger';
import { REFERRAL_COMPLETION_REASONS, REFERRAL_DESTINATIONS, REFERRAL_SOURCE_KINDS } from '#domain';
import { arrayOf, boolean, closedObject, codes, instant, integer, nullable, recordState, string, uuid } from '../shared/openapi-schema.js';

const only = (statuses: string, schema: SchemaObject): SchemaObject => ({
  ...schema,
  description: `Solo si status es / only when status is ${statuses}`,
});
const ubigeo = string({ pattern: '^(\\d{2}|\\d{4}|\\d{6})$' });

/** GET /referrals/{id}: libs/domain/src/referral/referral.state.ts. */
export const REFERRAL_SCHEMA: SchemaObject = recordState(
  {
    status: codes(['sent', 'accepted', 'rejected', 'completed', 'revoked']),
    referralId: uuid,
    source: closedObject<Record<string, unknown>>({ kind: codes(REFERRAL_SOURCE_KINDS), id: uuid }),
    to: codes(REFERRAL_DESTINATIONS),
    unitName: nullable(string()),
    ubigeo: nullable(ubigeo),
    referredAt: instant,
    deadlineMinutes: integer(
      'Plazo de respuesta en minutos vigente al enviarla / minutes within which to answer, as in force when it was sent',
      1,
    ),
    version: integer(undefined, 1),
    destinationDetailsWithheld: {
      type: 'boolean',
      description:
        "true: unidad y lugar del albergue retenidos (solo protección) / true: the shelter's unit and place withheld (protection only)",
    },
  },
  {
    acceptedAt: only('accepted, completed, revoked (null if revoked before acceptance)', nullable(instant)),
    linkedCaseId: only('accepted, completed, revoked', nullable(uuid)),
    rejectedAt: only('rejected', instant),
    completedAt: only('completed', instant),
    successful: only('completed', boolean),
    revokedAt: only('revoked', instant),
    reason: only(`rejected, revoked (text) or completed (${REFERRAL_COMPLETION_REASONS.join(' | ')} or null)`, nullable(string())),
  },
  'Una derivación / a referral',
);

/** GET /referrals: the queue (libs/read-models/src/referrals/referral.queries.ts). */
export const PENDING_REFERRALS_SCHEMA = closedObject<Record<string, unknown>>({
  asOf: closedObject<Record<string, unknown>>({ transactionId: string(), globalPosition: integer(), eventsProcessed: integer() }),
  referrals: arrayOf(
    closedObject<Record<string, unknown>>({
      referralId: uuid,
      sourceKind: codes(REFERRAL_SOURCE_KINDS),
      sourceId: uuid,
      destination: codes(REFERRAL_DESTINATIONS),
      department: string({ description: 'Departamento (2 dígitos) o "unknown" / department or "unknown"' }),
      referredAt: instant,
      hoursWaiting: { type: 'number', minimum: 0, description: 'Horas desde el envío / hours since sending' },
      deadlineAt: {
        ...instant,
        description:
          'Envío + plazo del destino (REFERRAL_DEADLINES); responder después es tarde / sending + the destination deadline; answering after it is late',
      },
      overdue: boolean,
      acceptedAt: nullable(instant),
      answeredLate: {
        ...nullable(boolean),
        description: 'Aceptada después del plazo (null si aún no) / accepted after the deadline (null while unanswered)',
      },
    }),
  ),
});

/** GET /referrals/notifications: a text/event-stream, each event's `data` one JSON object of ids, codes and times. */
export const REFERRAL_STREAM_SCHEMA: SchemaObject = string({
  description:
    'Eventos `new` (derivación pendiente recibida) y `overdue` (vencida sin respuesta), una vez por derivación y conexión; `data`: ' +
    '{referralId, destination, department, sourceKind, referredAt, deadlineAt}; `expired` al vencer el token; comentarios `: heartbeat` / ' +
    '`new` (a pending referral received) and `overdue` (past its deadline unanswered) events, once per referral and connection; ' +
    '`expired` when the token expires; `: heartbeat` comments',
});
