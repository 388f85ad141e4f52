import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { loadConfig } from '#platform';
import { createApp } from '../../apps/api/src/create-app.js';
import { verifyBackupFile } from '../../apps/cli/src/backup/backup-file.js';
import { SOURCE_TABLES, unclassifiedTables } from '../../apps/cli/src/backup/backup-tables.js';
import { schemaTables } from '../../apps/cli/src/backup.command.js';
import { EXIT } from '../../apps/cli/src/cli-errors.js';
import { runCli } from '../../apps/cli/src/main.js';
import { advanceTransactionIds } from '../../apps/cli/src/restore.command.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testAnchorExport } from '../support/anchors.js';
import { captureIO } from '../support/capture-io.js';
import { createTestDatabase, waitUntilLogVisible, type TestDatabase } from '../support/database.js';
import { callReferral, caseRegistration, hotlineCall, victim } from '../support/fixtures.js';
import { signTestToken } from '../support/tokens.js';

const NAME = 'Rosa Quispe Mamani';
const PURPOSE = 'Verificación tras restaurar una copia';
const MONTHLY = '/api/v1/statistics/monthly?year=2025&month=3';
const HOTLINE = '/api/v1/statistics/hotline?from=2025-01&to=2025-12&by=month';
const REFERRALS = '/api/v1/statistics/referrals?from=2025-01&to=2025-12&by=destination';

/** The rows of the source-of-truth tables, in the backup's order: what a restore must reproduce exactly. */
async function sourceRows(db: TestDatabase): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of SOURCE_TABLES) {
    tables[table.name] = (await db.pool.query(`SELECT to_jsonb(t)::text AS row FROM ${table.name} t ORDER BY ${table.orderBy}`)).rows;
  }
  return tables;
}

describe('npm run cli -- backup / restore', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'registro-backup-'));
  const file = join(dir, 'registro.backup.jsonl');
  const anchors = testAnchorExport();
  const masterKey = randomBytes(32).toString('base64');
  let secret: string;
  let caseId: string;
  let position: number;
  const statistics: Record<string, unknown> = {};
  const env = (db: TestDatabase): NodeJS.ProcessEnv => ({
    DATABASE_URL: db.url,
    MIGRATION_DATABASE_URL: db.ownerUrl,
    MASTER_KEY: masterKey,
    AUTH_JWT_SECRET: secret,
    ...anchors.env,
  });
  const cli = async (args: string[], db: TestDatabase) => {
    const io = captureIO();
    const exitCode = await runCli(args, io.io, env(db));
    return { exitCode, stdout: io.stdout(), stderr: io.stderr() };
  };
  const readStatistics = async (api: (path: string) => request.Test) => {
    const read: Record<string, unknown> = {};
    for (const url of [MONTHLY, HOTLINE, REFERRALS]) {
      read[url] = (await api(url).expect(200)).body;
      read[`${url}&asOf`] = (await api(`${url}&asOf=${position}`).expect(200)).body;
    }
    return read;
  };

  beforeAll(async () => {
    t = await createTestApp({ MASTER_KEY: masterKey, ...anchors.env });
    secret = t.secret;
    const post = async (path: string, body: object, role: 'admin' | 'analyst' = 'admin') => {
      const response = await t.api(role).post(`/api/v1${path}`).send(body);
      if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    };
    for (let i = 0; i < 12; i++) {
      const { callId } = await post(
        '/hotline-calls',
        hotlineCall({ receivedAt: `2025-03-${String(3 + i).padStart(2, '0')}T09:00:00-05:00`, callerUbigeo: i % 2 ? '150101' : '080101' }),
      );
      if (i % 3 !== 0)
        await post(
          `/hotline-calls/${callId}/referrals`,
          callReferral({ referredAt: `2025-03-${String(3 + i).padStart(2, '0')}T11:00:00-05:00` }),
        );
    }
    caseId = (
      await post(
        '/cases',
        caseRegistration({
          registeredAt: '2025-03-20T10:00:00-05:00',
          victims: [victim({ age: 24, fullName: NAME, documentType: 'DNI', documentNumber: '41234567' })],
        }),
      )
    ).caseId;
    await t.project();
    // An audited read of personal data, a release point, a publication, and an anchor taken and exported by verify.
    expect(
      (await t.api('admin').get(`/api/v1/cases/${caseId}`).set('X-Purpose', PURPOSE).expect(200)).body.victims[0].personal.fullName,
    ).toBe(NAME);
    await t.api('admin').post('/api/v1/statistics/release-points').expect(201);
    await post('/publications', { publicationId: randomUUID(), kind: 'monthly', period: '2025-03' }, 'analyst');
    expect((await cli(['verify'], t.db)).exitCode).toBe(EXIT.ok);
    await waitUntilLogVisible(t.db.pool);
    position = (await t.api('admin').get(MONTHLY).expect(200)).body.asOfPosition as number;
    Object.assign(statistics, await readStatistics((url) => t.api('admin').get(url)));
    expect((statistics[HOTLINE] as { total: { received: number } }).total.received).toBe(12);
  });
  afterAll(async () => t.close());

  it('classifies every table of the schema as backed up, rebuilt or left out', async () => {
    expect(unclassifiedTables(await schemaTables(t.db.pool))).toEqual([]);
    expect(unclassifiedTables([...(await schemaTables(t.db.pool)), 'a_new_table'])).toEqual(['a_new_table']);
  });

  it('restores into a new database: same rows, same statistics, personal data opens, verify passes', async () => {
    const backup = await cli(['backup', '--out', file], t.db);
    expect(backup.exitCode).toBe(EXIT.ok);
    const events = Number((await t.db.pool.query('SELECT count(*) AS n FROM events')).rows[0].n);
    expect(backup.stdout).toMatch(new RegExp(`events +${events} filas/rows +sha256 [0-9a-f]{64}`));
    const manifest = await verifyBackupFile(file);
    expect(manifest.logHead.events).toBe(events);
    expect(manifest.parts.map((p) => p.name)).toEqual(SOURCE_TABLES.map((s) => s.name));
    expect(manifest.parts.find((p) => p.name === 'audit_log')!.rows).toBeGreaterThan(0);
    expect(manifest.parts.find((p) => p.name === 'integrity_anchors')!.rows).toBe(1);
    expect(manifest.parts.find((p) => p.name === 'publications')!.rows).toBe(1);
    // No personal data in clear in the file: it holds the log as stored, sealed.
    expect(readFileSync(file, 'utf8')).not.toContain('Quispe');

    const target = await createTestDatabase(4);
    let app: INestApplication | null = null;
    try {
      const restore = await cli(['restore', '--in', file], target);
      expect(restore.stderr).toContain('checking the checksums');
      expect(restore.exitCode).toBe(EXIT.ok);
      expect(restore.stdout).toMatch(/official-statistics: \d+ eventos\/events/);
      expect(await sourceRows(target)).toEqual(await sourceRows(t.db));

      // New appends continue after the restored positions and ids.
      const config = loadConfig(
        { SEED_DEMO: 'false', RUN_PROJECTIONS: 'false', MASTER_KEY: masterKey, AUTH_JWT_SECRET: secret, ...anchors.env },
        [],
      );
      app = await createApp(config, target, false);
      await app.init();
      const server = app.getHttpServer();
      const api = (path: string) =>
        request(server)
          .get(path)
          .set('Authorization', `Bearer ${signTestToken(secret, 'admin')}`);
      expect(await readStatistics(api)).toEqual(statistics);
      const read = await api(`/api/v1/cases/${caseId}`).set('X-Purpose', PURPOSE).expect(200);
      expect(read.body.victims[0].personal).toMatchObject({ fullName: NAME, documentNumber: '41234567' });

      const verify = await cli(['verify'], target);
      expect(verify.stdout).toContain('hash chains intact');
      expect(verify.stdout).toMatch(/audit log intact: [1-9]/);
      expect(verify.stdout).toMatch(/exported anchors match: 1 /);
      expect(verify.exitCode).toBe(EXIT.ok);

      await request(server)
        .post('/api/v1/hotline-calls')
        .set('Authorization', `Bearer ${signTestToken(secret, 'operator')}`)
        .send(hotlineCall())
        .expect(201);
      const { rows } = await target.pool.query<{ p: string }>('SELECT min(global_position) AS p FROM events WHERE global_position > $1', [
        manifest.logHead.globalPosition,
      ]);
      expect(Number(rows[0].p)).toBe(manifest.logHead.globalPosition + 1);

      // A second restore into the now populated database is refused, and changes nothing.
      const again = await cli(['restore', '--in', file], target);
      expect(again.exitCode).toBe(EXIT.usage);
      expect(again.stderr).toContain('the target database is not empty: events (');
      expect(Number((await target.pool.query('SELECT count(*) AS n FROM events')).rows[0].n)).toBeGreaterThan(events);
    } finally {
      await app?.close();
      await target.close();
    }
  });

  it('refuses a backup with one byte changed, before loading anything', async () => {
    const bytes = readFileSync(file);
    const text = bytes.toString('utf8');
    const at = text.indexOf('"stream_id"', text.indexOf('{"part":"events"') + 200) + 14;
    const damaged = Buffer.from(bytes);
    damaged[at] = damaged[at] === 0x61 ? 0x62 : 0x61;
    const damagedFile = join(dir, 'damaged.jsonl');
    writeFileSync(damagedFile, damaged);
    const target = await createTestDatabase(2);
    try {
      const restore = await cli(['restore', '--in', damagedFile], target);
      expect(restore.exitCode).toBe(EXIT.integrity);
      expect(restore.stderr).toContain('the backup is damaged or altered: part "events" does not match its SHA-256 checksum');
      expect(Number((await target.pool.query('SELECT count(*) AS n FROM events')).rows[0].n)).toBe(0);
    } finally {
      await target.close();
    }
  });

  it('refuses to restore without the master keyring the subject keys are wrapped with, or with another one', async () => {
    const target = await createTestDatabase(2);
    try {
      const io = captureIO();
      const { MASTER_KEY: _unused, ...withoutKey } = env(target);
      const missing = await runCli(['restore', '--in', file], io.io, { ...withoutKey, MASTER_KEYS_FILE: join(dir, 'absent-keys.json') });
      expect(missing).toBe(EXIT.usage);
      expect(io.stderr()).toContain('restore the master keys file kept with the backup too');
      const other = captureIO();
      const wrong = await runCli(['restore', '--in', file], other.io, { ...env(target), MASTER_KEY: randomBytes(32).toString('base64') });
      expect(wrong).toBe(EXIT.integrity);
      expect(other.stderr()).toContain("this is not the backup's keyring");
      expect(Number((await target.pool.query('SELECT count(*) AS n FROM events')).rows[0].n)).toBe(0);
    } finally {
      await target.close();
    }
  });

  it('writes a gzip-compressed backup for a .gz name, with the same rows', async () => {
    const gz = join(dir, 'registro.backup.jsonl.gz');
    expect((await cli(['backup', '--out', gz], t.db)).exitCode).toBe(EXIT.ok);
    expect(readFileSync(gz).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const plain = await verifyBackupFile(file);
    const compressed = await verifyBackupFile(gz);
    expect(compressed.parts.map((p) => [p.name, p.rows])).toEqual(plain.parts.map((p) => [p.name, p.rows]));
    // Never overwrites a file.
    const again = await cli(['backup', '--out', gz], t.db);
    expect(again.exitCode).toBe(EXIT.usage);
    expect(again.stderr).toContain('already exists');
  });

  it('warns when the exported anchors go on past the backup, and verify then names the anchor it lacks', async () => {
    await t.api('admin').post('/api/v1/integrity/anchors').expect(201); // the registry went on after the backup
    const target = await createTestDatabase(2);
    try {
      const restore = await cli(['restore', '--in', file], target);
      expect(restore.exitCode).toBe(EXIT.ok);
      expect(restore.stderr).toContain("holds 1 anchors exported after this backup's anchor 1");
      const verify = await cli(['verify'], target);
      expect(verify.exitCode).toBe(EXIT.integrity);
      expect(verify.stdout).toMatch(/anchor_missing/);
      // Verified against the export cut at the backup's last anchor, the restored registry is intact.
      const cut = join(dir, 'anchors-up-to-backup.jsonl');
      writeFileSync(cut, readFileSync(anchors.env.ANCHOR_EXPORT_FILE, 'utf8').split('\n').slice(0, 1).join('\n') + '\n');
      const verifyCut = await cli(['verify', '--anchors', cut], target);
      expect(verifyCut.stdout).toMatch(/exported anchors match: 1 /);
      expect(verifyCut.exitCode).toBe(EXIT.ok);
    } finally {
      await target.close();
    }
  });

  it("moves a new server's transaction counter past the backup's, so the restored log is visible to readers", async () => {
    const client = await t.db.pool.connect();
    try {
      const now = BigInt((await client.query<{ x: string }>('SELECT pg_current_xact_id()::text AS x')).rows[0].x);
      await advanceTransactionIds(client, now + 1500n, () => undefined);
      const after = BigInt((await client.query<{ x: string }>('SELECT pg_current_xact_id()::text AS x')).rows[0].x);
      expect(after > now + 1500n).toBe(true);
    } finally {
      client.release();
    }
  });
});
