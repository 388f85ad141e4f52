import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The referral notifications pushed to the receiving units' webhooks (issue 14): one row per referral, kind
 * (`new`, `overdue`) and webhook, so each is sent once (its delivery id is the receiver's idempotency key), with
 * its attempts and backoff; after REFERRAL_WEBHOOK_MAX_ATTEMPTS failures it is dead-lettered (`dead_lettered_at`)
 * and no longer tried. Only ids, codes and times: no personal field, and the error kept is an HTTP status or a
 * transport error's code.
 */
export class ReferralWebhookDeliveries1764201601420 implements MigrationInterface {
  name = 'ReferralWebhookDeliveries1764201601420';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE referral_webhook_deliveries (
        delivery_id      uuid PRIMARY KEY,
        referral_id      uuid        NOT NULL,
        kind             text        NOT NULL CHECK (kind IN ('new', 'overdue')),
        webhook_url      text        NOT NULL,
        body             text        NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        attempts         integer     NOT NULL DEFAULT 0,
        next_attempt_at  timestamptz NOT NULL DEFAULT now(),
        delivered_at     timestamptz,
        dead_lettered_at timestamptz,
        last_error       text CHECK (char_length(last_error) <= 200),
        UNIQUE (referral_id, kind, webhook_url)
      );
      CREATE INDEX referral_webhook_deliveries_due_idx ON referral_webhook_deliveries (next_attempt_at)
        WHERE delivered_at IS NULL AND dead_lettered_at IS NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE referral_webhook_deliveries');
  }
}
