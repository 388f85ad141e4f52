import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ANCHOR_SCHEMA_DOWN, ANCHOR_SCHEMA_UP } from '#event-store';

export class IntegrityAnchors1764201600700 implements MigrationInterface {
  name = 'IntegrityAnchors1764201600700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(ANCHOR_SCHEMA_UP);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(ANCHOR_SCHEMA_DOWN);
  }
}
