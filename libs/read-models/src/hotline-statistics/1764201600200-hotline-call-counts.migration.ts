import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Pre-aggregated counts for the hotline statistics, filled from the facts already projected. */
export class HotlineCallCounts1764201600200 implements MigrationInterface {
  name = 'HotlineCallCounts1764201600200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE hotline_call_counts (
        received_month      char(7) NOT NULL,
        department          text    NOT NULL,
        received            integer NOT NULL,
        trafficking_related integer NOT NULL,
        closed              integer NOT NULL,
        PRIMARY KEY (received_month, department)
      );
      INSERT INTO hotline_call_counts
      SELECT received_month, department, count(*), count(*) FILTER (WHERE trafficking_related), count(*) FILTER (WHERE closed)
        FROM hotline_call_facts GROUP BY received_month, department;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE hotline_call_counts');
  }
}
