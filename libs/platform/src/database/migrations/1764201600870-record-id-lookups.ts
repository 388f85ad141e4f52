import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ids handed out inside a case stream (victims, suspects, operations, the prosecution it links to) are new across
 * the registry: a command looks each one up in the log before appending (apps/api/src/shared/record-ids.ts).
 * Partial expression indexes keep that lookup an index scan on a log of millions of events.
 */
export class RecordIdLookups1764201600870 implements MigrationInterface {
  name = 'RecordIdLookups1764201600870';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX events_victim_id_idx ON events ((data->>'victimId')) WHERE event_type = 'VictimIdentified';
      CREATE INDEX events_suspect_id_idx ON events ((data->>'suspectId')) WHERE event_type = 'SuspectIdentified';
      CREATE INDEX events_operation_id_idx ON events ((data->>'operationId')) WHERE event_type = 'OperationConducted';
      CREATE INDEX events_referred_prosecution_id_idx ON events ((data->>'prosecutionId')) WHERE event_type = 'CaseReferredToProsecutor';
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX events_referred_prosecution_id_idx;
      DROP INDEX events_operation_id_idx;
      DROP INDEX events_suspect_id_idx;
      DROP INDEX events_victim_id_idx;
    `);
  }
}
