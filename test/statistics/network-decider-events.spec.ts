import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  Conflict,
  createCriminalNetworkDecider,
  DomainError,
  type CriminalNetworkCommand,
  type CriminalNetworkEvent,
  type CriminalNetworkState,
} from '#domain';
import { PostgresEventStore, ProjectionRunner } from '#event-store';
import { KNOWN_EVENT_TYPES, loadCatalogs, loadConfig, type ReferenceCatalogs } from '#platform';
import { OfficialStatistics, statisticsLedgerProjection, type PublishedReport } from '#read-models';
import { createTestDatabase, waitUntilLogVisible, type TestDatabase } from '../support/database.js';
import { expectedIneiAnnual, expectedMonthly } from './expected-tables.js';
import { computeFacts, type RawEvent } from './independent-statistics.js';

/**
 * The events as the criminal-network decider itself emits them, retries and refusals included: the projection,
 * the independent computation and the figures stated here agree (acts across the Lima month end, a case in two
 * networks, suspects of several roles).
 */
const metadata = { now: '2025-06-30T15:00:00.000Z', actor: 'police-1' };
const uuid = (n: number) => `00000000-0000-4000-a000-${String(n).padStart(12, '0')}`;
const EXACT = { k: 5, applied: false };
const [A, B, X, Y, S1, S2] = [1, 2, 3, 4, 5, 6].map(uuid);

describe('network statistics over the events the decider emits', () => {
  let db: TestDatabase;
  let catalogs: ReferenceCatalogs;
  let log: RawEvent[];
  let statistics: OfficialStatistics;
  const refusals: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    catalogs = loadCatalogs(loadConfig({}, []).seedsDir);
    const decider = createCriminalNetworkDecider({ ubigeo: catalogs.ubigeo });
    const store = new PostgresEventStore(db.pool);
    const states = new Map<string, { state: CriminalNetworkState; version: number }>();
    let eventNumber = 9000;
    const run = async (networkId: string, type: string, data: Record<string, unknown>) => {
      const current = states.get(networkId) ?? { state: decider.initialState(), version: 0 };
      let events: CriminalNetworkEvent[];
      try {
        events = decider.decide({ type, data: { networkId, ...data }, metadata } as unknown as CriminalNetworkCommand, current.state);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        refusals.push(`${type}:${error instanceof Conflict ? 'conflict' : error.kind}`);
        return;
      }
      if (events.length === 0) return;
      const stored = events.map((e) => ({ eventId: uuid(++eventNumber), type: e.type, data: e.data, metadata: { actor: 'test' } }));
      await store.append(`criminal-network-${networkId}`, stored, current.version);
      states.set(networkId, { state: events.reduce(decider.evolve, current.state), version: current.version + events.length });
    };
    // 23:30 in Lima on 31 March is April in UTC: identified in March.
    await run(A, 'IdentifyNetwork', { identifiedAt: '2025-03-31T23:30:00-05:00', ubigeo: '1501', alias: 'Los del Cono' });
    await run(A, 'LinkCaseToNetwork', { caseId: X, linkedAt: '2025-04-01T00:10:00-05:00' });
    await run(A, 'LinkCaseToNetwork', { caseId: X, linkedAt: '2025-04-01T00:10:00-05:00' }); // retry
    await run(A, 'LinkCaseToNetwork', { caseId: Y, linkedAt: '2025-04-15T10:00:00-05:00' });
    await run(A, 'LinkSuspectToNetwork', { caseId: X, suspectId: S1, role: 'recruiter', linkedAt: '2025-04-02T10:00:00-05:00' });
    await run(A, 'LinkSuspectToNetwork', { caseId: X, suspectId: S1, role: 'recruiter', linkedAt: '2025-04-02T10:00:00-05:00' });
    await run(A, 'LinkSuspectToNetwork', { caseId: X, suspectId: S1, role: 'leader', linkedAt: '2025-04-02T10:00:00-05:00' }); // refused
    await run(A, 'LinkSuspectToNetwork', { caseId: Y, suspectId: S2, role: 'leader', linkedAt: '2025-04-20T10:00:00-05:00' });
    // 22:00 in Lima on 30 April is May in UTC: dismantled in April; again the same (retry), then another date (409).
    await run(A, 'DismantleNetwork', { dismantledAt: '2025-04-30T22:00:00-05:00' });
    await run(A, 'DismantleNetwork', { dismantledAt: '2025-04-30T22:00:00-05:00' });
    await run(A, 'DismantleNetwork', { dismantledAt: '2025-05-02T10:00:00-05:00' });
    await run(B, 'IdentifyNetwork', { identifiedAt: '2025-04-10T10:00:00-05:00', ubigeo: '08' });
    await run(B, 'LinkSuspectToNetwork', { caseId: X, suspectId: S1, role: 'transporter', linkedAt: '2025-04-12T10:00:00-05:00' }); // case not linked
    await run(B, 'LinkCaseToNetwork', { caseId: X, linkedAt: '2025-04-11T10:00:00-05:00' });
    await run(B, 'LinkSuspectToNetwork', { caseId: X, suspectId: S1, role: 'transporter', linkedAt: '2025-04-12T10:00:00-05:00' });
    await waitUntilLogVisible(db.pool);
    await new ProjectionRunner(db.pool, statisticsLedgerProjection, { knownEventTypes: KNOWN_EVENT_TYPES }).catchUp();
    log = (await db.pool.query<RawEvent>('SELECT event_type AS type, data FROM events ORDER BY transaction_id, global_position')).rows;
    statistics = new OfficialStatistics(db.dataSource, catalogs);
  }, 60_000);
  afterAll(async () => db.close());

  const monthly = (period: string, department: string | null = null) =>
    statistics.report({ kind: 'monthly', period, department }, { disclosure: EXACT });
  const row = (report: PublishedReport, table: string, key: string) =>
    report.tables.find((t) => t.id === table)!.rows.find((r) => r.key === key)!.values;

  it('appends only what changes: retries add nothing, a changed role, an unlinked case and a second dismantling are refused', () => {
    expect(log.map((e) => e.type)).toEqual([
      'NetworkIdentified',
      'CaseLinkedToNetwork',
      'CaseLinkedToNetwork',
      'SuspectLinkedToNetwork',
      'SuspectLinkedToNetwork',
      'NetworkDismantled',
      'NetworkIdentified',
      'CaseLinkedToNetwork',
      'SuspectLinkedToNetwork',
    ]);
    expect(refusals).toEqual(['LinkSuspectToNetwork:invalid', 'DismantleNetwork:conflict', 'LinkSuspectToNetwork:invalid']);
  });

  it('counts each act in its Lima month and the network’s department', async () => {
    expect(row(await monthly('2025-03'), 'criminal_networks', '15')).toEqual([1, 0, 0, 0]);
    const april = await monthly('2025-04');
    // identified, dismantled, cases linked, suspects linked
    expect(row(april, 'criminal_networks', '15')).toEqual([0, 1, 2, 2]);
    expect(row(april, 'criminal_networks', '08')).toEqual([1, 0, 1, 1]);
    expect(row(april, 'criminal_networks', 'total')).toEqual([1, 1, 3, 3]);
    expect(row(april, 'network_suspects_by_role', 'recruiter')).toEqual([1]);
    expect(row(april, 'network_suspects_by_role', 'leader')).toEqual([1]);
    expect(row(april, 'network_suspects_by_role', 'transporter')).toEqual([1]);
    expect(row(await monthly('2025-05'), 'criminal_networks', 'total')).toEqual([0, 0, 0, 0]);
    const lima = await monthly('2025-04', '15');
    expect(lima.tables.find((t) => t.id === 'criminal_networks')!.rows.map((r) => r.key)).toEqual(['15', 'total']);
    expect(row(lima, 'network_suspects_by_role', 'total')).toEqual([2]);
  });

  it('agrees with the independent computation on every cell', async () => {
    const facts = computeFacts(log);
    const mismatches: string[] = [];
    const check = (report: PublishedReport, expected: Record<string, (r: string, c: string) => number | null>) => {
      for (const table of report.tables)
        for (const r of table.rows)
          table.columns.forEach((column, i) => {
            const want = expected[table.id](r.key, column.key);
            if (r.values[i] !== want)
              mismatches.push(`${report.period} ${table.id}[${r.key}][${column.key}] = ${r.values[i]}, expected ${want}`);
          });
    };
    for (const period of ['2025-03', '2025-04', '2025-05'])
      for (const dept of [null, '15', '08'])
        check(await monthly(period, dept), expectedMonthly(facts, { periods: new Set([period]), dept }));
    const year = await statistics.report({ kind: 'inei-annual', period: '2025', department: null }, { disclosure: EXACT });
    check(year, expectedIneiAnnual(facts, 2025));
    expect(row(year, 'criminal_networks_by_department', 'total')).toEqual([2, 1, 3, 3]);
    expect(mismatches).toEqual([]);
  });
});
