import type { MigrationInterface, QueryRunner } from 'typeorm';
import { EVENT_STORE_SCHEMA_DOWN, EVENT_STORE_SCHEMA_UP } from '#event-store';

export class EventStore1764201600000 implements MigrationInterface {
  name = 'EventStore1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(EVENT_STORE_SCHEMA_UP);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(EVENT_STORE_SCHEMA_DOWN);
  }
}
