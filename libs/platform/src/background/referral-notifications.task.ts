import { createHash, createHmac } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import { uuidFromHash } from '#event-store';
import type { AppConfig, ReferralWebhook } from '../config/config.js';
import { APP_CONFIG, PG_POOL } from '../nest/tokens.js';

/** The header carrying `sha256=<hex HMAC-SHA256 of the raw body with the webhook's secret>`. */
export const SIGNATURE_HEADER = 'x-registro-signature';
/** The header carrying the delivery id: the same for every attempt at one notification (the receiver's idempotency key). */
export const DELIVERY_HEADER = 'x-registro-delivery';

/** What a receiving unit is told: ids, codes and times only, never a personal field. */
export interface ReferralNotification {
  deliveryId: string;
  event: 'referral.new' | 'referral.overdue';
  referralId: string;
  destination: string;
  department: string;
  sourceKind: string;
  referredAt: string;
  deadlineAt: string;
}

const LONGEST_BACKOFF_MS = 3_600_000;
const CLAIM_SECONDS = 300;
const REQUEST_TIMEOUT_MS = 10_000;
const BATCH = 100;

export const signBody = (secret: string, body: string): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** One id per referral, kind and webhook: recomputed, never drawn, so a second pass cannot queue the notification twice. */
const deliveryId = (referralId: string, kind: string, url: string) =>
  uuidFromHash(createHash('sha256').update(`registro:referral-webhook\n${referralId}\n${kind}\n${url}`).digest('hex'));

/**
 * Pushes new and overdue referrals to the receiving units' webhooks (REFERRAL_WEBHOOKS) every
 * REFERRAL_WEBHOOK_SECONDS: each pass queues what is due (a still-pending referral: `new`; past its deadline:
 * `overdue`) in referral_webhook_deliveries, then sends what is due. A failure is retried with a doubling backoff
 * and dead-lettered after REFERRAL_WEBHOOK_MAX_ATTEMPTS; every notification is claimed and sent on its own, so a
 * failing or slow webhook never holds the others back, and replicas never send one twice at once (the claim).
 */
@Injectable()
export class ReferralNotificationsTask implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReferralWebhooks');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  onApplicationBootstrap(): void {
    // Background work: where the projections run (RUN_PROJECTIONS), never in an api-only replica.
    if (!this.config.runProjections || this.config.referralWebhookSeconds === 0 || this.config.referralWebhooks.length === 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.tick().finally(() => {
        this.running = null;
      });
    }, this.config.referralWebhookSeconds * 1000);
    this.timer.unref();
  }

  /** One pass: queue, then send what is due. Never throws (a missed pass is caught up by the next one). */
  async tick(now: Date = new Date()): Promise<void> {
    try {
      for (const webhook of this.config.referralWebhooks) await this.enqueue(webhook, now);
      await this.deliver(now);
    } catch (error) {
      this.logger.warn(`referral notifications pass failed: ${(error as Error).message}`);
    }
  }

  private async enqueue(webhook: ReferralWebhook, now: Date): Promise<void> {
    const { rows } = await this.pool.query<{
      referral_id: string;
      kind: 'new' | 'overdue';
      destination: string;
      department: string;
      source_kind: string;
      referred_at: Date;
      deadline_at: Date;
    }>(
      `SELECT f.referral_id, k.kind, f.destination, f.department, f.source_kind, f.referred_at, f.deadline_at
         FROM referral_facts f CROSS JOIN (VALUES ('new'), ('overdue')) AS k(kind)
        WHERE f.status = 'sent' AND f.destination = $1
          AND (k.kind = 'new' OR $3::timestamptz > f.deadline_at)
          AND NOT EXISTS (SELECT 1 FROM referral_webhook_deliveries d
                           WHERE d.referral_id = f.referral_id AND d.kind = k.kind AND d.webhook_url = $2)
        ORDER BY f.referred_at, f.referral_id, k.kind LIMIT 1000`,
      [webhook.destination, webhook.url, now.toISOString()],
    );
    if (rows.length === 0) return;
    const queued = rows.map((r) => {
      const id = deliveryId(r.referral_id, r.kind, webhook.url);
      const notification: ReferralNotification = {
        deliveryId: id,
        event: r.kind === 'new' ? 'referral.new' : 'referral.overdue',
        referralId: r.referral_id,
        destination: r.destination,
        department: r.department,
        sourceKind: r.source_kind,
        referredAt: r.referred_at.toISOString(),
        deadlineAt: r.deadline_at.toISOString(),
      };
      return { id, referralId: r.referral_id, kind: r.kind, body: JSON.stringify(notification) };
    });
    await this.pool.query(
      `INSERT INTO referral_webhook_deliveries (delivery_id, referral_id, kind, webhook_url, body, created_at, next_attempt_at)
       SELECT u.id, u.referral_id, u.kind, $5, u.body, $6, $6 FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) AS u(id, referral_id, kind, body)
       ON CONFLICT DO NOTHING`,
      [queued.map((q) => q.id), queued.map((q) => q.referralId), queued.map((q) => q.kind), queued.map((q) => q.body), webhook.url, now],
    );
  }

  private async deliver(now: Date): Promise<void> {
    const urls = [...new Set(this.config.referralWebhooks.map((w) => w.url))];
    // Claimed for CLAIM_SECONDS: another replica's pass skips them meanwhile; a crash leaves them due again after it.
    const { rows } = await this.pool.query<{ delivery_id: string; webhook_url: string; body: string; attempts: number }>(
      `UPDATE referral_webhook_deliveries SET next_attempt_at = $1::timestamptz + make_interval(secs => $3)
        WHERE delivery_id IN (SELECT delivery_id FROM referral_webhook_deliveries
                               WHERE delivered_at IS NULL AND dead_lettered_at IS NULL AND next_attempt_at <= $1
                                 AND webhook_url = ANY($2::text[])
                               ORDER BY next_attempt_at, delivery_id LIMIT $4 FOR UPDATE SKIP LOCKED)
        RETURNING delivery_id, webhook_url, body, attempts`,
      [now, urls, CLAIM_SECONDS, BATCH],
    );
    await Promise.all(rows.map((row) => this.send(row, now)));
  }

  private async send(row: { delivery_id: string; webhook_url: string; body: string; attempts: number }, now: Date): Promise<void> {
    const destination = (JSON.parse(row.body) as ReferralNotification).destination;
    const webhook = this.config.referralWebhooks.find((w) => w.url === row.webhook_url && w.destination === destination);
    if (!webhook) return; // removed from the configuration since it was queued: left as it is
    let failure: string | null = null;
    try {
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signBody(webhook.secret, row.body),
          [DELIVERY_HEADER]: row.delivery_id,
        },
        body: row.body,
        redirect: 'error',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      await response.body?.cancel();
      if (!response.ok) failure = `HTTP ${response.status}`;
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      failure = (cause?.code ?? (error as Error).name).slice(0, 100);
    }
    const attempts = row.attempts + 1;
    if (failure === null) {
      await this.pool.query(
        'UPDATE referral_webhook_deliveries SET delivered_at = $2, attempts = $3, last_error = NULL WHERE delivery_id = $1',
        [row.delivery_id, now, attempts],
      );
      return;
    }
    const dead = attempts >= this.config.referralWebhookMaxAttempts;
    const backoffMs = Math.min(this.config.referralWebhookRetryInitialMs * 2 ** (attempts - 1), LONGEST_BACKOFF_MS);
    await this.pool.query(
      `UPDATE referral_webhook_deliveries SET attempts = $2, last_error = $3,
              dead_lettered_at = CASE WHEN $4 THEN $5::timestamptz END,
              next_attempt_at = $5::timestamptz + make_interval(secs => $6::double precision / 1000)
        WHERE delivery_id = $1`,
      [row.delivery_id, attempts, failure, dead, now, backoffMs],
    );
    this.logger.warn({
      msg: 'referral notification not delivered',
      delivery: row.delivery_id,
      attempts,
      error: failure,
      deadLettered: dead,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
