import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { REFERRAL_EVENT_TYPES } from '#domain';
import { PostgresEventStore, ProjectionRunner } from '#event-store';
import { createTestDatabase, waitUntilLogVisible, type TestDatabase } from '#test-support/database.js';
import { ReferralFactsDeadline1764201601441 } from './1764201601441-referral-facts-deadline.migration.js';
import { referralFactsProjection } from './referral-facts.projection.js';

const ids = {
  recorded: 'a0000000-0000-4000-a000-000000000441',
  police: 'b0000000-0000-4000-a000-000000000441',
  shelter: 'c0000000-0000-4000-a000-000000000441',
};
const sent = (referralId: string, to: string, deadlineMinutes?: number) => ({
  eventId: referralId.replace(/441$/, '442'),
  type: 'ReferralSent',
  data: {
    referralId,
    source: { kind: 'victim', id: 'f0000000-0000-4000-a000-000000000441' },
    to,
    unitName: null,
    ubigeo: '150101',
    referredAt: '2025-03-31T23:30:00.000Z',
    ...(deadlineMinutes === undefined ? {} : { deadlineMinutes }),
  },
  metadata: { actor: 'test' },
});

/** The queue's deadline: recorded on the referral, else its destination's default; the migration fills old rows so. */
describe('referral_facts.deadline_at', () => {
  let db: TestDatabase;
  const deadlines = async () =>
    new Map(
      (await db.pool.query<{ referral_id: string; deadline_at: Date }>('SELECT referral_id, deadline_at FROM referral_facts')).rows.map(
        (r) => [r.referral_id, r.deadline_at.toISOString()],
      ),
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    const store = new PostgresEventStore(db.pool);
    await store.append(`referral-${ids.recorded}`, [sent(ids.recorded, 'PNP', 90)], 0);
    await store.append(`referral-${ids.police}`, [sent(ids.police, 'PNP')], 0);
    await store.append(`referral-${ids.shelter}`, [sent(ids.shelter, 'SHELTER')], 0);
    await waitUntilLogVisible(db.pool);
    await new ProjectionRunner(db.pool, referralFactsProjection, { knownEventTypes: new Set(REFERRAL_EVENT_TYPES) }).catchUp();
  });
  afterAll(async () => db?.close());

  it('is the recorded deadline, else the default of the destination (24 h police, 72 h shelter)', async () => {
    expect(await deadlines()).toEqual(
      new Map([
        [ids.recorded, '2025-04-01T01:00:00.000Z'],
        [ids.police, '2025-04-01T23:30:00.000Z'],
        [ids.shelter, '2025-04-03T23:30:00.000Z'],
      ]),
    );
  });

  it('filled by the migration for rows written before it as a rebuild would for events without a deadline', async () => {
    const migration = new ReferralFactsDeadline1764201601441();
    const queryRunner = db.dataSource.createQueryRunner();
    try {
      await migration.down(queryRunner);
      await migration.up(queryRunner);
    } finally {
      await queryRunner.release();
    }
    const filled = await deadlines();
    expect(filled.get(ids.police)).toBe('2025-04-01T23:30:00.000Z');
    expect(filled.get(ids.shelter)).toBe('2025-04-03T23:30:00.000Z');
  });
});
