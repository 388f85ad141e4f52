import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One data key per data subject (victim, caller), only ever stored wrapped by the master key or a KMS. Erasing a
 * subject sets wrapped_key to NULL and records when, why and by whom: the row stays as the proof of erasure.
 */
export class SubjectKeys1764201600650 implements MigrationInterface {
  name = 'SubjectKeys1764201600650';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE subject_keys (
        subject_id     uuid        PRIMARY KEY,
        subject_kind   text        NOT NULL,
        wrapped_key    bytea       NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        erased_at      timestamptz NULL,
        erasure_reason text        NULL,
        erased_by      text        NULL,
        CONSTRAINT subject_keys_erased CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE subject_keys');
  }
}
