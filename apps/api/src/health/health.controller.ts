import { Controller, Get, Inject, Req, VERSION_NEUTRAL } from '@nestjs/common';
import type { Request } from 'express';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type pg from 'pg';
import { PROJECTIONS } from '#read-models';
import { APP_CONFIG, failingLongerThan, PG_POOL, projectionOverview, type AppConfig, type RequestWithActor } from '#platform';
import { Access } from '../auth/access.js';
import { PUBLIC } from '../auth/endpoint-policy.js';
import { PROBLEM_JSON } from '../http/problem-details.js';
import { PROBLEM_SCHEMA } from '../openapi/document.js';
import { HEALTH_SCHEMA, LIVE_SCHEMA, READY_SCHEMA, STATUS_SCHEMA } from './health.schemas.js';
import { NotReady } from './not-ready.js';

const DATABASE_DOWN = { field: 'database', reason: 'la base de datos no responde', reasonEn: 'the database does not answer' };
/** A probe's 503: problem details naming the failing checks. */
const NOT_READY_RESPONSE = {
  status: 503,
  description: 'No preparado / not ready (fields: database, projections)',
  content: { [PROBLEM_JSON]: { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA}` } } },
};

const NAMES = PROJECTIONS.map((p) => p.name);

/**
 * Probes and the operator's view. `/health/live`: the process answers. `/health/ready`: the database answers and no
 * projection has been failing for longer than READINESS_PROJECTION_FAILURE_SECONDS (counts only, public).
 * `/health/status` (admin, auditor): each projection's state, lag, failure and skips. `/health` as before: the
 * database answers (public, for load balancers and probes); how far each projection is behind the
 * log (`logHead`, `projections`) only for a caller with a valid bearer token, any role: it tells how busy the
 * registry is, which is nobody else's business.
 */
@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Access({ roles: PUBLIC, note: 'liveness: the process answers' })
  @Get('live')
  @ApiOkResponse({ schema: LIVE_SCHEMA })
  @ApiOperation({ summary: 'Vida / Liveness: el proceso responde / the process answers' })
  live() {
    return { status: 'ok' };
  }

  @Access({ roles: PUBLIC, note: 'readiness: database up and no projection failing longer than READINESS_PROJECTION_FAILURE_SECONDS' })
  @Get('ready')
  @ApiOkResponse({ schema: READY_SCHEMA })
  @ApiResponse(NOT_READY_RESPONSE)
  @ApiOperation({
    summary:
      'Preparado / Readiness: base de datos y ninguna proyección fallando más de READINESS_PROJECTION_FAILURE_SECONDS / database up, no projection failing too long',
  })
  async ready() {
    let projections;
    try {
      projections = await projectionOverview(this.pool, NAMES);
    } catch {
      throw new NotReady([DATABASE_DOWN]);
    }
    const limit = this.config.readinessProjectionFailureSeconds;
    const failing = projections.filter((p) => p.state !== 'running').length;
    const failingTooLong = projections.filter((p) => failingLongerThan(p, limit)).length;
    const skips = projections.reduce((n, p) => n + p.skips.length, 0);
    // Which projection and why: GET /health/status (admin, auditor) or `npm run cli -- projections status`.
    if (failingTooLong > 0) {
      throw new NotReady([
        {
          field: 'projections',
          reason: `${failingTooLong} proyección(es) fallando más de ${limit} s (GET /health/status)`,
          reasonEn: `${failingTooLong} projection(s) failing longer than ${limit} s (GET /health/status)`,
        },
      ]);
    }
    return {
      status: 'ok',
      database: 'up',
      projections: { failing, failingTooLong, failureSecondsLimit: limit, skips },
    };
  }

  @Access({ roles: ['admin', 'auditor'], note: 'which projection fails and why, its lag and the skips recorded' })
  @Get('status')
  @ApiOkResponse({ schema: STATUS_SCHEMA })
  @ApiOperation({
    summary: 'Estado de las proyecciones / Projection status: estado, retraso, fallo, omisiones / state, lag, failure, skips',
  })
  async status() {
    const projections = await projectionOverview(this.pool, NAMES);
    const head = await this.pool.query<{ position: string | null }>('SELECT max(global_position) AS position FROM events');
    const limit = this.config.readinessProjectionFailureSeconds;
    return {
      database: 'up',
      logHead: Number(head.rows[0].position ?? 0),
      failureSecondsLimit: limit,
      projections: projections.map((p) => ({ ...p, failingTooLong: failingLongerThan(p, limit) })),
    };
  }

  @Access({ roles: PUBLIC, note: 'no token; `logHead` and `projections` only with a valid token, any role' })
  @Get()
  @ApiOperation({ summary: 'Disponibilidad / Readiness (logHead y projections solo con token / only with a token)' })
  @ApiOkResponse({ schema: HEALTH_SCHEMA })
  @ApiResponse(NOT_READY_RESPONSE)
  async health(@Req() request: Request & RequestWithActor) {
    try {
      if (!request.actor) {
        await this.pool.query('SELECT 1');
        return { status: 'ok', database: 'up' };
      }
      const projections = await this.pool.query<{ projection_name: string; events_processed: string; global_position: string }>(
        'SELECT projection_name, events_processed, global_position FROM projection_checkpoints ORDER BY projection_name',
      );
      const head = await this.pool.query<{ position: string | null }>('SELECT max(global_position) AS position FROM events');
      return {
        status: 'ok',
        database: 'up',
        logHead: Number(head.rows[0].position ?? 0),
        projections: projections.rows.map((r) => ({
          name: r.projection_name,
          eventsProcessed: Number(r.events_processed),
          position: Number(r.global_position),
        })),
      };
    } catch {
      throw new NotReady([DATABASE_DOWN]);
    }
  }
}
