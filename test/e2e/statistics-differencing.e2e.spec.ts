import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '#event-store';
import { loadCatalogs, loadConfig } from '#platform';
import { countEvents } from '../support/database.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseRegistration, hotlineCall, victim } from '../support/fixtures.js';
import { appendDataset, generateDataset } from '../support/statistics-dataset.js';
import { crossAnswerFindings, type CheckedReport } from '../statistics/cross-answer-checker.js';

/**
 * Issue 10, item 2: differencing must not defeat disclosure control. Analysts read only at release points, see
 * no time finer than the day, get answers that cannot be subtracted (national − departments, overlapping
 * ranges, a publication and its revisions) to reveal a cell below k; a regional exact count does not tell whether
 * a document was ever registered elsewhere.
 */
const K = 5;
const DEPARTMENTS = ['01', '08', '15', '16', '25'];
const monthly = (department?: string, period = '2025-03') =>
  `/api/v1/statistics/monthly?year=${period.slice(0, 4)}&month=${Number(period.slice(5))}${department ? `&department=${department}` : ''}`;
const call = (receivedAt: string, callerUbigeo = '150101') => hotlineCall({ callId: randomUUID(), receivedAt, callerUbigeo });
const LIMA_MIDNIGHT_UTC_MS = 5 * 3_600_000;

/**
 * Each test walks every table of many reports with the cross-answer checker; its cost grows with the report's
 * tables (issue 14 added a dozen), so these tests get more than the suite's default 30 s on a loaded 2-CPU machine.
 */
jest.setTimeout(120_000);
/** Columns that are not counts (medians, percentiles, shares). */
const NOT_COUNTS = ['median_hours', 'p90_hours', 'on_time_share'];

type Report = CheckedReport & { asOfPosition: number; generatedAt: string };

/** Every cell of every count column of a report, by `table/row/column`. */
function cells(report: CheckedReport): Map<string, number | null> {
  return new Map(
    report.tables.flatMap((t) =>
      t.rows.flatMap((r) =>
        t.columns.flatMap((c, i) => (NOT_COUNTS.includes(c.key) ? [] : [[`${t.id}/${r.key}/${c.key}`, r.values[i]] as const])),
      ),
    ),
  );
}

describe('differencing the answers an analyst can obtain', () => {
  let t: TestApp;
  const allDepartments = loadCatalogs(loadConfig({}, []).seedsDir).ubigeo.departmentCodes();
  const declare = async () => (await t.api('admin').post('/api/v1/statistics/release-points').expect(201)).body as { position: number };
  /** National and every department's monthly report as the analyst gets them (at the latest release point unless asOf). */
  const family = async (role: 'analyst' | 'admin', asOf?: number, period = '2025-03'): Promise<Report[]> =>
    Promise.all(
      [undefined, ...allDepartments].map(
        async (d) =>
          (
            await t
              .api(role)
              .get(`${monthly(d, period)}${asOf === undefined ? '' : `&asOf=${asOf}`}`)
              .expect(200)
          ).body as Report,
      ),
    );

  beforeAll(async () => {
    t = await createTestApp();
    await appendDataset(
      new PostgresEventStore(t.db.pool),
      generateDataset({ seed: 42, years: [2025], calls: 400, cases: 150, departments: DEPARTMENTS, deadlines: 120 }),
    );
    await t.project();
  }, 60_000);
  afterAll(async () => t.close());

  it('reads analysts only at release points: never the live head, never an arbitrary asOf', async () => {
    // No release point yet: analysts get nothing (409), admins their controlled report.
    await t.api('analyst').get(monthly()).expect(409);
    const point = await declare();
    expect(point.position).toBe(await countEvents(t.db.pool));
    const listed = await t.api('analyst').get('/api/v1/statistics/release-points').expect(200);
    expect(listed.body.releasePoints).toContainEqual(expect.objectContaining({ position: point.position, kind: 'declared' }));

    const before = await t.api('analyst').get(monthly()).expect(200);
    expect(before.body.asOfPosition).toBe(point.position);
    // One more event: the analyst's answer does not move (it would isolate that one call), the admin's does.
    await t.api('operator').post('/api/v1/hotline-calls').send(call('2025-03-12T10:00:00-05:00')).expect(201);
    await t.project();
    const after = await t.api('analyst').get(monthly()).expect(200);
    expect(after.text).toBe(before.text);
    expect((await t.api('admin').get(monthly()).expect(200)).body.asOfPosition).toBe(point.position + 1);

    for (const url of [
      monthly(),
      '/api/v1/statistics/inei/2025?',
      '/api/v1/statistics/hotline?from=2025-01&to=2025-12',
      '/api/v1/statistics/referrals?from=2025-01&to=2025-12',
    ]) {
      const refused = await t
        .api('analyst')
        .get(`${url}&asOf=${point.position - 1}`)
        .expect(400);
      expect(refused.body.fields).toEqual([
        expect.objectContaining({ field: 'asOf', reason: expect.stringContaining('/api/v1/statistics/release-points') }),
      ]);
      await t.api('analyst').get(`${url}&asOf=${point.position}`).expect(200);
    }
    const hotline = await t.api('analyst').get('/api/v1/statistics/hotline?from=2025-01&to=2025-12').expect(200);
    expect(hotline.body.asOf).toEqual({ logPosition: point.position });
    // Only an administrator declares release points.
    await t.api('analyst').post('/api/v1/statistics/release-points').expect(403);
  });

  it('dates analyst outputs to the day (Lima), never to the time of the last event', async () => {
    await declare();
    const report = (await t.api('analyst').get(monthly()).expect(200)).body as Report;
    expect(Date.parse(report.generatedAt) % 86_400_000).toBe(LIMA_MIDNIGHT_UTC_MS);
    const csv = await t.api('analyst').get(`${monthly()}&format=csv`).expect(200);
    expect(csv.text).toContain(report.generatedAt);
    const published = await t.api('analyst').post('/api/v1/publications').send({ kind: 'monthly', period: '2025-03' }).expect(201);
    const content = (await t.api('analyst').get(`/api/v1/publications/${published.body.publicationId}`).expect(200)).body as Report;
    expect(Date.parse(content.generatedAt) % 86_400_000).toBe(LIMA_MIDNIGHT_UTC_MS);
  });

  it('leaves no suppressed cell derivable across the national report and every department report of a release point', async () => {
    // June 2024 (outside the generated year): six denunciations in Lima, one in Cusco. Protected one report at a
    // time, the national table hides Cusco's 1 (and Lima's 6 with it), but Lima's own report publishes its 6.
    const denunciation = (ubigeo: string, day: number) =>
      caseRegistration({
        caseId: randomUUID(),
        registeredAt: `2024-06-${String(day).padStart(2, '0')}T10:00:00-05:00`,
        policeUnit: 'DIRCTPTIM',
        ubigeo,
        purposes: ['sexual_exploitation'],
        victims: [victim({ age: 16 })],
      });
    for (let day = 1; day <= 6; day++) await t.api('police').post('/api/v1/cases').send(denunciation('150101', day)).expect(201);
    await t.api('police').post('/api/v1/cases').send(denunciation('080108', 10)).expect(201);
    await t.project();
    const point = await declare();
    for (const period of ['2024-06', '2025-03']) {
      const released = await family('analyst', undefined, period);
      expect(released.every((r) => r.asOfPosition === point.position)).toBe(true);
      expect(
        released.flatMap((r) => r.tables.flatMap((tb) => tb.rows.flatMap((row) => row.values))).filter((v) => v !== null && v > 0 && v < K),
      ).toEqual([]);
      expect({ period, findings: crossAnswerFindings(released) }).toEqual({ period, findings: [] });
    }
    // The checker has teeth: the same reports protected one at a time (the administrator's view, same position)
    // are found leaking by subtraction.
    expect(crossAnswerFindings(await family('admin', point.position, '2024-06'))).toEqual(
      expect.arrayContaining(['national denunciations_by_department[08][denunciations]: determined']),
    );
  });

  it('answers month ranges with sums of the released monthly figures, so overlapping ranges never differ by a hidden month', async () => {
    await declare();
    const months = ['2025-01', '2025-02', '2025-03'];
    const lima = await Promise.all(months.map(async (m) => (await t.api('analyst').get(monthly('15', m)).expect(200)).body as Report));
    const hotline = (from: string, to: string) =>
      t.api('analyst').get(`/api/v1/statistics/hotline?from=${from}&to=${to}&by=month&department=15`).expect(200);
    for (const [from, to] of [
      ['2025-01', '2025-03'],
      ['2025-02', '2025-03'],
      ['2025-03', '2025-03'],
    ]) {
      const range = (await hotline(from, to)).body;
      expect(range.groups.map((g: { key: string }) => g.key)).toEqual(months.filter((m) => m >= from && m <= to));
      for (const group of range.groups as Array<Record<string, number | null> & { key: string }>) {
        const report = cells(lima[months.indexOf(group.key)]);
        expect([group.received, group.traffickingRelated, group.closed]).toEqual(
          ['received', 'trafficking_related', 'closed'].map((row) => report.get(`hotline_calls/${row}/calls`)),
        );
      }
      for (const field of ['received', 'traffickingRelated', 'closed']) {
        const values = range.groups.map((g: Record<string, number | null>) => g[field]);
        // The total adds nothing to the rows: it is their sum, or hidden when one of them is.
        expect(range.total[field]).toBe(values.includes(null) ? null : values.reduce((a: number, b: number) => a + b, 0));
      }
    }
    // The same for the departments: Lima's row over the quarter is the sum of its three released months.
    const quarter = (await t.api('analyst').get('/api/v1/statistics/hotline?from=2025-01&to=2025-03&by=department').expect(200)).body;
    const row = quarter.groups.find((g: { key: string }) => g.key === '15');
    const monthsOfLima = lima.map((r) => cells(r).get('hotline_calls/received/calls') as number | null);
    expect(row.received).toBe(monthsOfLima.includes(null) ? null : monthsOfLima.reduce((a, b) => a! + b!, 0));
    const referrals = (await t.api('analyst').get('/api/v1/statistics/referrals?from=2025-01&to=2025-03&by=department').expect(200)).body;
    const sent = lima.map((r) => cells(r).get('referrals_by_status/total/total') as number | null);
    const limaReferrals = referrals.groups.find((g: { key: string }) => g.key === '15');
    expect(limaReferrals.sent).toBe(sent.includes(null) ? null : sent.reduce((a, b) => a! + b!, 0));
  });

  it('publishes in the INEI annual tables nothing the released monthly reports hide (year − eleven months)', async () => {
    // Besides June 2024's (six in Lima, one in Cusco): five denunciations in Cusco in July and five in August, so
    // Cusco's year is 11 while its months are 1, 5 and 5.
    for (const month of ['07', '08']) {
      for (let day = 1; day <= 5; day++) {
        await t
          .api('police')
          .post('/api/v1/cases')
          .send(
            caseRegistration({
              caseId: randomUUID(),
              registeredAt: `2024-${month}-0${day}T10:00:00-05:00`,
              policeUnit: 'DIRCTPTIM',
              ubigeo: '080108',
              purposes: ['sexual_exploitation'],
              victims: [victim({ age: 16 })],
            }),
          )
          .expect(201);
      }
    }
    await t.project();
    const point = await declare();
    const leaksOf = async (year: string, annual: Report) => {
      const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
      const national = await Promise.all(
        months.map(async (m) => cells((await t.api('analyst').get(monthly(undefined, m)).expect(200)).body as Report)),
      );
      const table = cells(annual);
      const found: string[] = [];
      for (const department of [...allDepartments, 'unknown']) {
        // Each month as published anywhere; the annual cell must be the monthly figure when both publish it.
        const known = months.map((m, i) => {
          const inAnnual = table.get(`denunciations_by_department_month/${department}/${m}`) ?? null;
          const inMonthly = national[i].get(`denunciations_by_department/${department}/denunciations`) ?? null;
          if (inAnnual !== null && inMonthly !== null) expect(inAnnual).toBe(inMonthly);
          // A month the released monthly report hides, shown by the annual table, undoes the monthly control.
          if (inAnnual !== null && inAnnual > 0 && inMonthly === null) found.push(`${year} ${department} ${m} shown`);
          return inAnnual ?? inMonthly;
        });
        const total = table.get(`denunciations_by_department_month/${department}/total`);
        // The year's total with every month but one published gives that month away.
        if (typeof total === 'number' && known.filter((v) => v === null).length === 1) found.push(`${year} ${department}`);
      }
      return found;
    };
    for (const year of ['2024', '2025']) {
      const released = (await t.api('analyst').get(`/api/v1/statistics/inei/${year}`).expect(200)).body as Report;
      expect(released.asOfPosition).toBe(point.position);
      expect(await leaksOf(year, released)).toEqual([]);
    }
    // Teeth: the annual tables protected on their own (the administrator's view, same position), read with the
    // released monthly reports, give months away.
    const alone = (await t.api('admin').get(`/api/v1/statistics/inei/2024?asOf=${point.position}`).expect(200)).body as Report;
    const leaked = [
      ...(await leaksOf('2024', alone)),
      ...(await leaksOf(
        '2025',
        (await t.api('admin').get(`/api/v1/statistics/inei/2025?asOf=${point.position}`).expect(200)).body as Report,
      )),
    ];
    expect(leaked.length).toBeGreaterThan(0);
  });

  it('never lets a publication and a later release point differ by 1..k−1 in a cell both publish', async () => {
    await declare();
    const published = await t.api('analyst').post('/api/v1/publications').send({ kind: 'monthly', period: '2025-03' }).expect(201);
    const before = await family('analyst');
    // Two more calls from Lima in March: the national and Lima cells move by 2.
    for (let i = 0; i < 2; i++) await t.api('operator').post('/api/v1/hotline-calls').send(call('2025-03-15T10:00:00-05:00')).expect(201);
    await t.project();
    await declare();
    const after = await family('analyst');
    const exact = await t.api('admin').get(monthly()).expect(200);
    expect(cells(exact.body as Report).get('hotline_calls/received/calls')).toBe(
      (cells((await t.api('admin').get(`${monthly()}&asOf=${before[0].asOfPosition}`).expect(200)).body as Report).get(
        'hotline_calls/received/calls',
      ) as number) + 2,
    );
    const small: string[] = [];
    before.forEach((report, i) => {
      const now = cells(after[i]);
      for (const [cell, value] of cells(report)) {
        const later = now.get(cell);
        if (typeof value === 'number' && typeof later === 'number' && later !== value && Math.abs(later - value) < K) {
          small.push(`${report.department ?? 'national'} ${cell}: ${value} → ${later}`);
        }
      }
    });
    expect(small).toEqual([]);
    const revisions = await t.api('analyst').get(`/api/v1/publications/${published.body.publicationId}/revisions`).expect(200);
    expect(revisions.body.currentPosition).toBe(after[0].asOfPosition);
    expect(
      revisions.body.changes.filter(
        (c: { published: unknown; current: unknown }) =>
          typeof c.published === 'number' && typeof c.current === 'number' && Math.abs(c.current - c.published) < K,
      ),
    ).toEqual([]);
    expect(crossAnswerFindings(after)).toEqual([]);
  });

  it('gives a regional police user the same change in its exact count whether or not the document exists elsewhere', async () => {
    const registration = (ubigeo: string, documentNumber: string) =>
      caseRegistration({
        caseId: randomUUID(),
        registeredAt: '2025-03-20T10:00:00-05:00',
        ubigeo,
        victims: [victim({ fullName: 'Nombre Reservado', documentType: 'DNI', documentNumber })],
      });
    // A person registered in Lima only.
    await t.api('police', ['15']).post('/api/v1/cases').send(registration('150101', '47110815')).expect(201);
    await t.project();
    const cusco = t.api('police', ['08']);
    const victims = async () => {
      const report = (await cusco.get(monthly()).expect(200)).body as Report;
      expect(report.department).toBe('08');
      return cells(report).get('victims_by_sex_age/total/total') as number;
    };
    const start = await victims();
    // Throw-away case in Cusco with the Lima document, then one with a document never registered anywhere.
    await cusco.post('/api/v1/cases').send(registration('080108', '47110815')).expect(201);
    await t.project();
    const withKnown = await victims();
    await cusco.post('/api/v1/cases').send(registration('080108', '90909090')).expect(201);
    await t.project();
    const withUnknown = await victims();
    expect({ known: withKnown - start, unknown: withUnknown - withKnown }).toEqual({ known: 1, unknown: 1 });
    // The same document again in Cusco is the same person there.
    await cusco.post('/api/v1/cases').send(registration('080108', '90909090')).expect(201);
    await t.project();
    expect(await victims()).toBe(withUnknown);
  });
});
