import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { RegistryMetrics } from '#platform';
import { routeOf } from '../http/logging.js';

/**
 * Counts and times every request by method, route template (`/api/v1/cases/:caseId`, never the path with its
 * ids) and status. A request no route matched is `unmatched`, so scanners cannot grow the label set.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: RegistryMetrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const end = this.metrics.httpDuration.startTimer();
    response.on('finish', () => {
      const labels = { method: request.method, route: routeOf(request), status: String(response.statusCode) };
      end(labels);
      this.metrics.httpRequests.inc(labels);
    });
    next();
  }
}
