import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '#test-support/database.js';
import type { Recorded } from '../shared/registry-events.js';
import { declareReleasePoint, limaDayStart, listReleasePoints, resolveReleasePoint } from './release-points.js';
import { statisticsLedgerProjection } from './statistics-ledger.projection.js';

/** Calls recorded at the given instants, as the projection receives them. */
const calls = (recordedAt: readonly string[]): Recorded[] =>
  recordedAt.map((at, i) => ({
    globalPosition: i + 1,
    transactionId: '1',
    streamId: `hotline_call-${i}`,
    streamPosition: 1,
    eventId: randomUUID(),
    type: 'HotlineCallReceived' as const,
    schemaVersion: 1,
    metadata: {},
    recordedAt: at,
    hash: '',
    data: {
      callId: randomUUID(),
      receivedAt: at,
      channel: 'phone' as const,
      language: 'es' as const,
      callerUbigeo: '150101',
      anonymous: false,
      topic: 'trafficking' as const,
      summary: null,
    },
  }));

describe('release points', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(4);
  });
  afterAll(async () => db.close());

  it('closes each Lima month the log has left behind at the last event recorded in it, and lists declared closes', async () => {
    // Positions 1–2 in January (Lima), 3 on 31 January 23:30 Lima (already February in UTC), 4–5 in February, 6 in March.
    const instants = [
      '2025-01-10T15:00:00Z',
      '2025-01-20T15:00:00Z',
      '2025-02-01T04:30:00Z',
      '2025-02-01T05:30:00Z',
      '2025-02-27T12:00:00Z',
      '2025-03-02T12:00:00Z',
    ];
    await statisticsLedgerProjection.applyBatch(db.pool, calls(instants), { logPositions: [1, 2, 3, 4, 5, 6] });
    // The checkpoint the runner would have written after those six events.
    await db.pool.query(`INSERT INTO projection_checkpoints (projection_name, events_processed) VALUES ('official-statistics', 6)
      ON CONFLICT (projection_name) DO UPDATE SET events_processed = 6, events_skipped_unknown = 0`);
    expect(await listReleasePoints(db.dataSource)).toEqual([
      { position: 3, kind: 'period_close', day: '2025-01-31', period: '2025-01' },
      { position: 5, kind: 'period_close', day: '2025-02-28', period: '2025-02' },
    ]);
    // March is still open: its events are not released until a close is declared.
    await expect(resolveReleasePoint(db.dataSource, null)).resolves.toMatchObject({ position: 5 });
    await expect(resolveReleasePoint(db.dataSource, 4)).rejects.toMatchObject({ fields: [expect.objectContaining({ field: 'asOf' })] });
    const declared = await declareReleasePoint(db.dataSource, '2025-03-02T20:00:00Z');
    expect(declared).toEqual({ position: 6, kind: 'declared', day: '2025-03-02', period: null });
    expect(await declareReleasePoint(db.dataSource, '2025-03-03T20:00:00Z')).toEqual(declared);
    await expect(resolveReleasePoint(db.dataSource, undefined)).resolves.toEqual(declared);
  });

  it('rounds an instant down to the start of its Lima day', () => {
    expect(limaDayStart('2025-03-02T04:59:59.999Z')).toBe('2025-03-01T05:00:00.000Z');
    expect(limaDayStart('2025-03-02T05:00:00.000Z')).toBe('2025-03-02T05:00:00.000Z');
    expect(limaDayStart('2025-03-02T23:10:00.000Z')).toBe('2025-03-02T05:00:00.000Z');
  });
});
