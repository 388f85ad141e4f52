import { HttpException, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../../../libs/platform/src/index.js';

const WINDOW_MS = 60_000;
const tokenKey = (authorization: string) => `token:${createHash('sha256').update(authorization).digest('hex')}`;

/** Tokens whose requests are not counted for now: the demo loader's, while it loads the demo on the local machine. */
@Injectable()
export class RateLimitExemptions {
  private readonly keys = new Set<string>();
  exempt(token: string): void {
    this.keys.add(tokenKey(`Bearer ${token}`));
  }
  revoke(token: string): void {
    this.keys.delete(tokenKey(`Bearer ${token}`));
  }
  has(key: string): boolean {
    return this.keys.has(key);
  }
}

/**
 * Rate limit per token (fixed one-minute windows, in this process's memory), so a stolen or misused token cannot
 * flood the registry. The key is a hash of the bearer token itself, valid or not, so the limit holds before
 * authentication; requests without a token count per address. Hand-written because @nestjs/throttler is CommonJS
 * and cannot load NestJS 12, which is ESM only, under the test runner.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig, private readonly exemptions: RateLimitExemptions) {}

  canActivate(context: ExecutionContext): boolean {
    const limit = this.config.rateLimitPerMinute;
    const req = context.switchToHttp().getRequest<Request>();
    const key = req.headers.authorization?.startsWith('Bearer ') ? tokenKey(req.headers.authorization) : `ip:${req.ip}`;
    if (limit === 0 || req.path === '/health' || this.exemptions.has(key)) return true;
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= WINDOW_MS) {
      if (this.windows.size > 100_000) this.forgetExpired(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count++;
    const res = context.switchToHttp().getResponse<Response>();
    res.setHeader('RateLimit-Limit', String(limit));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, limit - window.count)));
    if (window.count <= limit) return true;
    res.setHeader('Retry-After', String(Math.ceil((window.start + WINDOW_MS - now) / 1000)));
    throw new HttpException('rate limited', 429);
  }

  private forgetExpired(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(key);
  }
}
