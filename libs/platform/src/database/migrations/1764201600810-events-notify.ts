import type { MigrationInterface, QueryRunner } from 'typeorm';
import { EVENTS_NOTIFY_DOWN, EVENTS_NOTIFY_UP } from '#event-store';

/** NOTIFY on every append, so projections catch up right after a write (read-your-writes, minPosition). */
export class EventsNotify1764201600810 implements MigrationInterface {
  name = 'EventsNotify1764201600810';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(EVENTS_NOTIFY_UP);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(EVENTS_NOTIFY_DOWN);
  }
}
