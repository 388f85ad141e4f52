import { appendOnlySql } from '#event-store';
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
      ${appendOnlySql('publications')}
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE publications');
  }
}
