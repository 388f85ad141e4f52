import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PG_POOL, prepareDatabase } from '#platform';
import { createTestApp, type TestApp } from '../support/app.js';
import { hotlineCall } from '../support/fixtures.js';

/**
 * The application serves as a role that may only read and append the log, the audit log, the publications and
 * the anchors: with its own credentials nobody can switch the append-only triggers off, rewrite what they
 * protect, or change the schema. The app under test connects exactly so (test/support/database.ts).
 */
describe('the serving role of the database', () => {
  let t: TestApp;
  let serving: pg.Client;
  const refused = async (sql: string, reason: RegExp) => {
    await serving.query('SAVEPOINT attempt');
    const error = await serving.query(sql).then(
      () => null,
      (e: unknown) => e as { code?: string; message: string },
    );
    await serving.query('ROLLBACK TO SAVEPOINT attempt');
    expect(error).not.toBeNull();
    expect(error!.code).toBe('42501'); // insufficient_privilege: refused by the privileges, not by the triggers
    expect(error!.message).toMatch(reason);
  };

  beforeAll(async () => {
    t = await createTestApp();
    await t
      .api('operator')
      .post('/api/v1/hotline-calls')
      .send(hotlineCall({ topic: 'information' }))
      .expect(201);
    await t.project(); // the projections write their read models and checkpoints as the serving role
    await t.api('admin').post('/api/v1/integrity/anchors').expect(201);
    await t.db.pool.query(`INSERT INTO audit_log (actor_subject, actor_role, action, record_type, record_id)
      VALUES ('test-admin', 'admin', 'read_personal_data', 'case', 'c-1')`);
    serving = new pg.Client({ connectionString: t.db.url });
    await serving.connect();
    await serving.query('BEGIN');
  });
  afterAll(async () => {
    await serving?.query('ROLLBACK').catch(() => undefined);
    await serving?.end();
    await t.close();
  });

  it('is what the application connects with: a login role that is neither superuser nor owner', async () => {
    const {
      rows: [app],
    } = await t.app.get<pg.Pool>(PG_POOL).query('SELECT current_user AS role');
    expect(app.role).toBe('registro_app');
    const {
      rows: [role],
    } = await serving.query(`SELECT current_user AS name, rolsuper, rolcreatedb, rolcreaterole, rolbypassrls
      FROM pg_roles WHERE rolname = current_user`);
    expect(role).toEqual({ name: 'registro_app', rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolbypassrls: false });
    const { rows: owned } = await serving.query(
      `SELECT relname FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)`,
    );
    expect(owned).toEqual([]);
  });

  it('cannot switch the append-only triggers off', async () => {
    for (const table of ['events', 'audit_log', 'publications', 'integrity_anchors', 'integrity_anchor_heads']) {
      await refused(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_no_update_delete`, new RegExp(`must be owner of table ${table}`));
      await refused(`DROP TRIGGER ${table}_no_update_delete ON ${table}`, new RegExp(`must be owner of (table|relation) ${table}`));
    }
    await refused('ALTER TABLE events DISABLE TRIGGER ALL', /must be owner of table events/);
    await refused('ALTER TABLE audit_log DISABLE TRIGGER audit_log_chain', /must be owner of table audit_log/);
  });

  it('cannot update, delete or truncate an event, an anchor, an audit entry or a publication', async () => {
    for (const table of ['events', 'audit_log', 'publications', 'integrity_anchors', 'integrity_anchor_heads']) {
      const column = {
        events: 'data',
        audit_log: 'purpose',
        publications: 'content',
        integrity_anchors: 'heads_hash',
        integrity_anchor_heads: 'hash',
      }[table];
      await refused(`UPDATE ${table} SET ${column} = ${column}`, new RegExp(`permission denied for table ${table}`));
      await refused(`DELETE FROM ${table}`, new RegExp(`permission denied for table ${table}`));
      await refused(`TRUNCATE ${table}`, new RegExp(`permission denied for table ${table}`));
    }
  });

  it('cannot create, alter or drop tables, nor create triggers or functions', async () => {
    await refused('CREATE TABLE smuggled (n int)', /permission denied for schema public/);
    await refused('CREATE FUNCTION smuggled() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$', /permission denied for schema public/);
    await refused('ALTER TABLE events ADD COLUMN smuggled int', /must be owner of table events/);
    await refused('DROP TABLE case_list', /must be owner of table case_list/);
    await refused(
      `CREATE TRIGGER smuggled BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`,
      /permission denied for table events/,
    );
  });

  it('still reads and appends the log and the audit log, and keeps the read models and checkpoints', async () => {
    expect((await serving.query('SELECT count(*)::int AS n FROM events')).rows[0].n).toBe(1);
    const audit = await serving.query(`INSERT INTO audit_log (actor_subject, actor_role, action, record_type, record_id)
      VALUES ('test-auditor', 'auditor', 'read_personal_data', 'case', 'c-2') RETURNING prev_hash, hash`);
    expect(audit.rows[0].prev_hash).toMatch(/^[0-9a-f]{64}$/);
    await serving.query('UPDATE projection_checkpoints SET updated_at = now()');
    await serving.query('DELETE FROM hotline_call_list');
    await serving.query('TRUNCATE hotline_call_facts');
  });
});

/** An external server: DATABASE_URL names a serving role that does not exist yet; the owner creates and grants it. */
describe('prepareDatabase on an external server', () => {
  it("creates a missing serving role with DATABASE_URL's password, without any power of its own, and grants it", async () => {
    const role = `registro_ext_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('base64url');
    const ownerUrl = new URL(process.env.TEST_DATABASE_URL!);
    const admin = new pg.Client({ connectionString: ownerUrl.toString() });
    await admin.connect();
    const database = `test_${randomBytes(6).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${database}`);
    ownerUrl.pathname = `/${database}`;
    const servingUrl = new URL(ownerUrl);
    servingUrl.username = role;
    servingUrl.password = password;
    const warnings: string[] = [];
    try {
      await prepareDatabase({ url: servingUrl.toString(), ownerUrl: ownerUrl.toString() }, (m) => warnings.push(m));
      expect(warnings).toEqual([]);
      const {
        rows: [created],
      } = await admin.query('SELECT rolcanlogin, rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = $1', [role]);
      expect(created).toEqual({ rolcanlogin: true, rolsuper: false, rolcreatedb: false, rolcreaterole: false });
      const serving = new pg.Client({ connectionString: servingUrl.toString() });
      await serving.connect();
      try {
        await serving.query(`INSERT INTO audit_log (actor_subject, actor_role, action, record_type, record_id)
          VALUES ('ext', 'admin', 'read_personal_data', 'case', 'c-1')`);
        await expect(serving.query("UPDATE audit_log SET purpose = 'x'")).rejects.toThrow(/permission denied for table audit_log/);
      } finally {
        await serving.end();
      }
      // A second start changes nothing and warns of nothing.
      expect(await prepareDatabase({ url: servingUrl.toString(), ownerUrl: ownerUrl.toString() }, (m) => warnings.push(m))).toEqual([]);
      expect(warnings).toEqual([]);
    } finally {
      await admin.query(`DROP DATABASE ${database} WITH (FORCE)`);
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
    }
  });

  it('warns when the application would connect as the owner of its tables (no MIGRATION_DATABASE_URL)', async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    const database = `test_${randomBytes(6).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${database}`);
    url.pathname = `/${database}`;
    const warnings: string[] = [];
    try {
      await prepareDatabase({ url: url.toString(), ownerUrl: url.toString() }, (m) => warnings.push(m));
      expect(warnings).toEqual([expect.stringMatching(/connects as the owner of its tables .*MIGRATION_DATABASE_URL/)]);
    } finally {
      await admin.query(`DROP DATABASE ${database} WITH (FORCE)`);
      await admin.end();
    }
  });
});
