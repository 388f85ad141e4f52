import { Controller, Get, Inject, Req, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, RegistryMetrics, type AppConfig } from '#platform';
import { Access } from '../auth/access.js';
import { PUBLIC } from '../auth/endpoint-policy.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * GET /metrics, Prometheus text format, for the scraper only: with METRICS_TOKEN set it wants
 * `Authorization: Bearer <METRICS_TOKEN>`; without, it answers only a client on this machine that came through no
 * proxy (the socket's address, not X-Forwarded-For). Holds counts and timings, never ids or personal data.
 */
@Controller({ path: 'metrics', version: VERSION_NEUTRAL })
export class MetricsController {
  constructor(
    private readonly metrics: RegistryMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Access({ roles: PUBLIC, note: 'no user token: `Authorization: Bearer <METRICS_TOKEN>`, or from loopback when METRICS_TOKEN is unset' })
  @ApiExcludeEndpoint()
  @Get()
  async scrape(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (!this.allowed(request)) {
      response
        .status(403)
        .type('text/plain')
        .send(
          'métricas solo para el recolector: METRICS_TOKEN o desde esta máquina / metrics are for the scraper only: METRICS_TOKEN, or from this machine\n',
        );
      return;
    }
    const { contentType, body } = await this.metrics.exposition();
    response.status(200).setHeader('Cache-Control', 'no-store').type(contentType).send(body);
  }

  private allowed(request: Request): boolean {
    const expected = this.config.metricsToken;
    if (expected !== null) {
      const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
      const a = Buffer.from(given);
      const b = Buffer.from(expected);
      return a.length === b.length && timingSafeEqual(a, b);
    }
    return LOOPBACK.has(request.socket.remoteAddress ?? '') && request.headers['x-forwarded-for'] === undefined;
  }
}
