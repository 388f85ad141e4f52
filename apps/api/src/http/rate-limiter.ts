import { HttpException, Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHash, createHmac } from 'node:crypto';
import type pg from 'pg';
import { APP_CONFIG, PG_POOL, type Actor, type AppConfig } from '#platform';

export const WINDOW_MS = 60_000;
/** How often each replica adds its local counts to the shared table (and learns the others'). */
export const FLUSH_MS = 1_000;
/** Keys kept in memory at most; the least recently used one is forgotten first. */
export const MAX_KEYS = 50_000;

/** What a 429 was counted against: a verified subject, a heavy endpoint's own quota, or an address without a valid token. */
export type RateLimitKind = 'subject' | 'heavy' | 'address';

export class RateLimited extends HttpException {
  constructor(readonly kind: RateLimitKind) {
    super('rate limited', 429);
  }
}

/** Endpoints with their own, smaller quota per subject (RATE_LIMIT_HEAVY_PER_MINUTE), each group counted apart. */
export const HEAVY_ENDPOINTS: Readonly<Record<string, string>> = {
  'POST /api/v1/integrity/verifications': 'integrity',
  'POST /api/v1/publications': 'publications',
};

interface Window {
  /** Start of the fixed window (aligned to the minute, the same on every replica). */
  start: number;
  /** The count across replicas as of the last flush. */
  shared: number;
  /** Counted here since the last flush. */
  pending: number;
}

/** Tokens whose requests are not counted for now: the demo loader's, while it loads the demo on the local machine. */
@Injectable()
export class RateLimitExemptions {
  private readonly keys = new Set<string>();
  private readonly hash = (token: string) => createHash('sha256').update(token).digest('hex');
  exempt(token: string): void {
    this.keys.add(this.hash(token));
  }
  revoke(token: string): void {
    this.keys.delete(this.hash(token));
  }
  has(token: string): boolean {
    return this.keys.size > 0 && this.keys.has(this.hash(token));
  }
}

/**
 * Fixed one-minute windows per key, counted in this process's memory (a bounded LRU map) and added to the shared
 * table rate_limit_windows about once a second, so the replicas count together. The decision is local (no query
 * on the request's path): a replica sees the others' requests up to FLUSH_MS late, so N replicas may together
 * let through up to (N − 1) × one second of traffic above the limit (README, "Rate limits"). Keys are HMACs of
 * the subject or address, never either in clear. Hand-written because @nestjs/throttler is CommonJS and cannot
 * load NestJS 12, which is ESM only, under the test runner.
 */
@Injectable()
export class RateLimiter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly windows = new Map<string, Window>();
  private readonly keyHmac: Buffer;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private prunedAt = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {
    // The same on every replica (they share MASTER_KEY or AUTH_JWT_SECRET), so their keys meet in the table.
    const material = config.masterKey ?? config.auth.jwtSecret ?? config.auth.jwksUrl ?? 'registro-local';
    this.keyHmac = createHash('sha256').update(`rate-limit:${material}`).digest();
  }

  get enabled(): boolean {
    return this.config.rateLimitPerMinute > 0;
  }

  /** Before authentication: an address that used up its quota of requests without a valid token is refused now. */
  checkAddress(request: Request): void {
    if (!this.enabled) return;
    const window = this.window(this.key('ip', request.ip ?? 'unknown'), false);
    if (window && window.shared + window.pending >= this.config.rateLimitPerAddressPerMinute) throw this.refuse('address', window, request);
  }

  /** A request that came without a valid token (none, or one that did not verify): counted against its address. */
  countAddress(request: Request): void {
    if (!this.enabled) return;
    this.take(this.key('ip', request.ip ?? 'unknown'), this.config.rateLimitPerAddressPerMinute, 'address', request);
  }

  /** After verification: counted against the token's subject (normalized), and heavy endpoints against their own quota. */
  countSubject(actor: Actor, endpoint: string, request: Request): void {
    if (!this.enabled) return;
    const subject = normalizeSubject(actor.subject);
    this.take(this.key('sub', subject), this.config.rateLimitPerMinute, 'subject', request);
    const heavy = HEAVY_ENDPOINTS[endpoint];
    if (heavy) this.take(this.key(`heavy:${heavy}`, subject), this.config.rateLimitHeavyPerMinute, 'heavy', request);
  }

  /** Keys currently held in memory (bounded by MAX_KEYS). */
  get size(): number {
    return this.windows.size;
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }

  /** Adds the local counts to the shared table and takes back the totals of every replica (one statement). */
  flush(): Promise<void> {
    return (this.flushing ??= this.flushNow().finally(() => {
      this.flushing = null;
    }));
  }

  private async flushNow(): Promise<void> {
    const batch = [...this.windows]
      .filter(([, w]) => w.pending > 0)
      .map(([key, w]) => ({ key, window: w, start: w.start, count: w.pending }));
    try {
      if (batch.length > 0) {
        for (const item of batch) item.window.pending -= item.count;
        const { rows } = await this.pool.query<{ key: string; start: Date; count: number }>(
          `INSERT INTO rate_limit_windows (key, window_start, count)
           SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::int[])
           ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_windows.count + EXCLUDED.count
           RETURNING key, window_start AS start, count`,
          [batch.map((b) => b.key), batch.map((b) => new Date(b.start)), batch.map((b) => b.count)],
        );
        for (const row of rows) {
          const window = this.windows.get(row.key);
          if (window && window.start === row.start.getTime()) window.shared = Math.max(window.shared, row.count);
        }
      }
      if (Date.now() - this.prunedAt >= WINDOW_MS) {
        this.prunedAt = Date.now();
        await this.pool.query(`DELETE FROM rate_limit_windows WHERE window_start < now() - interval '2 minutes'`);
      }
    } catch (error) {
      // The shared count is a best effort: the local one still limits this replica.
      for (const item of batch) if (this.windows.get(item.key) === item.window) item.window.pending += item.count;
      this.logger.warn(`rate limit counts not shared: ${(error as Error).message}`);
    }
  }

  private key(kind: string, value: string): string {
    return `${kind.split(':')[0]}:${createHmac('sha256', this.keyHmac).update(`${kind}\u0000${value}`).digest('base64url')}`;
  }

  /** The key's current window, moved to the most recently used end; created when `create`. */
  private window(key: string, create: boolean): Window | undefined {
    const start = Math.floor(Date.now() / WINDOW_MS) * WINDOW_MS;
    let window = this.windows.get(key);
    if (window) this.windows.delete(key);
    if (window && window.start !== start) window = undefined;
    if (!window) {
      if (!create) return undefined;
      window = { start, shared: 0, pending: 0 };
    }
    this.windows.set(key, window);
    while (this.windows.size > MAX_KEYS) this.windows.delete(this.windows.keys().next().value as string);
    return window;
  }

  private take(key: string, limit: number, kind: RateLimitKind, request: Request): void {
    const window = this.window(key, true) as Window;
    const used = window.shared + window.pending;
    const response = request.res as Response | undefined;
    if (kind !== 'address') {
      response?.setHeader('RateLimit-Limit', String(limit));
      response?.setHeader('RateLimit-Remaining', String(Math.max(0, limit - used - 1)));
    }
    if (used >= limit) throw this.refuse(kind, window, request);
    window.pending++;
  }

  private refuse(kind: RateLimitKind, window: Window, request: Request): RateLimited {
    (request.res as Response | undefined)?.setHeader(
      'Retry-After',
      String(Math.max(1, Math.ceil((window.start + WINDOW_MS - Date.now()) / 1000))),
    );
    return new RateLimited(kind);
  }
}

/** One bucket per subject however the provider spells it: Unicode NFKC, trimmed, lower case. */
export function normalizeSubject(subject: string): string {
  return subject.normalize('NFKC').trim().toLowerCase();
}
