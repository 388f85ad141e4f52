import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revoked bearer tokens, by `jti` (`npm run cli -- revoke-token`). A row is needed only while the token could
 * still be valid: `expires_at` is at most TOKEN_MAX_HOURS after the revocation, and expired rows are pruned.
 */
export class RevokedTokens1764201600900 implements MigrationInterface {
  name = 'RevokedTokens1764201600900';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE revoked_tokens (
        jti         text        PRIMARY KEY CHECK (char_length(jti) BETWEEN 1 AND 200),
        expires_at  timestamptz NOT NULL,
        revoked_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
        reason      text        NOT NULL CHECK (char_length(reason) <= 200)
      );
      CREATE INDEX revoked_tokens_expires_at ON revoked_tokens (expires_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE revoked_tokens');
  }
}
