import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_CHAIN_LOCK } from '../../audit/audit-chain.js';

/**
 * The audit log becomes a hash chain like the event log: each entry carries prev_hash (the previous entry's hash,
 * zeros for the first) and hash = sha256(prev_hash ‖ '\n' ‖ canonical entry), so an entry altered or removed by
 * someone with the owner's rights breaks the chain at the next one (verify: audit-chain.ts recomputes it in
 * JavaScript, independently of this SQL). A BEFORE INSERT trigger fills both, under an advisory lock held to
 * commit, and numbers the entry under that lock, so audit_id order is chain order; no writer chooses a hash.
 * Entries written by an earlier version are chained here, in audit_id order.
 */
export class AuditChain1764201600830 implements MigrationInterface {
  name = 'AuditChain1764201600830';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE audit_log ADD COLUMN prev_hash char(64), ADD COLUMN hash char(64);

      -- The bytes an entry's hash covers: its id, its instant in microseconds and every other column as JSON.
      CREATE FUNCTION audit_log_canonical(entry audit_log) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT concat_ws(E'\\t', entry.audit_id::text, ((extract(epoch FROM entry.at) * 1000000)::bigint)::text,
          coalesce(to_json(entry.actor_subject)::text, 'null'), coalesce(to_json(entry.actor_role)::text, 'null'),
          coalesce(to_json(entry.action)::text, 'null'), coalesce(to_json(entry.record_type)::text, 'null'),
          coalesce(to_json(entry.record_id)::text, 'null'), coalesce(to_json(entry.purpose)::text, 'null'),
          coalesce(to_json(entry.request_id)::text, 'null'), coalesce(to_json(entry.subject_ids)::text, 'null'))
      $$;

      CREATE FUNCTION chain_audit_log() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        previous char(64);
      BEGIN
        PERFORM pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK});
        NEW.audit_id := nextval(pg_get_serial_sequence('audit_log', 'audit_id'));
        SELECT hash INTO previous FROM audit_log ORDER BY audit_id DESC LIMIT 1;
        NEW.prev_hash := coalesce(previous, repeat('0', 64));
        NEW.hash := encode(sha256(convert_to(NEW.prev_hash || E'\\n' || audit_log_canonical(NEW), 'UTF8')), 'hex');
        RETURN NEW;
      END $$;

      ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete;
      DO $$
      DECLARE
        entry audit_log;
        previous char(64) := repeat('0', 64);
      BEGIN
        FOR entry IN SELECT * FROM audit_log ORDER BY audit_id LOOP
          entry.prev_hash := previous;
          previous := encode(sha256(convert_to(previous || E'\\n' || audit_log_canonical(entry), 'UTF8')), 'hex');
          UPDATE audit_log SET prev_hash = entry.prev_hash, hash = previous WHERE audit_id = entry.audit_id;
        END LOOP;
      END $$;
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete;

      ALTER TABLE audit_log ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL;
      CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION chain_audit_log();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER audit_log_chain ON audit_log;
      DROP FUNCTION chain_audit_log();
      DROP FUNCTION audit_log_canonical(audit_log);
      ALTER TABLE audit_log DROP COLUMN prev_hash, DROP COLUMN hash;
    `);
  }
}
