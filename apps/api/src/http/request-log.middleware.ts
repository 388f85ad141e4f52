import { Injectable, Logger, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * One structured line per request: method, route, status, duration. Never the body, the query string or path
 * ids: bodies hold personal data, and an id in a log line links a person to a time.
 */
@Injectable()
export class RequestLogMiddleware implements NestMiddleware {
  private readonly logger = new Logger('Http');

  use(request: Request, response: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const route = request.route?.path ? `${request.baseUrl}${request.route.path}` : 'unmatched';
      this.logger.log({ method: request.method, route, status: response.statusCode, ms: Math.round(ms * 10) / 10 });
    });
    next();
  }
}
