import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PostgresEventStore, ProjectionRunner, type NewEvent } from '#event-store';
import { KNOWN_EVENT_TYPES, loadCatalogs, loadConfig } from '#platform';
import { findDisclosures, OfficialStatistics, statisticsLedgerProjection, type PublishedReport } from '#read-models';
import { createTestDatabase, waitUntilLogVisible, type TestDatabase } from '../support/database.js';

/**
 * The referral deadlines table on a handful of referrals around the end of March 2025 in Lima (UTC−5): on time
 * exactly at the deadline, late one minute after it, a deadline crossing the month end, overdue at the end of the
 * month and answered in the next one, a referral without a recorded deadline (the destination's default).
 */
const EXACT = { k: 5, applied: false };
let seq = 0;
const id = (prefix: string, n: number) => `${prefix}0000000-0000-4000-a000-${String(n).padStart(12, '0')}`;
const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  eventId: id('e', ++seq),
  type,
  data,
  metadata: { actor: 'test' },
});
const sent = (referralId: string, to: string, referredAt: string, deadlineMinutes?: number, ubigeo = '150101') =>
  event('ReferralSent', {
    referralId,
    source: { kind: 'victim', id: id('f', seq + 1) },
    to,
    unitName: null,
    ubigeo,
    referredAt: new Date(referredAt).toISOString(),
    ...(deadlineMinutes === undefined ? {} : { deadlineMinutes }),
  });
const accepted = (referralId: string, at: string) =>
  event('ReferralAccepted', { referralId, acceptedAt: new Date(at).toISOString(), linkedCaseId: null });

const A = id('a', 1); // PNP, 23:00 on 31 March (Lima), 60 min: deadline at midnight (April), answered at 00:01: late.
const B = id('b', 1); // PNP, 24 h recorded, accepted exactly at the deadline: on time.
const C = id('c', 1); // PNP, no deadline recorded (default 24 h): deadline 31 March noon, unanswered at month end.
const D = id('d', 1); // MIMP, 72 h from 31 March 20:00: deadline in April, never answered.
const E = id('e', 1); // MIMP, revoked before its deadline: neither answered nor overdue.
const F = id('f', 1); // SHELTER, 30 min, rejected at 29 min: on time.
const G = id('a', 2); // DEMUNA in another department (Cusco), on time.

function value(report: PublishedReport, row: string, column: string): number | null | undefined {
  const table = report.tables.find((t) => t.id === 'referral_deadlines')!;
  return table.rows.find((r) => r.key === row)?.values[table.columns.findIndex((c) => c.key === column)];
}
const rowOf = (report: PublishedReport, row: string) =>
  ['on_time', 'late', 'on_time_share', 'median_hours', 'p90_hours', 'overdue_month_end'].map((column) => value(report, row, column));

describe('referral deadlines in the monthly report', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let runner: ProjectionRunner;
  let statistics: OfficialStatistics;
  let position = 0;
  const versions = new Map<string, number>();
  const append = async (referralId: string, ...events: NewEvent[]) => {
    const stream = `referral-${referralId}`;
    await store.append(stream, events, versions.get(stream) ?? 0);
    versions.set(stream, (versions.get(stream) ?? 0) + events.length);
    position += events.length;
    await waitUntilLogVisible(db.pool);
    await runner.catchUp();
    return position;
  };
  const monthly = (period: string, department: string | null = null, options: { asOf?: number; k?: number } = {}) =>
    statistics.report(
      { kind: 'monthly', period, department },
      {
        disclosure: options.k ? { k: options.k, applied: true } : EXACT,
        ...(options.asOf ? { asOf: options.asOf } : {}),
      },
    );
  let beforeLateAnswer = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
    runner = new ProjectionRunner(db.pool, statisticsLedgerProjection, { knownEventTypes: KNOWN_EVENT_TYPES });
    statistics = new OfficialStatistics(db.dataSource, loadCatalogs(loadConfig({}, []).seedsDir));
    await append(A, sent(A, 'PNP', '2025-03-31T23:00:00-05:00', 60), accepted(A, '2025-04-01T00:01:00-05:00'));
    await append(B, sent(B, 'PNP', '2025-03-10T10:00:00-05:00', 1440), accepted(B, '2025-03-11T10:00:00-05:00'));
    await append(C, sent(C, 'PNP', '2025-03-30T12:00:00-05:00'));
    await append(D, sent(D, 'MIMP', '2025-03-31T20:00:00-05:00', 4320));
    await append(
      E,
      sent(E, 'MIMP', '2025-03-05T09:00:00-05:00', 60),
      event('ReferralRevoked', { referralId: E, revokedAt: '2025-03-05T14:30:00.000Z', reason: 'error' }),
    );
    await append(
      F,
      sent(F, 'SHELTER', '2025-03-20T08:00:00-05:00', 30),
      event('ReferralRejected', { referralId: F, rejectedAt: '2025-03-20T13:29:00.000Z', reason: 'sin cupo' }),
    );
    beforeLateAnswer = await append(
      G,
      sent(G, 'DEMUNA', '2025-03-12T08:00:00-05:00', 120, '080101'),
      accepted(G, '2025-03-12T09:00:00-05:00'),
    );
  }, 60_000);

  afterAll(async () => {
    await db?.close();
  });

  it('counts on time at the deadline and late a minute after it, in the Lima month of the referral', async () => {
    const march = await monthly('2025-03');
    // A: 1 h 1 min (late, its deadline at midnight already April); B: 24 h exactly (on time).
    expect(rowOf(march, 'PNP')).toEqual([1, 1, 50, 12.5, 21.7, 1]);
    expect(rowOf(march, 'SHELTER')).toEqual([1, 0, 100, 0.5, 0.5, 0]);
    expect(rowOf(march, 'MIMP')).toEqual([0, 0, null, null, null, 0]);
    // Hours 29/60, 1, 61/60, 24: median 1.0 (between 1 and 1.0167), 90th percentile 1.0167 + 0.7·(24 − 1.0167).
    expect(rowOf(march, 'total')).toEqual([3, 1, 75, 1, 17.1, 1]);
    // A department's report: its own referrals only.
    expect(rowOf(await monthly('2025-03', '15'), 'total')).toEqual([2, 1, 66.7, 1, 19.4, 1]);
    expect(rowOf(await monthly('2025-03', '08'), 'DEMUNA')).toEqual([1, 0, 100, 1, 1, 0]);
  });

  it('counts overdue at month end in the month of the deadline, with the default deadline for an old referral', async () => {
    const april = await monthly('2025-04');
    // D's deadline (3 April) passed unanswered; A's deadline fell in April but it was answered within April.
    expect(value(april, 'MIMP', 'overdue_month_end')).toBe(1);
    expect(value(april, 'PNP', 'overdue_month_end')).toBe(0);
    expect(value(april, 'total', 'on_time')).toBe(0);
  });

  it('an answer in the next month is late in the month of the referral and leaves the month-end figure as it was', async () => {
    const at = await append(C, accepted(C, '2025-04-02T12:00:00-05:00'));
    const march = await monthly('2025-03');
    expect(rowOf(march, 'PNP')).toEqual([1, 2, 33.3, 24, 62.4, 1]);
    expect(value(await monthly('2025-04'), 'PNP', 'overdue_month_end')).toBe(0);
    // As of before the answer, March is as it was.
    expect(rowOf(await monthly('2025-03', null, { asOf: beforeLateAnswer }), 'PNP')).toEqual([1, 1, 50, 12.5, 21.7, 1]);
    expect(at).toBeGreaterThan(beforeLateAnswer);
  });

  it('under disclosure control, a share or percentile is shown only where its counts are published and reach k', async () => {
    // Six more on time to OTHER in May (2 h each), one late: counts 6 and 1; 1 is suppressed, and so are the measures.
    for (let n = 1; n <= 7; n++) {
      const referralId = id('9', n);
      const answer = n === 7 ? '2025-05-10T10:00:00-05:00' : '2025-05-03T10:00:00-05:00';
      await append(referralId, sent(referralId, 'OTHER', '2025-05-03T08:00:00-05:00', 240), accepted(referralId, answer));
    }
    const exact = await monthly('2025-05');
    expect(rowOf(exact, 'OTHER')).toEqual([6, 1, 85.7, 2, 69.2, 0]);
    const controlled = await monthly('2025-05', null, { k: 5 });
    expect(rowOf(controlled, 'OTHER')).toEqual([6, null, null, null, null, 0]);
    const table = controlled.tables.find((t) => t.id === 'referral_deadlines')!;
    expect(table.unit).toBe('hours');
    expect(table.suppressed).toEqual(
      expect.arrayContaining(
        ['late', 'on_time_share', 'median_hours', 'p90_hours'].map((column) => expect.objectContaining({ row: 'OTHER', column })),
      ),
    );
    expect(findDisclosures(table, 5)).toEqual([]);
    // March: every count below k; nothing but zeros published, no share or percentile at all.
    const march = await monthly('2025-03', null, { k: 5 });
    for (const row of ['PNP', 'SHELTER', 'total']) expect(rowOf(march, row).slice(2, 5)).toEqual([null, null, null]);
  });
});
