import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '#test-support/database.js';
import { linkageKeyOf } from './document-linkage.js';
import { LocalKeyWrapper } from './key-wrapper.js';
import { SubjectKeyStore } from './subject-key-store.js';

describe('subject keys in PostgreSQL', () => {
  let db: TestDatabase;
  let store: SubjectKeyStore;
  const master = randomBytes(32);

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new SubjectKeyStore(db.pool, new LocalKeyWrapper(master), linkageKeyOf(master));
  });
  afterAll(async () => db.close());

  it('creates one key per subject and reuses it on a retry, also when two commands race', async () => {
    const victimId = randomUUID();
    const [a, b] = await Promise.all([
      store.keyring({ create: [{ id: victimId, kind: 'victim' }] }),
      store.keyring({ create: [{ id: victimId.toUpperCase(), kind: 'victim' }] }),
    ]);
    const c = await store.keyring({ load: [victimId] });
    const sealed = a.seal(victimId, 'Rosa Mamani', 'ctx');
    expect(b.seal(victimId, 'Rosa Mamani', 'ctx')).toBe(sealed);
    expect(c.unseal(victimId, sealed, 'ctx')).toBe('Rosa Mamani');
    const { rows } = await db.pool.query('SELECT subject_kind, length(wrapped_key) AS n FROM subject_keys WHERE subject_id = $1', [
      victimId,
    ]);
    expect(rows).toEqual([{ subject_kind: 'victim', n: 60 }]);
  });

  it('erases by destroying the wrapped key, idempotently, and knows no unknown subject', async () => {
    const callId = randomUUID();
    const before = await store.keyring({ create: [{ id: callId, kind: 'caller' }] });
    const sealed = before.seal(callId, 'resumen', 'ctx');
    const first = await store.erase(callId, 'Solicitud del titular (Ley 29733)', 'admin-1');
    expect(first).toMatchObject({
      subjectId: callId,
      subjectKind: 'caller',
      reason: 'Solicitud del titular (Ley 29733)',
      erasedBy: 'admin-1',
    });
    expect(await store.erase(callId, 'otra razón', 'admin-2')).toEqual(first);
    const after = await store.keyring({ create: [{ id: callId, kind: 'caller' }] });
    expect(after.unseal(callId, sealed, 'ctx')).toBeNull();
    expect(after.isErased(callId)).toBe(true);
    const { rows } = await db.pool.query('SELECT wrapped_key FROM subject_keys WHERE subject_id = $1', [callId]);
    expect(rows).toEqual([{ wrapped_key: null }]);
    expect(await store.erase(randomUUID(), 'razón legal', 'admin')).toBeNull();
    expect(await store.erase('not-a-uuid', 'razón legal', 'admin')).toBeNull();
  });

  it('ignores ids that are not UUIDs (the decider refuses such commands itself)', async () => {
    const ring = await store.keyring({ create: [{ id: 'x', kind: 'victim' }], load: ['y'] });
    expect(ring.erased.size).toBe(0);
  });
});
