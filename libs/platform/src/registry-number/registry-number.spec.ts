import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { registryNumberStreamName } from '#domain';
import { PostgresEventStore } from '#event-store';
import { countEvents, createTestDatabase, type TestDatabase } from '#test-support/database.js';
import { linkageKeyOf } from '../privacy/document-linkage.js';
import { LocalKeyWrapper } from '../privacy/key-wrapper.js';
import { SealingEventStore } from '../privacy/sealing-event-store.js';
import { SubjectKeyStore } from '../privacy/subject-key-store.js';
import { reservationEventId, reserveRegistryNumber } from './registry-number.js';

describe('registry numbers in PostgreSQL', () => {
  let db: TestDatabase;
  let store: SealingEventStore;
  const key = randomBytes(32);

  beforeAll(async () => {
    db = await createTestDatabase(40);
    const master = randomBytes(32);
    // The store the API uses: the numbering stream passes through the sealing layer unchanged.
    store = new SealingEventStore(
      new PostgresEventStore(db.pool),
      new SubjectKeyStore(db.pool, new LocalKeyWrapper(master), linkageKeyOf(master)),
    );
  });
  afterAll(async () => db.close());

  it('numbers 32 concurrent registrations of one department and year 1..32, each once, and gives a case its number back', async () => {
    const caseIds = Array.from({ length: 32 }, () => randomUUID());
    const numbers = await Promise.all(caseIds.map((id) => reserveRegistryNumber(store, key, id, '150101', '2025-06-01T15:00:00Z')));
    const sequences = numbers.map((n) => Number(n.split('-')[2])).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    expect(new Set(numbers).size).toBe(32);
    for (const n of numbers) expect(n).toMatch(/^15-2025-\d{6}$/);

    const events = await store.readStream(registryNumberStreamName('15', 2025));
    expect(events.map((e) => e.streamPosition)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    for (const e of events) {
      expect(e.type).toBe('RegistryNumberReserved');
      expect(Number(String(e.data.registryNumber).split('-')[2])).toBe(e.streamPosition);
      expect(e.eventId).toBe(reservationEventId(key, String(e.data.caseId)));
    }

    const before = await countEvents(db.pool);
    const again = await Promise.all([
      reserveRegistryNumber(store, key, caseIds[7], '150101', '2025-06-01T15:00:00Z'),
      reserveRegistryNumber(store, key, caseIds[7].toUpperCase(), '1501', '2025-06-02T15:00:00Z'),
    ]);
    expect(again).toEqual([numbers[7], numbers[7]]);
    expect(await countEvents(db.pool)).toBe(before);
  });

  it('keeps departments and Lima years apart, and reserves once when one case races itself', async () => {
    // 00:30 UTC on 1 January is still 31 December in Lima (UTC-5).
    const newYearsEve = await reserveRegistryNumber(store, key, randomUUID(), '08', '2026-01-01T00:30:00Z');
    expect(newYearsEve).toBe('08-2025-000001');
    expect(await reserveRegistryNumber(store, key, randomUUID(), '080101', '2026-01-01T05:30:00Z')).toBe('08-2026-000001');
    const caseId = randomUUID();
    const racing = await Promise.all(
      Array.from({ length: 6 }, () => reserveRegistryNumber(store, key, caseId, '0801', '2025-03-01T12:00:00Z')),
    );
    expect(new Set(racing)).toEqual(new Set(['08-2025-000002']));
    expect(await store.readStream(registryNumberStreamName('08', 2025))).toHaveLength(2);
  });

  it('refuses a case without a department', async () => {
    await expect(reserveRegistryNumber(store, key, randomUUID(), '', '2025-03-01T12:00:00Z')).rejects.toThrow(RangeError);
  });
});
