import { Controller, Get, Inject, Req, Res, VERSION_NEUTRAL } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type pg from 'pg';
import { PG_POOL, type RequestWithActor } from '#platform';
import { Access } from '../auth/access.js';
import { PUBLIC } from '../auth/endpoint-policy.js';

/**
 * Readiness: the database answers (public, for load balancers and probes). How far each projection is behind the
 * log (`logHead`, `projections`) only for a caller with a valid bearer token, any role: it tells how busy the
 * registry is, which is nobody else's business.
 */
@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  @Access({ roles: PUBLIC, note: 'no token; `logHead` and `projections` only with a valid token, any role' })
  @Get()
  @ApiOperation({ summary: 'Disponibilidad / Readiness (logHead y projections solo con token / only with a token)' })
  async health(@Req() request: Request & RequestWithActor, @Res({ passthrough: true }) response: Response) {
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
      response.status(503);
      return { status: 'unavailable', database: 'down' };
    }
  }
}
