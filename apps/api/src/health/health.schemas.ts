import type { SchemaObject } from '@nestjs/swagger';
import { arrayOf, boolean, closedObject, codes, instant, integer, nullable, string, uuid } from '../shared/openapi-schema.js';

/** GET /health/live. */
export const LIVE_SCHEMA = closedObject<{ status: string }>({ status: codes(['ok']) });

/** GET /health/ready: counts only (which projection and why: GET /health/status). */
export const READY_SCHEMA = closedObject<{ status: string; database: string; projections: unknown }>(
  {
    status: codes(['ok']),
    database: codes(['up']),
    projections: closedObject<{ failing: number; failingTooLong: number; failureSecondsLimit: number; skips: number }>({
      failing: integer('Proyecciones reintentando o detenidas / projections retrying or stopped'),
      failingTooLong: integer(
        'Fallando más de READINESS_PROJECTION_FAILURE_SECONDS (hace fallar la disponibilidad) / failing longer than that (fails readiness)',
      ),
      failureSecondsLimit: integer('READINESS_PROJECTION_FAILURE_SECONDS'),
      skips: integer('Eventos omitidos por el operador / events skipped by the operator'),
    }),
  },
  { optional: ['projections'] },
);

const FAILURE_SCHEMA: SchemaObject = nullable(
  closedObject<Record<string, unknown>>({
    globalPosition: integer('Posición del evento que falla / position of the failing event', 1),
    eventId: uuid,
    eventType: string(),
    message: string({
      description: 'Error sin valores entrecomillados ni datos personales / error without quoted values or personal data',
    }),
    attempts: integer(undefined, 1),
    since: instant,
  }),
);

/** GET /health/status. */
export const STATUS_SCHEMA = closedObject<Record<string, unknown>>({
  database: codes(['up']),
  logHead: integer('Posición global más alta del registro / highest global position of the log'),
  failureSecondsLimit: integer('READINESS_PROJECTION_FAILURE_SECONDS'),
  projections: arrayOf(
    closedObject<Record<string, unknown>>({
      name: string(),
      state: codes(['running', 'retrying', 'failed']),
      position: integer('Última posición procesada / last position processed'),
      eventsProcessed: integer(),
      lagEvents: integer('Eventos por procesar / events not processed yet'),
      lagSeconds: {
        type: 'number',
        minimum: 0,
        description: 'Segundos desde el evento más antiguo por procesar / seconds since the oldest',
      },
      failure: FAILURE_SCHEMA,
      failingTooLong: boolean,
      skips: arrayOf(
        closedObject<Record<string, unknown>>({
          position: integer(undefined, 1),
          eventId: uuid,
          eventType: string(),
          reason: string(),
          skippedBy: string(),
          skippedAt: instant,
        }),
      ),
    }),
  ),
});

/** GET /health: up or not; with a valid token (any role) also the log head and each projection's position. */
export const HEALTH_SCHEMA = closedObject<{ status: string; database: string; logHead: number; projections: unknown }>(
  {
    status: codes(['ok']),
    database: codes(['up']),
    logHead: integer('Posición global del último evento / global position of the last event'),
    projections: arrayOf(
      closedObject<{ name: string; eventsProcessed: number; position: number }>({
        name: string(),
        eventsProcessed: integer('Eventos procesados / events processed'),
        position: integer('Posición global alcanzada / global position reached'),
      }),
    ),
  },
  { optional: ['logHead', 'projections'] },
);
