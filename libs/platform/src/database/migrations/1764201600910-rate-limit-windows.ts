import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rate limit's fixed one-minute windows shared by the replicas: one row per key (an HMAC of the subject or
 * the client address, never either in clear) and window; each replica adds its local count about once a second.
 */
export class RateLimitWindows1764201600910 implements MigrationInterface {
  name = 'RateLimitWindows1764201600910';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE UNLOGGED TABLE rate_limit_windows (
        key           text        NOT NULL CHECK (char_length(key) <= 100),
        window_start  timestamptz NOT NULL,
        count         integer     NOT NULL CHECK (count >= 0),
        PRIMARY KEY (key, window_start)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE rate_limit_windows');
  }
}
