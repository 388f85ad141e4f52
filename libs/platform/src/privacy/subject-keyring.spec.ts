import { describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { documentHashOf, linkageKeyOf, normalizeDocumentNumber } from './document-linkage.js';
import { FieldSealer } from './field-sealer.js';
import { LocalKeyWrapper } from './key-wrapper.js';
import { PersonalDataErased, SubjectKeyNotLoaded, SubjectKeyring, type SubjectKey } from './subject-keyring.js';

const master = randomBytes(32);
const alice = randomUUID();
const bruno = randomUUID();
const keyring = (keys: Record<string, SubjectKey>) =>
  new SubjectKeyring(new Map(Object.entries(keys)), linkageKeyOf(master), new FieldSealer(master));
const active = (): SubjectKey => ({ status: 'active', dataKey: randomBytes(32) });

describe('sealing under per-subject keys', () => {
  const keys = { [alice]: active(), [bruno]: active() };
  const ring = keyring(keys);

  it('round-trips, and the sealed value names its version and subject and holds no clear text', () => {
    const sealed = ring.seal(alice, 'María Quispe', `victim:${alice}:fullName`);
    expect(sealed).toMatch(new RegExp(`^sealed:v2:${alice}:[A-Za-z0-9_-]+$`));
    expect(sealed).not.toContain('María');
    expect(ring.unseal(alice, sealed, `victim:${alice}:fullName`)).toBe('María Quispe');
  });

  it('seals the same text of the same subject to the same bytes (a retried command stays idempotent)', () => {
    const again = keyring({ [alice]: keys[alice] }); // the key as loaded again by the next command
    expect(again.seal(alice, '40000001', 'ctx')).toBe(ring.seal(alice, '40000001', 'ctx'));
  });

  it('seals the same text differently for two subjects and for two fields', () => {
    const a = ring.seal(alice, '40000001', 'ctx').split(':').at(-1);
    expect(ring.seal(bruno, '40000001', 'ctx').split(':').at(-1)).not.toBe(a);
    expect(ring.seal(alice, '40000001', 'other').split(':').at(-1)).not.toBe(a);
  });

  it('refuses a value moved to another context or to another subject', () => {
    const sealed = ring.seal(alice, 'secreto', `victim:${alice}:phone`);
    expect(() => ring.unseal(alice, sealed, `victim:${alice}:address`)).toThrow();
    expect(() => ring.unseal(bruno, sealed, `victim:${alice}:phone`)).toThrow('another subject');
  });

  it('reads an erased subject as null and refuses to seal new data for it', () => {
    const sealed = ring.seal(alice, 'María Quispe', 'ctx');
    const erased = keyring({ [alice]: { status: 'erased' } });
    expect(erased.unseal(alice, sealed, 'ctx')).toBeNull();
    expect(erased.isErased(alice)).toBe(true);
    expect([...erased.erased]).toEqual([alice]);
    expect(() => erased.seal(alice, 'otro', 'ctx', 'victims[0].fullName')).toThrow(PersonalDataErased);
  });

  it('reads a subject without any key row as null rather than crashing, and asks to load a subject never loaded', () => {
    const sealed = ring.seal(alice, 'x', 'ctx');
    expect(keyring({ [alice]: { status: 'absent' } }).unseal(alice, sealed, 'ctx')).toBeNull();
    expect(() => keyring({}).unseal(alice, sealed, 'ctx')).toThrow(SubjectKeyNotLoaded);
  });

  it('still opens sealed:v1 values (one master-derived key), and hides them once their subject is erased', () => {
    const v1 = new FieldSealer(master).seal('Resumen antiguo', `hotline-call:${alice}:summary`);
    expect(v1.startsWith('sealed:v1:')).toBe(true);
    expect(keyring({ [alice]: { status: 'absent' } }).unseal(alice, v1, `hotline-call:${alice}:summary`)).toBe('Resumen antiguo');
    expect(keyring({ [alice]: { status: 'erased' } }).unseal(alice, v1, `hotline-call:${alice}:summary`)).toBeNull();
  });
});

describe('key wrapping by the master key', () => {
  it('unwraps what it wrapped, never stores the key in clear, and fails under another master key', async () => {
    const wrapper = new LocalKeyWrapper(master);
    const key = randomBytes(32);
    const wrapped = await wrapper.wrap(key);
    expect(wrapped.includes(key)).toBe(false);
    expect((await wrapper.unwrap(wrapped)).equals(key)).toBe(true);
    await expect(new LocalKeyWrapper(randomBytes(32)).unwrap(wrapped)).rejects.toThrow();
  });
});

describe('document linkage hash', () => {
  const linkage = linkageKeyOf(master);

  it('normalizes the number: upper-case, no spaces, dots or dashes, leading zeros kept', () => {
    expect(normalizeDocumentNumber(' 04.012-345 ')).toBe('04012345');
    expect(normalizeDocumentNumber('ab 12-3')).toBe('AB123');
  });

  it('is the same for one document however written, different for another type, number or key, null without a number', () => {
    const h = documentHashOf(linkage, 'DNI', '04012345');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(documentHashOf(linkage, 'DNI', '04.012-345')).toBe(h);
    expect(documentHashOf(linkage, 'DNI', '4012345')).not.toBe(h);
    expect(documentHashOf(linkage, 'CE', '04012345')).not.toBe(h);
    expect(documentHashOf(linkageKeyOf(randomBytes(32)), 'DNI', '04012345')).not.toBe(h);
    expect(documentHashOf(linkage, 'DNI', null)).toBeNull();
    expect(documentHashOf(linkage, 'DNI', ' .- ')).toBeNull();
  });
});
