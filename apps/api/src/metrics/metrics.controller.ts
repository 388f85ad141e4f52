import { Controller, Get, Inject, Req, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, RegistryMetrics, SCRAPER_ONLY, scraperAllowed, type AppConfig } from '#platform';
import { Access } from '../auth/access.js';
import { PUBLIC } from '../auth/endpoint-policy.js';

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
    const allowed = scraperAllowed(this.config.metricsToken, {
      authorization: request.headers.authorization,
      remoteAddress: request.socket.remoteAddress,
      forwardedFor: request.headers['x-forwarded-for'],
    });
    if (!allowed) {
      response.status(403).type('text/plain').send(SCRAPER_ONLY);
      return;
    }
    const { contentType, body } = await this.metrics.exposition();
    response.status(200).setHeader('Cache-Control', 'no-store').type(contentType).send(body);
  }
}
