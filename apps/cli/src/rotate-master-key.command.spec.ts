import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readKeyring, singleKeyring, SubjectKeyStore, wrappersOf } from '#platform';
import { createTestDatabase, type TestDatabase } from '#test-support/database.js';
import { EXIT } from './cli-errors.js';
import { parseCommandLine } from './command-line.js';
import { runCli } from './main.js';
import { captureIO } from '#test-support/capture-io.js';

describe('rotate-master-key', () => {
  let db: TestDatabase;
  let dir: string;
  const masterKey = randomBytes(32);

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'registro-rotate-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.close();
  });

  it('parses its one option', () => {
    expect(parseCommandLine(['rotate-master-key'], { projections: [] })).toEqual({ command: 'rotate-master-key', batchSize: 500 });
    expect(parseCommandLine(['rotate-master-key', '--batch-size', '50'], { projections: [] })).toEqual({
      command: 'rotate-master-key',
      batchSize: 50,
    });
    expect(() => parseCommandLine(['rotate-master-key', '--batch-size', '0'], { projections: [] })).toThrow(/--batch-size/);
  });

  it('refuses MASTER_KEY alone (one fixed key), naming MASTER_KEYS_FILE', async () => {
    const run = captureIO();
    const env = { DATABASE_URL: db.url, MASTER_KEY: masterKey.toString('base64'), AUTH_JWT_SECRET: randomBytes(32).toString('base64url') };
    expect(await runCli(['rotate-master-key'], run.io, env)).toBe(EXIT.usage);
    expect(run.stderr()).toContain('MASTER_KEYS_FILE');
  });

  it('creates the keyring from MASTER_KEY, re-wraps every subject key under version 2 with progress, and retires version 1', async () => {
    const keys = new SubjectKeyStore(db.pool, wrappersOf(singleKeyring(masterKey)), singleKeyring(masterKey).linkageKey);
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const ring = await keys.keyring({ create: ids.map((id) => ({ id, kind: 'victim' as const })) });
    const sealed = ids.map((id) => ring.seal(id, `nombre ${id}`, 'ctx'));
    const file = join(dir, 'master-keys.json');
    const env = {
      DATABASE_URL: db.url,
      MASTER_KEY: masterKey.toString('base64'),
      MASTER_KEYS_FILE: file,
      BACKUP_RETENTION_DAYS: '7',
      AUTH_JWT_SECRET: randomBytes(32).toString('base64url'),
    };
    const run = captureIO();
    expect(await runCli(['rotate-master-key', '--batch-size', '2'], run.io, env)).toBe(EXIT.ok);
    const result = JSON.parse(run.stdout());
    expect(result).toMatchObject({ version: 2, retired: [1], rewrapped: 3 });
    expect(Date.parse(result.backupsDeleteBy) - Date.parse(result.rotatedAt)).toBe(7 * 86_400_000);
    expect(run.stderr()).toContain('re-wrapped 3/3');
    const keyring = readKeyring(file);
    expect([...keyring.keys.keys()]).toEqual([2]);
    const after = await new SubjectKeyStore(db.pool, wrappersOf(keyring), keyring.linkageKey).keyring({ load: ids });
    expect(ids.map((id, i) => after.unseal(id, sealed[i], 'ctx'))).toEqual(ids.map((id) => `nombre ${id}`));
    // The old master key opens nothing any more: every wrapped key is now under version 2.
    await expect(keys.keyring({ load: ids })).rejects.toThrow(/version 2 is not in the keyring/);
  });
});
