import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The integrity walks run as jobs (POST /integrity/verifications): their status and report, read with GET. At most
 * one runs at a time across replicas (the partial unique index); the report holds stream ids, positions and
 * hashes, never record contents.
 */
export class IntegrityVerifications1764201600920 implements MigrationInterface {
  name = 'IntegrityVerifications1764201600920';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE integrity_verifications (
        verification_id  uuid        PRIMARY KEY,
        status           text        NOT NULL CHECK (status IN ('running', 'done', 'failed')),
        requested_by     text        NOT NULL CHECK (char_length(requested_by) <= 250),
        started_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
        finished_at      timestamptz,
        report           jsonb
      );
      CREATE UNIQUE INDEX integrity_verifications_one_running ON integrity_verifications ((true)) WHERE status = 'running';
      CREATE INDEX integrity_verifications_started_at ON integrity_verifications (started_at DESC);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE integrity_verifications');
  }
}
