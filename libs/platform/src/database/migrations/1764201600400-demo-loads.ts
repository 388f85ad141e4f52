import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per finished demo load (seeds/demo): a later start finds its seed here and skips the demo at once,
 * while a load interrupted half-way (no row) runs again and is recognised request by request.
 */
export class DemoLoads1764201600400 implements MigrationInterface {
  name = 'DemoLoads1764201600400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE demo_loads (
        seed         integer     PRIMARY KEY,
        journeys     integer     NOT NULL,
        completed_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE demo_loads');
  }
}
