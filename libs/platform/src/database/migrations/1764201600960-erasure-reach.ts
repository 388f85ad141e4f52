import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Erasure that reaches every copy (README, "Erasure"):
 * - subject_keys.master_key_version: which master key version wraps each subject key (rotate-master-key);
 * - document_links: the linkage hash of an identity document, in a mutable table that erasure deletes; events
 *   hold only the random link_id. Backfilled from the VictimIdentified events that still carry `documentHash`
 *   (not for a person all of whose records were already erased); the case list and the statistics' units are
 *   re-keyed by link id, so no read table holds a hash any more;
 * - erasure_requests: an erasure asked for by one admin and executed when a second one approves it.
 */
export class ErasureReach1764201600960 implements MigrationInterface {
  name = 'ErasureReach1764201600960';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE subject_keys ADD COLUMN master_key_version integer NOT NULL DEFAULT 1;
      CREATE INDEX subject_keys_version_idx ON subject_keys (master_key_version) WHERE wrapped_key IS NOT NULL;

      CREATE TABLE document_links (
        link_id       uuid        PRIMARY KEY,
        document_hash text        NOT NULL UNIQUE,
        created_at    timestamptz NOT NULL DEFAULT now()
      );
      INSERT INTO document_links (link_id, document_hash)
      SELECT gen_random_uuid(), h.hash
        FROM (SELECT DISTINCT data->>'documentHash' AS hash FROM events
               WHERE event_type = 'VictimIdentified' AND coalesce(data->>'documentHash', '') <> '') h
       WHERE EXISTS (SELECT 1 FROM events e LEFT JOIN subject_keys k ON k.subject_id = (e.data->>'victimId')::uuid
                      WHERE e.event_type = 'VictimIdentified' AND e.data->>'documentHash' = h.hash AND k.erased_at IS NULL);

      CREATE INDEX events_victim_idx ON events ((data->>'victimId')) WHERE event_type = 'VictimIdentified';
      CREATE INDEX events_victim_link_idx ON events ((data->>'linkId')) WHERE event_type = 'VictimIdentified';
      CREATE INDEX events_victim_document_idx ON events ((data->>'documentHash')) WHERE event_type = 'VictimIdentified';

      ALTER TABLE case_list_victims ADD COLUMN link_id uuid NULL;
      UPDATE case_list_victims v SET link_id = l.link_id FROM document_links l WHERE v.document_hash = l.document_hash;
      ALTER TABLE case_list_victims DROP COLUMN document_hash;
      CREATE INDEX case_list_victims_link_idx ON case_list_victims (link_id) WHERE link_id IS NOT NULL;

      UPDATE stat_units u SET unit_key = 'victim:link:' || l.link_id FROM document_links l WHERE u.unit_key = 'victim:doc:' || l.document_hash;
      UPDATE stat_units SET unit_key = 'victim:erased:' || gen_random_uuid() WHERE unit_key LIKE 'victim:doc:%';

      CREATE TABLE erasure_requests (
        request_id   uuid        PRIMARY KEY,
        subject_id   uuid        NOT NULL,
        subject_kind text        NOT NULL,
        reason       text        NOT NULL,
        requested_by text        NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        status       text        NOT NULL CHECK (status IN ('pending', 'approved')),
        approved_by  text        NULL,
        approved_at  timestamptz NULL,
        erased       uuid[]      NOT NULL DEFAULT '{}',
        CONSTRAINT erasure_requests_approved CHECK ((status = 'approved') = (approved_by IS NOT NULL AND approved_at IS NOT NULL)),
        CONSTRAINT erasure_requests_two_people CHECK (approved_by IS NULL OR approved_by <> requested_by)
      );
      CREATE INDEX erasure_requests_subject_idx ON erasure_requests (subject_id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE erasure_requests;
      ALTER TABLE case_list_victims ADD COLUMN document_hash text NULL;
      UPDATE case_list_victims v SET document_hash = l.document_hash FROM document_links l WHERE v.link_id = l.link_id;
      ALTER TABLE case_list_victims DROP COLUMN link_id;
      UPDATE stat_units u SET unit_key = 'victim:doc:' || l.document_hash FROM document_links l WHERE u.unit_key = 'victim:link:' || l.link_id;
      DROP INDEX events_victim_idx; DROP INDEX events_victim_link_idx; DROP INDEX events_victim_document_idx;
      DROP TABLE document_links;
      DROP INDEX subject_keys_version_idx;
      ALTER TABLE subject_keys DROP COLUMN master_key_version;
    `);
  }
}
