import { Controller, Get, Inject, Res, VERSION_NEUTRAL } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type pg from 'pg';
import { PG_POOL } from '../../../../libs/platform/src/index.js';

/** Readiness: the database answers, and how far each projection is behind the log. */
@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  @Get()
  @ApiOperation({ summary: 'Disponibilidad / Readiness' })
  async health(@Res({ passthrough: true }) response: Response) {
    try {
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
