import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '#test-support/database.js';
import { linkageKeyOf } from './document-linkage.js';
import { FieldSealer } from './field-sealer.js';
import { LocalKeyWrapper } from './key-wrapper.js';
import { rotateMasterKey } from './master-key-rotation.js';
import { loadMasterKeyring, readKeyring, wrappersOf } from './master-keyring.js';
import { SubjectKeyStore } from './subject-key-store.js';

describe('master keys with versions, and their rotation', () => {
  let db: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'registro-keys-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.close();
  });

  it('migrates the old single master.key into a versioned keyring that opens what it sealed', () => {
    const dataDir = mkdtempSync(join(dir, 'legacy-'));
    const old = randomBytes(32);
    writeFileSync(join(dataDir, 'master.key'), old.toString('base64'));
    const v1 = new FieldSealer(old).seal('resumen antiguo', 'call:1:summary');
    const keyring = loadMasterKeyring({ masterKey: null, keyringFile: null, dataDir });
    expect(keyring.current).toBe(1);
    expect(keyring.keys.get(1)).toEqual(old);
    expect(keyring.linkageKey).toEqual(linkageKeyOf(old));
    expect(new FieldSealer(keyring.legacyFieldKeys).unseal(v1, 'call:1:summary')).toBe('resumen antiguo');
    // The single-key file is gone: version 1 lives only in the keyring now, which a rotation can retire.
    expect(existsSync(join(dataDir, 'master.key'))).toBe(false);
    expect(readKeyring(join(dataDir, 'master-keys.json')).keys.get(1)).toEqual(old);
    expect(loadMasterKeyring({ masterKey: null, keyringFile: null, dataDir }).keys.get(1)).toEqual(old);
  });

  it('re-wraps every subject key under a new version and retires the old one: a backup from before the erasure opens nothing', async () => {
    const file = join(dir, 'rotation.json');
    const keyring = loadMasterKeyring({ masterKey: randomBytes(32).toString('base64'), keyringFile: file, dataDir: dir });
    const oldMaster = keyring.keys.get(1)!;
    const store = new SubjectKeyStore(db.pool, wrappersOf(keyring), keyring.linkageKey);
    const kept = randomUUID();
    const erased = randomUUID();
    const ring = await store.keyring({
      create: [
        { id: kept, kind: 'victim' },
        { id: erased, kind: 'victim' },
      ],
    });
    const sealedKept = ring.seal(kept, 'Rosa Mamani', 'ctx');
    const sealedErased = ring.seal(erased, 'Juana Quispe', 'ctx');
    // The backup an attacker holds: taken before the erasure, with the master key of its day.
    const { rows: backup } = await db.pool.query<{ subject_id: string; wrapped_key: Buffer }>(
      'SELECT subject_id, wrapped_key FROM subject_keys WHERE subject_id = ANY($1::uuid[])',
      [[kept, erased]],
    );
    const backupOf = (id: string) => backup.find((r) => r.subject_id === id)!.wrapped_key;
    expect(await new LocalKeyWrapper(oldMaster).unwrap(backupOf(erased))).toHaveLength(32); // today: it opens
    await store.erase(erased, 'Ley 29733 art. 20', 'admin-1');

    const progress: Array<[number, number]> = [];
    const result = await rotateMasterKey(db.pool, keyring, file, { batchSize: 1, progress: (done, total) => progress.push([done, total]) });
    expect(result).toMatchObject({ version: 2, retired: [1] });
    expect(result.rewrapped).toBeGreaterThanOrEqual(1);
    expect(progress.at(-1)![0]).toBe(result.rewrapped);

    const rotated = readKeyring(file);
    expect([...rotated.keys.keys()]).toEqual([2]);
    expect(readFileSync(file, 'utf8')).not.toContain(oldMaster.toString('base64'));
    const { rows } = await db.pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM subject_keys WHERE wrapped_key IS NOT NULL AND master_key_version <> 2',
    );
    expect(rows[0].n).toBe('0');
    // The kept subject still opens with the rotated keyring; the linkage key is unchanged.
    const after = new SubjectKeyStore(db.pool, wrappersOf(rotated), rotated.linkageKey);
    expect((await after.keyring({ load: [kept] })).unseal(kept, sealedKept, 'ctx')).toBe('Rosa Mamani');
    expect(rotated.linkageKey).toEqual(keyring.linkageKey);
    expect((await after.keyring({ load: [erased] })).unseal(erased, sealedErased, 'ctx')).toBeNull();
    // No key the keyring still holds opens the backup's wrapped key of the erased subject.
    for (const master of rotated.keys.values()) {
      await expect(new LocalKeyWrapper(master).unwrap(backupOf(erased))).rejects.toThrow();
    }
  });

  it('keeps every subject key readable when a rotation stops half-way (old and new versions both held)', async () => {
    const file = join(dir, 'half.json');
    const keyring = loadMasterKeyring({ masterKey: null, keyringFile: file, dataDir: dir });
    const store = new SubjectKeyStore(db.pool, wrappersOf(keyring), keyring.linkageKey);
    const id = randomUUID();
    const sealed = (await store.keyring({ create: [{ id, kind: 'caller' }] })).seal(id, 'texto', 'ctx');
    const pool = {
      connect: () => Promise.reject(new Error('connection lost')),
      query: db.pool.query.bind(db.pool),
    } as unknown as typeof db.pool;
    await expect(rotateMasterKey(pool, readKeyring(file), file)).rejects.toThrow('connection lost');
    const halfway = readKeyring(file);
    expect(halfway.current).toBeGreaterThan(keyring.current);
    expect(halfway.keys.has(keyring.current)).toBe(true);
    const reader = new SubjectKeyStore(db.pool, wrappersOf(halfway), halfway.linkageKey);
    expect((await reader.keyring({ load: [id] })).unseal(id, sealed, 'ctx')).toBe('texto');
  });
});
