import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Published reports: the exact bytes as issued, their SHA-256 and the log position they were taken at. Not a
 * read model (never rebuilt or truncated): an archive, append-only like the log itself.
 */
export class Publications1764201600510 implements MigrationInterface {
  name = 'Publications1764201600510';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE publications (
        publication_id uuid        PRIMARY KEY,
        kind           text        NOT NULL,
        period         text        NOT NULL,
        department     text,
        as_of_position bigint      NOT NULL,
        k              integer     NOT NULL,
        published_at   timestamptz NOT NULL,
        sha256         char(64)    NOT NULL,
        content        text        NOT NULL
      );
      CREATE INDEX publications_period_idx ON publications (kind, period);
      CREATE FUNCTION publications_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'publications are never changed (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER publications_no_update_delete BEFORE UPDATE OR DELETE ON publications
        FOR EACH ROW EXECUTE FUNCTION publications_are_immutable();
      CREATE TRIGGER publications_no_truncate BEFORE TRUNCATE ON publications
        FOR EACH STATEMENT EXECUTE FUNCTION publications_are_immutable();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE publications; DROP FUNCTION publications_are_immutable()');
  }
}
