import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { createPoliceCaseDecider, type PoliceCaseCommand, type PoliceCaseEvent, type PoliceCaseState } from '#domain';
import { PostgresEventStore, ProjectionRunner } from '#event-store';
import { KNOWN_EVENT_TYPES, loadCatalogs, loadConfig, type ReferenceCatalogs } from '#platform';
import { OfficialStatistics, statisticsLedgerProjection, type PublishedReport } from '#read-models';
import { createTestDatabase, waitUntilLogVisible, type TestDatabase } from '../support/database.js';
import { expectedIneiAnnual, expectedMonthly } from './expected-tables.js';
import { computeFacts, type RawEvent } from './independent-statistics.js';

/**
 * The events as the police-case decider itself emits them (registration with the qualification, corrections, voids,
 * reopening, same facts), with the link ids the store adds for identity documents: the projection and the
 * independent computation agree on every cell.
 */
const metadata = { now: '2025-06-30T15:00:00.000Z', actor: 'officer-1' };
const uuid = (n: number) => `00000000-0000-4000-a000-${String(n).padStart(12, '0')}`;
const EXACT = { k: 5, applied: false };
/** As the store's sealing does: one random-looking link id per document, none for a victim without one. */
const linkOf = (type: unknown, number: unknown) =>
  typeof type === 'string' && typeof number === 'string'
    ? createHash('sha256').update(`${type}:${number}`).digest('hex').slice(0, 32)
    : null;

type Data = Record<string, unknown>;
const command = (type: string, data: Data) => ({ type, data, metadata }) as unknown as PoliceCaseCommand;

function compare(report: PublishedReport, expected: Record<string, (row: string, column: string) => number | null>): string[] {
  return report.tables.flatMap((table) =>
    table.rows.flatMap((row) =>
      table.columns.flatMap((column, i) => {
        const want = expected[table.id](row.key, column.key);
        return row.values[i] === want
          ? []
          : [`${report.period} ${table.id}[${row.key}][${column.key}] = ${row.values[i]}, expected ${want}`];
      }),
    ),
  );
}

describe('statistics over the events the decider emits', () => {
  let db: TestDatabase;
  let catalogs: ReferenceCatalogs;
  let log: RawEvent[];

  beforeAll(async () => {
    db = await createTestDatabase();
    catalogs = loadCatalogs(loadConfig({}, []).seedsDir);
    const decider = createPoliceCaseDecider({ ubigeo: catalogs.ubigeo, countries: catalogs.countries });
    const store = new PostgresEventStore(db.pool);
    const states = new Map<string, { state: PoliceCaseState; version: number }>();
    let eventNumber = 9000;
    const run = async (caseId: string, type: string, data: Data) => {
      const current = states.get(caseId) ?? { state: decider.initialState(), version: 0 };
      const events: PoliceCaseEvent[] = decider.decide(command(type, { caseId, ...data }), current.state);
      if (events.length === 0) return;
      const stored = events.map((e) => {
        const d = e.data as Data;
        const personal = (e.type === 'VictimCorrected' ? (d.changes as Data).personal : d.personal) as Data | undefined;
        const document = personal && ('documentType' in personal || 'documentNumber' in personal);
        const withLink = e.type === 'VictimIdentified' || (e.type === 'VictimCorrected' && document);
        return {
          eventId: uuid(++eventNumber),
          type: e.type,
          data: withLink ? { ...d, linkId: linkOf(personal?.documentType, personal?.documentNumber) } : d,
          metadata: { actor: 'test' },
        };
      });
      await store.append(`case-${caseId}`, stored, current.version);
      states.set(caseId, { state: events.reduce(decider.evolve, current.state), version: current.version + events.length });
    };
    const victim = (n: number, nationality: string, document: string | null, age = 16) => ({
      victimId: uuid(100 + n),
      sex: 'female',
      age,
      nationality,
      documentType: document ? 'DNI' : null,
      documentNumber: document,
    });
    const register = (caseId: string, registeredAt: string, ubigeo: string, purposes: string[], more: Data) =>
      run(caseId, 'RegisterCase', { registeredAt, policeUnit: 'DIRCTPTIM', ubigeo, source: 'walk_in', purposes, ...more });

    const [a, b, c, d] = [uuid(1), uuid(2), uuid(3), uuid(4)];
    await register(a, '2025-03-10T15:00:00Z', '150101', ['sexual_exploitation'], {
      occurredAt: '2020-05-01T15:00:00Z',
      offences: ['cp153-l30251', 'cp153b-l30963'],
      aggravatingCircumstances: ['victim_minor', 'several_victims'],
      places: { recruitment: { ubigeo: '16' }, exploitation: { country: 'CL' } },
      recruitment: ['internet_or_app'],
      victims: [victim(1, 'PE', '40000001'), victim(2, 'VE', null, 30)],
      suspects: [{ suspectId: uuid(201), sex: 'male', nationality: 'PE' }],
    });
    await register(b, '2025-04-02T15:00:00Z', '080101', ['labour_exploitation'], {
      offences: ['cp129o-l31146'],
      places: { exploitation: { ubigeo: '080101' } },
      labourSectors: ['B'],
      victims: [victim(3, 'PE', '40000001'), victim(4, 'BO', '50000002', 25)],
      suspects: [],
    });
    await register(c, '2025-03-20T15:00:00Z', '150101', [], { victims: [victim(5, 'CO', null, 40)], suspects: [] });
    await register(d, '2025-05-05T15:00:00Z', '040101', ['forced_labour'], {
      offences: ['cp303a-l28950'],
      places: { exploitation: { country: 'AR' } },
      victims: [victim(6, 'PE', '60000003', 19)],
      suspects: [{ suspectId: uuid(202), sex: 'male', nationality: 'PE' }],
    });
    // Operations: on B (moved to Loreto below) across April's end in Lima, sent twice (a retry adds nothing); on C
    // (marked as the same facts as A below: the operation still counts).
    const onB = { operationId: uuid(301), conductedAt: '2025-05-01T04:00:00Z', rescued: 4, detained: 2 };
    await run(b, 'RecordOperation', onB);
    await run(b, 'RecordOperation', onB);
    await run(c, 'RecordOperation', { operationId: uuid(302), conductedAt: '2025-03-21T15:00:00Z', rescued: 0, detained: 3 });
    await run(a, 'VoidVictim', { victimId: uuid(101), reason: 'registrada dos veces' });
    await run(b, 'CorrectCaseFacts', {
      changes: {
        registeredAt: '2025-05-03T15:00:00Z',
        ubigeo: '160101',
        labourSectors: ['A', 'B'],
        places: { exploitation: { country: 'BR' } },
      },
      reason: 'error de digitación',
    });
    await run(b, 'CorrectVictim', { victimId: uuid(104), changes: { nationality: 'PE', age: 17 }, reason: 'documento revisado' });
    await run(c, 'CorrectVictim', {
      victimId: uuid(105),
      changes: { documentType: 'DNI', documentNumber: '60000003' },
      reason: 'documento',
    });
    await run(d, 'VoidSuspect', { suspectId: uuid(202), reason: 'error' });
    await run(d, 'CloseCase', { closedAt: '2025-06-01T15:00:00Z', reason: 'archivo' });
    await run(d, 'ReopenCase', { reopenedAt: '2025-06-02T15:00:00Z', reason: 'nuevos elementos' });
    await run(c, 'MarkSameFacts', { sameAsCaseId: a, reason: 'mismos hechos' });
    await waitUntilLogVisible(db.pool);
    await new ProjectionRunner(db.pool, statisticsLedgerProjection, { knownEventTypes: KNOWN_EVENT_TYPES }).catchUp();
    log = (await db.pool.query<RawEvent>('SELECT event_type AS type, data FROM events ORDER BY transaction_id, global_position')).rows;
  }, 60_000);
  afterAll(async () => db.close());

  it('records every kind of event, and every cell equals the independent computation', async () => {
    expect(new Set(log.map((e) => e.type))).toEqual(
      new Set([
        'CaseRegistered',
        'VictimIdentified',
        'SuspectIdentified',
        'VictimVoided',
        'CaseFactsCorrected',
        'VictimCorrected',
        'SuspectVoided',
        'CaseClosed',
        'CaseReopened',
        'CaseMarkedSameFacts',
        'OperationConducted',
      ]),
    );
    expect(log.filter((e) => e.type === 'OperationConducted').length).toBe(2);
    const statistics = new OfficialStatistics(db.dataSource, catalogs);
    const facts = computeFacts(log);
    const mismatches: string[] = [];
    for (const period of ['2025-03', '2025-04', '2025-05']) {
      for (const dept of [null, '15', '16', '08', '04']) {
        const report = await statistics.report({ kind: 'monthly', period, department: dept }, { disclosure: EXACT });
        mismatches.push(...compare(report, expectedMonthly(facts, { periods: new Set([period]), dept })));
      }
    }
    const year = await statistics.report({ kind: 'inei-annual', period: '2025', department: null }, { disclosure: EXACT });
    mismatches.push(...compare(year, expectedIneiAnnual(facts, 2025)));
    expect(mismatches).toEqual([]);
    // A few figures by hand: A's 2020 facts count as trafficking and sexual exploitation (Ley 30251, Ley 30963);
    const cell = (table: string, row: string, column: string) => {
      const t = year.tables.find((x) => x.id === table)!;
      return t.rows.find((r) => r.key === row)?.values[t.columns.findIndex((col) => col.key === column)];
    };
    expect(cell('denunciations_by_offence_category', 'trafficking', 'denunciations')).toBe(1);
    expect(cell('denunciations_by_offence_category', 'sexual_exploitation', 'denunciations')).toBe(1);
    expect(cell('denunciations_by_offence_category', 'migrant_smuggling', 'denunciations')).toBe(1);
    // C is a duplicate of A: three denunciations; the girl of document 40000001 counts once, through B, in Brazil.
    expect(cell('denunciations_by_department_month', 'total', 'total')).toBe(3);
    expect(cell('victims_by_place_of_exploitation', 'abroad:BR', 'peruvian')).toBe(2);
    expect(cell('victims_by_place_of_exploitation', 'abroad:CL', 'foreign')).toBe(1);
    expect(cell('victims_by_place_of_exploitation', 'total', 'total')).toBe(4);
    expect(cell('victims_by_economic_sector', 'A', 'victims')).toBe(2);
    // B's operation in April (Lima), in Loreto where B was moved; C's in March, in Lima, though C counts nowhere.
    const april = await statistics.report({ kind: 'monthly', period: '2025-04', department: null }, { disclosure: EXACT });
    const operations = april.tables.find((t) => t.id === 'police_operations')!;
    expect(operations.rows.find((r) => r.key === '16')!.values).toEqual([1, 4, 2]);
    expect(operations.rows.find((r) => r.key === '08')!.values).toEqual([0, 0, 0]);
    expect(cell('police_operations_by_department', '15', 'detained')).toBe(3);
    expect(cell('police_operations_by_department', 'total', 'operations')).toBe(2);
  });
});
