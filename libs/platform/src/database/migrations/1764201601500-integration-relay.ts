import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The integration-event relay (issue 15): its own checkpoint in the gap-safe order of the log (advanced only after
 * the broker acknowledged a batch, so a crash re-sends rather than loses: delivery is at least once), and the
 * events the broker kept rejecting (dead letters), kept so an operator can see and re-send them. Only ids,
 * positions, codes and an error's sanitised message: no event data, no personal field.
 */
export class IntegrationRelay1764201601500 implements MigrationInterface {
  name = 'IntegrationRelay1764201601500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE integration_relay_checkpoints (
        relay_name       text PRIMARY KEY,
        transaction_id   xid8        NOT NULL DEFAULT '0',
        global_position  bigint      NOT NULL DEFAULT 0,
        events_published bigint      NOT NULL DEFAULT 0,
        updated_at       timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE integration_dead_letters (
        dead_letter_id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        relay_name       text        NOT NULL,
        event_id         uuid        NOT NULL,
        global_position  bigint      NOT NULL,
        event_type       text        NOT NULL,
        error            text        NOT NULL CHECK (char_length(error) <= 300),
        attempts         integer     NOT NULL,
        dead_lettered_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE integration_dead_letters; DROP TABLE integration_relay_checkpoints');
  }
}
