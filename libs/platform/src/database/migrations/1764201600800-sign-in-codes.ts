import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sign-in links already exchanged for a session, by the code's `jti`: a link works once. Rows are only ever
 * inserted; one whose link has expired (`expires_at`) could be deleted without effect, nothing does so yet.
 */
export class SignInCodes1764201600800 implements MigrationInterface {
  name = 'SignInCodes1764201600800';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sign_in_codes_used (
        jti         text        PRIMARY KEY CHECK (char_length(jti) <= 200),
        used_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
        expires_at  timestamptz NOT NULL
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE sign_in_codes_used');
  }
}
