import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PostgresEventStore, ProjectionRunner } from '#event-store';
import { KNOWN_EVENT_TYPES, loadCatalogs, loadConfig, type ReferenceCatalogs } from '#platform';
import { canonicalJson, findDisclosures, OfficialStatistics, statisticsLedgerProjection, type PublishedReport } from '#read-models';
import { createTestDatabase, waitUntilLogVisible, type TestDatabase } from '../support/database.js';
import { expectNetworkCoverage } from '../support/network-dataset.js';
import { withProtection } from '../support/protection-dataset.js';
import { expectProtectionExercised } from './independent-protection.js';
import { withAssistance } from '../support/assistance-dataset.js';
import { appendDataset, generateDataset } from '../support/statistics-dataset.js';
import { expectedIneiAnnual, expectedMonthly } from './expected-tables.js';
import { expectAssistanceExercised } from './independent-assistance.js';
import { computeFacts, type Facts, type RawEvent } from './independent-statistics.js';

const YEARS = [2023, 2024, 2025];
const MONTHS = YEARS.flatMap((y) => Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, '0')}`));
const EXACT = { k: 5, applied: false };
/** Columns that are not counts (shares, medians, percentiles): no k applies to their values. */
const NOT_COUNTS = ['median_hours', 'p90_hours', 'on_time_share'];
const ASSISTANCE_TABLES = [
  'victim_assistance_by_department',
  'victim_assistance_by_sex',
  'victim_assistance_by_age',
  'victim_assistance_services',
];
const SHARED_TOTALS: Array<Array<[string, string, string]>> = [
  [
    ['victims_by_sex_age', 'total', 'total'],
    ['victims_by_nationality', 'total', 'victims'],
    ['victims_by_place_of_exploitation', 'total', 'total'],
  ],
  [
    ['denunciations_by_source', 'total', 'denunciations'],
    ['denunciations_by_department', 'total', 'denunciations'],
    ['funnel', 'denunciation', 'denunciations'],
    ['reconciliation', 'denunciations', 'total'],
  ],
  ...['consented', 'sheltered', 'services', 'repatriated', 'regularized'].map((column): Array<[string, string, string]> =>
    ASSISTANCE_TABLES.slice(0, 3).map((id) => [id, 'total', column]),
  ),
  [
    ['victim_assistance_by_department', 'total', 'services'],
    ['victim_assistance_services', 'total', 'services'],
  ],
  [
    ['denunciations_by_department_month', 'total', 'total'],
    ['cases_by_stage', 'total', 'registered'],
  ],
  [
    ['protection_measures', 'total', 'measures'],
    ['protection_measures_by_measure', 'total', 'total'],
  ],
];

/** Every published cell against the independent expectation, with its address in the failure message. */
function compare(report: PublishedReport, expected: Record<string, (row: string, column: string) => number | null>): number {
  let cells = 0;
  const mismatches: string[] = [];
  for (const table of report.tables) {
    const expect = expected[table.id];
    if (!expect) throw new Error(`no independent computation for table ${table.id}`);
    for (const row of table.rows) {
      table.columns.forEach((column, i) => {
        cells++;
        const want = expect(row.key, column.key);
        if (row.values[i] !== want)
          mismatches.push(`${report.period} ${table.id}[${row.key}][${column.key}] = ${row.values[i]}, expected ${want}`);
      });
    }
  }
  expect(mismatches).toEqual([]);
  return cells;
}

describe('official statistics over a generated three-year log', () => {
  let db: TestDatabase;
  let catalogs: ReferenceCatalogs;
  let statistics: OfficialStatistics;
  let facts: Facts;
  let victimEvents: number;
  let log: RawEvent[];

  beforeAll(async () => {
    db = await createTestDatabase();
    catalogs = loadCatalogs(loadConfig({}, []).seedsDir);
    const departments = catalogs.ubigeo.departmentCodes();
    await appendDataset(
      new PostgresEventStore(db.pool),
      withAssistance(
        withProtection(
          generateDataset({
            seed: 20250314,
            years: YEARS,
            calls: 1500,
            cases: 600,
            departments,
            qualification: true,
            operations: true,
            unlinked: 120,
            networks: true,
            deadlines: 400,
          }),
        ),
        29733,
      ),
    );
    await waitUntilLogVisible(db.pool);
    await new ProjectionRunner(db.pool, statisticsLedgerProjection, { knownEventTypes: KNOWN_EVENT_TYPES }).catchUp();
    const { rows } = await db.pool.query<RawEvent>('SELECT event_type AS type, data FROM events ORDER BY transaction_id, global_position');
    log = rows;
    facts = computeFacts(rows);
    victimEvents = rows.filter((e) => e.type === 'VictimIdentified').length;
    statistics = new OfficialStatistics(db.dataSource, catalogs);
  }, 120_000);
  afterAll(async () => db.close());

  it('the dataset exercises every figure', () => {
    expect(facts.calls.length).toBe(1500);
    expect(facts.acts.filter((a) => a.act === 'conviction').length).toBeGreaterThan(10);
    expect(facts.referrals.filter((r) => r.hours !== null).length).toBeGreaterThan(100);
    expect(new Set(facts.victims.map((v) => v.nationality)).size).toBeGreaterThan(3);
    // Some victims are named in several denunciations (same document): counted once.
    expect(victimEvents - facts.victims.length).toBeGreaterThan(20);
    // Issue 13: qualification, places abroad, and every kind of correction.
    const typesOf = new Map<string, number>();
    for (const e of log) typesOf.set(e.type, (typesOf.get(e.type) ?? 0) + 1);
    for (const type of ['CaseFactsCorrected', 'VictimCorrected', 'VictimVoided', 'SuspectVoided', 'CaseReopened', 'CaseMarkedSameFacts'])
      expect({ type, enough: (typesOf.get(type) ?? 0) >= 10 }).toEqual({ type, enough: true });
    expect(log.filter((e) => e.type === 'VictimCorrected' && 'linkId' in e.data).length).toBeGreaterThan(10);
    expect(facts.victims.filter((v) => v.place.startsWith('abroad:') && v.nationality === 'PE').length).toBeGreaterThan(10);
    expect(facts.victims.filter((v) => /^\d\d$/.test(v.place) && !['PE', 'unknown'].includes(v.nationality)).length).toBeGreaterThan(10);
    expect(new Set(facts.cases.flatMap((c) => c.offences)).size).toBeGreaterThan(6);
    expect(facts.cases.filter((c) => c.aggravating.length > 0).length).toBeGreaterThan(50);
    expect(facts.victims.filter((v) => v.labourSectors.length > 0).length).toBeGreaterThan(20);
    // Issue 14: deadlines met exactly at the deadline and missed by a minute, across Lima month ends, overdue at a month end.
    const d = facts.deadlines;
    expect(d.filter((f) => f.answeredAt === f.deadlineAt).length).toBeGreaterThan(20);
    expect(d.filter((f) => f.answeredAt === f.deadlineAt + 60_000).length).toBeGreaterThan(20);
    expect(d.filter((f) => f.period !== f.deadlinePeriod && f.answeredAt !== null).length).toBeGreaterThan(50);
    expect(
      d.filter((f) => f.answeredAt !== null && f.deadlinePeriod < new Date(f.answeredAt - 5 * 3_600_000).toISOString().slice(0, 7)).length,
    ).toBeGreaterThan(20);
    // Issue 14: operations, some in a month other than their denunciation's, some moved by a department correction.
    expect(facts.operations.length).toBeGreaterThan(150);
    const conducted = log.filter((e) => e.type === 'OperationConducted');
    const registered = new Map(log.filter((e) => e.type === 'CaseRegistered').map((e) => [e.data.caseId, e.data]));
    const moved = new Set(
      log.filter((e) => e.type === 'CaseFactsCorrected' && typeof e.data.changes.ubigeo === 'string').map((e) => e.data.caseId),
    );
    expect(conducted.filter((e) => moved.has(e.data.caseId)).length).toBeGreaterThan(3);
    const month = (at: string) => new Date(Date.parse(at) - 5 * 3_600_000).toISOString().slice(0, 7);
    expect(
      conducted.filter((e) => month(e.data.conductedAt) !== month(registered.get(e.data.caseId)!.registeredAt)).length,
    ).toBeGreaterThan(50);
    expectNetworkCoverage(log);
  });

  it('the dataset has linked, partly linked and standing-alone acts of every institution', () => {
    const links = new Set(facts.reconciliation.filter((f) => f.link !== 'linked' || f.victims > 0).map((f) => `${f.stage} ${f.link}`));
    expect([...links].sort()).toEqual(
      ['denunciations alone', 'denunciations linked', 'prosecutions alone', 'prosecutions linked']
        .concat(['rulings alone', 'rulings linked', 'rulings partial', 'trials alone', 'trials linked', 'trials partial'])
        .sort(),
    );
    expectProtectionExercised(log, facts.protection);
    expectAssistanceExercised(log, facts.assistance);
  });

  it('every cell of every monthly report, national and for a department, equals the independent computation', async () => {
    let cells = 0;
    for (const period of MONTHS) {
      for (const dept of [null, '15']) {
        const report = await statistics.report({ kind: 'monthly', period, department: dept }, { disclosure: EXACT });
        cells += compare(report, expectedMonthly(facts, { periods: new Set([period]), dept }));
      }
    }
    expect(cells).toBeGreaterThan(10_000);
  }, 120_000);

  it('every cell of the INEI annual tables equals the independent computation', async () => {
    for (const year of YEARS) {
      const report = await statistics.report({ kind: 'inei-annual', period: String(year), department: null }, { disclosure: EXACT });
      expect(report.tables.map((t) => t.id)).toEqual([
        'denunciations_by_department_month',
        'victims_by_sex_age',
        'victims_by_nationality',
        'victims_by_place_of_exploitation',
        'victims_by_purpose',
        'by_purpose',
        'denunciations_by_offence_category',
        'denunciations_by_aggravating_circumstance',
        'victims_by_recruitment_method',
        'victims_by_economic_sector',
        'cases_by_stage',
        'hotline_by_department',
        'police_operations_by_department',
        'criminal_networks_by_department',
        'network_suspects_by_role',
        'gesell_interviews_by_department',
        ...ASSISTANCE_TABLES,
      ]);
      compare(report, expectedIneiAnnual(facts, year));
    }
  });

  it('as of a position before or amid the corrections, every cell equals the computation from the log up to it', async () => {
    const corrections = ['CaseFactsCorrected', 'VictimCorrected', 'VictimVoided', 'SuspectVoided', 'CaseMarkedSameFacts'];
    const first = log.findIndex((e) => corrections.includes(e.type));
    const amid = first + Math.floor((log.length - first) / 2);
    for (const position of [first, amid]) {
      const before = computeFacts(log.slice(0, position));
      for (const period of MONTHS.filter((m) => m.startsWith('2024-'))) {
        for (const dept of [null, '15']) {
          const report = await statistics.report({ kind: 'monthly', period, department: dept }, { asOf: position, disclosure: EXACT });
          expect(report.asOfPosition).toBe(position);
          compare(report, expectedMonthly(before, { periods: new Set([period]), dept }));
        }
      }
      for (const year of YEARS) {
        const report = await statistics.report(
          { kind: 'inei-annual', period: String(year), department: null },
          { asOf: position, disclosure: EXACT },
        );
        compare(report, expectedIneiAnnual(before, year));
      }
    }
    // The corrections moved figures: the view before them is not today's.
    const then = await statistics.report({ kind: 'inei-annual', period: '2024', department: null }, { asOf: first, disclosure: EXACT });
    const now = await statistics.report({ kind: 'inei-annual', period: '2024', department: null }, { disclosure: EXACT });
    expect(canonicalJson(then.tables)).not.toBe(canonicalJson(now.tables));
  }, 120_000);

  it('links as of a position: a denunciation stands alone until its prosecution, in every cell', async () => {
    // Just before the middle prosecution's opening: its denunciation (appended just before it) is registered, it is not.
    const openings = log.flatMap((e, i) => (e.type === 'ProsecutionOpened' ? [i] : []));
    const position = openings[Math.floor(openings.length / 2)];
    const before = computeFacts(log.slice(0, position));
    expect(before.reconciliation.filter((r) => r.stage === 'denunciations').length).toBeGreaterThan(100);
    for (const period of MONTHS.filter((m) => m.startsWith('2025-'))) {
      for (const dept of [null, '15']) {
        const report = await statistics.report({ kind: 'monthly', period, department: dept }, { asOf: position, disclosure: EXACT });
        compare(report, expectedMonthly(before, { periods: new Set([period]), dept }));
      }
    }
    // Teeth: denunciations registered before the position whose first prosecution came after it (alone then, linked now).
    const ids = (events: RawEvent[], type: string) => new Set(events.filter((e) => e.type === type).map((e) => e.data.caseId as string));
    const [registeredThen, prosecutedThen] = [
      ids(log.slice(0, position), 'CaseRegistered'),
      ids(log.slice(0, position), 'ProsecutionOpened'),
    ];
    const linkedLater = [...ids(log.slice(position), 'ProsecutionOpened')].filter(
      (id) => registeredThen.has(id) && !prosecutedThen.has(id),
    );
    expect(linkedLater.length).toBeGreaterThan(0);
  }, 120_000);

  it('as of the current position, the ledger gives the same bytes as the current cells', async () => {
    for (const period of ['2023-01', '2024-02', '2025-12']) {
      const now = await statistics.report({ kind: 'monthly', period, department: null }, { disclosure: { k: 5, applied: true } });
      const asOf = await statistics.report(
        { kind: 'monthly', period, department: null },
        { asOf: now.asOfPosition, disclosure: { k: 5, applied: true } },
      );
      expect(canonicalJson(asOf)).toBe(canonicalJson(now));
    }
  });

  it('analyst outputs publish no cell below k and leave no suppressed cell derivable from the totals', async () => {
    const reports = [
      ...(await Promise.all(
        MONTHS.slice(0, 12).map((period) =>
          statistics.report({ kind: 'monthly', period, department: null }, { disclosure: { k: 5, applied: true } }),
        ),
      )),
      ...(await Promise.all(
        MONTHS.slice(12, 24).map((period) =>
          statistics.report({ kind: 'monthly', period, department: '15' }, { disclosure: { k: 5, applied: true } }),
        ),
      )),
      ...(await Promise.all(
        YEARS.map((year) =>
          statistics.report({ kind: 'inei-annual', period: String(year), department: null }, { disclosure: { k: 5, applied: true } }),
        ),
      )),
    ];
    let suppressed = 0;
    for (const report of reports) {
      for (const table of report.tables) {
        expect({ table: table.id, findings: findDisclosures(table, 5) }).toEqual({ table: table.id, findings: [] });
        for (const row of table.rows)
          row.values.forEach((value, c) => {
            if (!NOT_COUNTS.includes(table.columns[c].key) && value !== null) expect(value === 0 || value >= 5).toBe(true);
          });
        suppressed += table.suppressed.length;
      }
      // A total published by several tables is hidden by all of them or by none.
      for (const group of SHARED_TOTALS) {
        const values = new Set(
          group
            .map(([id, row, column]) => {
              const table = report.tables.find((t) => t.id === id);
              if (!table) return 'absent';
              return table.rows.find((r) => r.key === row)!.values[table.columns.findIndex((c) => c.key === column)];
            })
            .filter((v) => v !== 'absent'),
        );
        expect({
          report: `${report.kind} ${report.period} ${report.department}`,
          group: group[0][0],
          consistent: values.size <= 1,
        }).toEqual({ report: `${report.kind} ${report.period} ${report.department}`, group: group[0][0], consistent: true });
      }
    }
    expect(suppressed).toBeGreaterThan(50);
  });

  it('rebuilt in one batch or in small ones, the ledger and the cells are the same (units loaded within a batch or across)', async () => {
    const snapshot = async () => ({
      cells: (await db.pool.query('SELECT period, measure, department, d1, d2, d3, n FROM stat_cells ORDER BY 1, 2, 3, 4, 5, 6')).rows,
      ledger: (
        await db.pool.query(
          'SELECT log_position, measure, period, department, d1, d2, d3, sign FROM stat_ledger ORDER BY log_position, measure, period, department, d1, d2, d3, sign',
        )
      ).rows,
    });
    const original = await snapshot();
    expect(original.ledger.length).toBeGreaterThan(10_000);
    for (const batchSize of [100_000, 97]) {
      await new ProjectionRunner(db.pool, statisticsLedgerProjection, { knownEventTypes: KNOWN_EVENT_TYPES, batchSize }).rebuild();
      expect(await snapshot()).toEqual(original);
    }
  }, 120_000);
});
