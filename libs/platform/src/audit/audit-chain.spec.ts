import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource, migrate, MIGRATIONS } from '../database/data-source.js';
import { AuditChain1764201600830 } from '../database/migrations/1764201600830-audit-chain.js';
import { AuditLog } from './audit-log.js';
import { verifyAuditChain } from './audit-chain.js';

/** Values whose JSON escaping must agree between the chain trigger (PostgreSQL) and the verification (JavaScript). */
const AWKWARD = [
  'comillas "dobles" y \\\\ barra',
  'tab\there, new\nline, cr\r, bell\u0007, unit sep\u001f, del\u007f',
  'ñandú, Ñuñoa, Cusqueño — “tipográficas”',
  'emoji 🧭 y 𝄞',
  'runa simi: Qosqo',
  '/slash/ and \u2028 separator',
];

describe('the audit log hash chain', () => {
  let url: string;
  let pool: pg.Pool;

  beforeAll(async () => {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const parsed = new URL(adminUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    // The schema of the previous version (every migration but the chain), with entries already written.
    const previous = new DataSource({
      ...createDataSource(url, 1).options,
      migrations: MIGRATIONS.filter((m) => m !== AuditChain1764201600830),
    } as never);
    await previous.initialize();
    await previous.runMigrations({ transaction: 'each' });
    for (const [i, purpose] of AWKWARD.entries()) {
      await previous.query(
        `INSERT INTO audit_log (actor_subject, actor_role, action, record_type, record_id, purpose, request_id)
        VALUES ($1, 'police', 'read_personal_data', 'case', $2, $3, $4)`,
        [`legacy-${i}`, i % 2 ? null : `c-${i}`, purpose, i % 3 ? null : `r-${i}`],
      );
    }
    await previous.destroy();
    pool = new pg.Pool({ connectionString: url, max: 4 });
  });
  afterAll(async () => pool?.end());

  it('chains the entries an earlier version wrote when the migration runs, and the chain checks out', async () => {
    const dataSource = await createDataSource(url, 1).initialize();
    expect(await migrate(dataSource)).toEqual(['AuditChain1764201600830']);
    await dataSource.destroy();
    const { rows } = await pool.query('SELECT audit_id, prev_hash, hash FROM audit_log ORDER BY audit_id');
    expect(rows).toHaveLength(AWKWARD.length);
    expect(rows[0].prev_hash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    expect(await verifyAuditChain(pool)).toEqual({
      ok: true,
      entriesChecked: AWKWARD.length,
      head: { auditId: Number(rows.at(-1).audit_id), hash: rows.at(-1).hash },
      firstBrokenLink: null,
    });
  });

  it('chains new entries, written concurrently, in audit_id order, with the same bytes as the JavaScript check', async () => {
    const audit = new AuditLog(pool);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        audit.record({
          actorSubject: `actor-${i}`,
          actorRole: 'auditor',
          action: 'search_personal_data',
          recordType: 'case',
          recordId: null,
          purpose: AWKWARD[i % AWKWARD.length],
          requestId: `req-${i}`,
        }),
      ),
    );
    const report = await verifyAuditChain(pool, 7); // small pages: the walk crosses page boundaries
    expect(report).toMatchObject({ ok: true, entriesChecked: AWKWARD.length + 40, firstBrokenLink: null });
  });

  it('names an altered entry (hash_mismatch) and the entry after a removed one (prev_hash_mismatch)', async () => {
    const ids = (await pool.query('SELECT audit_id FROM audit_log ORDER BY audit_id')).rows.map((r) => Number(r.audit_id));
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
      await client.query("UPDATE audit_log SET actor_subject = 'someone-else' WHERE audit_id = $1", [ids[3]]);
      expect(await verifyAuditChainIn(client)).toMatchObject({
        ok: false,
        entriesChecked: 3,
        firstBrokenLink: { auditId: ids[3], reason: 'hash_mismatch' },
      });
      await client.query('ROLLBACK');
      // Which people a read disclosed is covered too: hiding a subject from "who saw her" breaks the chain.
      await client.query('BEGIN');
      await client.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
      await client.query("UPDATE audit_log SET subject_ids = '{00000000-0000-4000-8000-000000000001}' WHERE audit_id = $1", [ids[4]]);
      expect(await verifyAuditChainIn(client)).toMatchObject({ ok: false, firstBrokenLink: { auditId: ids[4], reason: 'hash_mismatch' } });
      await client.query('ROLLBACK');
      await client.query('BEGIN');
      await client.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
      await client.query('DELETE FROM audit_log WHERE audit_id = $1', [ids[5]]);
      expect(await verifyAuditChainIn(client)).toMatchObject({
        ok: false,
        firstBrokenLink: { auditId: ids[6], reason: 'prev_hash_mismatch' },
      });
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect((await verifyAuditChain(pool)).ok).toBe(true);
  });
});

/** The check run inside an open transaction (its tampering is rolled back afterwards). */
function verifyAuditChainIn(client: pg.PoolClient) {
  return verifyAuditChain({ query: client.query.bind(client) } as unknown as pg.Pool);
}
