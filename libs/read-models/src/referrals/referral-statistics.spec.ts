import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, waitUntilLogVisible, type TestDatabase } from '#test-support/database.js';
import { PostgresEventStore, ProjectionRunner } from '#event-store';
import { limaMonth, REFERRAL_EVENT_TYPES } from '#domain';
import { seededRandom } from '#test-support/random.js';
import { referralFactsProjection } from './referral-facts.projection.js';
import { queryReferralStatistics } from './referral.queries.js';

const DESTINATIONS = ['PNP', 'MINISTERIO_PUBLICO', 'MIMP', 'SHELTER'];
const UBIGEOS = ['150101', '1501', '08', '170101', null];
const HOUR = 3_600_000;

interface Written {
  to: string;
  department: string;
  month: string;
  status: string;
  hoursToAccept: number | null;
}

/** Percentile with linear interpolation, as PostgreSQL's percentile_cont computes it. */
function percentileCont(values: number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = fraction * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

/** The statistics computed here, from what the test wrote, without the projection or its SQL. */
function expected(written: Written[], from: string, to: string, key: (w: Written) => string) {
  const inPeriod = written.filter((w) => w.month >= from && w.month <= to);
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  const counts = (ws: Written[]) => {
    const hours = ws.map((w) => w.hoursToAccept).filter((h): h is number => h !== null);
    return {
      sent: ws.length,
      accepted: hours.length,
      rejected: ws.filter((w) => w.status === 'rejected').length,
      completed: ws.filter((w) => w.status === 'completed').length,
      revoked: ws.filter((w) => w.status === 'revoked').length,
      pending: ws.filter((w) => w.status === 'sent').length,
      medianHoursToAcceptance: round(percentileCont(hours, 0.5)),
      p90HoursToAcceptance: round(percentileCont(hours, 0.9)),
    };
  };
  const keys = [...new Set(inPeriod.map(key))].sort();
  return { groups: keys.map((k) => ({ key: k, ...counts(inPeriod.filter((w) => key(w) === k)) })), total: counts(inPeriod) };
}

describe('referral statistics', () => {
  let db: TestDatabase;
  const written: Written[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const store = new PostgresEventStore(db.pool);
    const random = seededRandom(7);
    for (let i = 0; i < 400; i++) {
      const referralId = random.uuid();
      const ubigeo = random.pick(UBIGEOS);
      const sentAt = Date.UTC(2024, random.int(10, 14), random.int(1, 28), random.int(0, 23), random.int(0, 59)); // Nov 2024 – Mar 2025
      const to = random.pick(DESTINATIONS);
      const events = [
        {
          type: 'ReferralSent',
          data: {
            referralId,
            source: { kind: 'hotline_call', id: random.uuid() },
            to,
            unitName: null,
            ubigeo,
            referredAt: new Date(sentAt).toISOString(),
          },
        },
      ];
      const fate = random.weighted([
        ['pending', 25],
        ['accepted', 25],
        ['completed', 20],
        ['rejected', 15],
        ['revoked', 15],
      ] as const);
      let hoursToAccept: number | null = null;
      if (fate === 'accepted' || fate === 'completed' || (fate === 'revoked' && random.chance(0.5))) {
        hoursToAccept = random.int(1, 24 * 20) + random.int(0, 59) / 60;
        events.push({
          type: 'ReferralAccepted',
          data: { referralId, acceptedAt: new Date(sentAt + hoursToAccept * HOUR).toISOString(), linkedCaseId: null } as never,
        });
      }
      const later = new Date(sentAt + 24 * 30 * HOUR).toISOString();
      if (fate === 'completed')
        events.push({ type: 'ReferralCompleted', data: { referralId, completedAt: later, successful: true, reason: null } as never });
      if (fate === 'rejected') events.push({ type: 'ReferralRejected', data: { referralId, rejectedAt: later, reason: 'x' } as never });
      if (fate === 'revoked') events.push({ type: 'ReferralRevoked', data: { referralId, revokedAt: later, reason: 'x' } as never });
      await store.append(
        `referral-${referralId}`,
        events.map((e) => ({ ...e, eventId: randomUUID() })),
        0,
      );
      const status = fate === 'pending' ? 'sent' : fate;
      written.push({
        to,
        department: ubigeo ? ubigeo.slice(0, 2) : 'unknown',
        month: limaMonth(new Date(sentAt).toISOString()),
        status,
        hoursToAccept,
      });
    }
    await waitUntilLogVisible(db.pool);
    await new ProjectionRunner(db.pool, referralFactsProjection, {
      knownEventTypes: new Set(REFERRAL_EVENT_TYPES),
      batchSize: 97,
    }).catchUp();
  });
  afterAll(async () => db.close());

  it.each([
    ['destination', (w: Written) => w.to],
    ['department', (w: Written) => w.department],
  ] as const)('equals an independent count from the written events, by %s, months in Lima time', async (by, key) => {
    const statistics = await queryReferralStatistics(db.dataSource, { from: '2024-12', to: '2025-02', by });
    const want = expected(written, '2024-12', '2025-02', key);
    expect(statistics.groups).toEqual(want.groups);
    expect(statistics.total).toEqual(want.total);
    expect(want.total.sent).toBeGreaterThan(100);
  });
});
