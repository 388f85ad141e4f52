import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PostgresEventStore, ProjectionRunner, type NewEvent } from '#event-store';
import { KNOWN_EVENT_TYPES, loadCatalogs, loadConfig } from '#platform';
import { canonicalJson, OfficialStatistics, READ_MODEL_MIGRATIONS, statisticsLedgerProjection, type PublishedReport } from '#read-models';
import { createTestDatabase, waitUntilLogVisible, type TestDatabase } from '../support/database.js';

/**
 * One person (identity document L) in three denunciations, followed through each kind of correction: which record
 * counts her, in which month, department and place, and that every earlier as-of view stays as it was.
 */
const L = 'd0c00000-0000-4000-a000-000000000001';
const ids = {
  a: 'a0000000-0000-4000-a000-000000000001',
  b: 'b0000000-0000-4000-a000-000000000001',
  c: 'c0000000-0000-4000-a000-000000000002',
};
const PERSONAL = { fullName: null, documentType: null, documentNumber: null, phone: null, address: null };
const EXACT = { k: 5, applied: false };

let seq = 0;
const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  eventId: `e0000000-0000-4000-a000-${String(++seq).padStart(12, '0')}`,
  type,
  data,
  metadata: { actor: 'test' },
});
const victim = (caseId: string, victimId: string, nationality: string, linkId: string | null) =>
  event('VictimIdentified', {
    caseId,
    victimId,
    sex: 'female',
    age: 16,
    ageGroup: '12-17',
    minor: true,
    nationality,
    personal: PERSONAL,
    linkId,
  });
const registered = (caseId: string, registeredAt: string, ubigeo: string, purposes: string[], qualification: Record<string, unknown>) =>
  event('CaseRegistered', {
    caseId,
    registeredAt,
    occurredAt: null,
    policeUnit: 'DIRCTPTIM',
    ubigeo,
    source: 'walk_in',
    referralId: null,
    purposes,
    ...qualification,
  });
const qualification = (q: Partial<Record<string, unknown>>) => ({
  offences: [],
  aggravatingCircumstances: [],
  places: { recruitment: null, transit: [], exploitation: null },
  recruitment: [],
  control: [],
  labourSectors: [],
  sexualExploitation: [],
  ...q,
});

/** A published cell by table, row and column key. */
function cell(report: PublishedReport, table: string, row: string, column: string): number | null | undefined {
  const t = report.tables.find((x) => x.id === table)!;
  return t.rows.find((r) => r.key === row)?.values[t.columns.findIndex((c) => c.key === column)];
}

describe('statistics follow the corrections of a case', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let runner: ProjectionRunner;
  let statistics: OfficialStatistics;
  let position = 0;
  const versions = new Map<string, number>();

  const append = async (caseId: string, ...events: NewEvent[]) => {
    const stream = `case-${caseId}`;
    await store.append(stream, events, versions.get(stream) ?? 0);
    versions.set(stream, (versions.get(stream) ?? 0) + events.length);
    position += events.length;
    await waitUntilLogVisible(db.pool);
    await runner.catchUp();
    return position;
  };
  const monthly = (period: string, department: string | null = null, asOf?: number) =>
    statistics.report({ kind: 'monthly', period, department }, { disclosure: EXACT, ...(asOf ? { asOf } : {}) });

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
    runner = new ProjectionRunner(db.pool, statisticsLedgerProjection, { knownEventTypes: KNOWN_EVENT_TYPES });
    statistics = new OfficialStatistics(db.dataSource, loadCatalogs(loadConfig({}, []).seedsDir));
    // A: Lima, March, a Peruvian girl (document L) and a Venezuelan exploited in Chile.
    await append(
      ids.a,
      registered(
        ids.a,
        '2025-03-10T15:00:00Z',
        '150101',
        ['sexual_exploitation'],
        qualification({
          offences: ['cp129a-l31146', 'cp129c-l31146'],
          aggravatingCircumstances: ['victim_minor'],
          places: { recruitment: { ubigeo: '150101' }, transit: [], exploitation: { country: 'CL' } },
          recruitment: ['internet_or_app'],
        }),
      ),
      victim(ids.a, 'a1000000-0000-4000-a000-000000000001', 'PE', L),
      victim(ids.a, 'a2000000-0000-4000-a000-000000000002', 'VE', null),
    );
    // C: recorded before issue 13 (no qualification), Lima, March; a victim without a document; one suspect.
    await append(
      ids.c,
      registered(ids.c, '2025-03-15T15:00:00Z', '150101', [], {}),
      victim(ids.c, 'c1000000-0000-4000-a000-000000000001', 'PE', null),
      event('SuspectIdentified', {
        caseId: ids.c,
        suspectId: 'c5000000-0000-4000-a000-000000000001',
        sex: 'male',
        age: null,
        nationality: 'PE',
        role: null,
      }),
      // An operation at 23:30 on 31 March in Lima (already April in UTC): March, in the case's department.
      event('OperationConducted', {
        caseId: ids.c,
        operationId: 'c6000000-0000-4000-a000-000000000001',
        conductedAt: '2025-04-01T04:30:00Z',
        rescued: 3,
        detained: 2,
      }),
    );
    // B: Cusco, April, the same girl (L) in a mine in Cusco.
    await append(
      ids.b,
      registered(
        ids.b,
        '2025-04-02T15:00:00Z',
        '080101',
        ['labour_exploitation'],
        qualification({ places: { recruitment: null, transit: [], exploitation: { ubigeo: '080101' } }, labourSectors: ['B'] }),
      ),
      victim(ids.b, 'b1000000-0000-4000-a000-000000000001', 'PE', L),
    );
  }, 60_000);
  afterAll(async () => db.close());

  it('counts the qualification, old cases as unknown, and the person once where she was first registered', async () => {
    const march = await monthly('2025-03');
    expect(cell(march, 'denunciations_by_offence_category', 'trafficking', 'denunciations')).toBe(1);
    expect(cell(march, 'denunciations_by_offence_category', 'sexual_exploitation', 'denunciations')).toBe(1);
    expect(cell(march, 'denunciations_by_offence_category', 'unknown', 'denunciations')).toBe(1);
    expect(cell(march, 'denunciations_by_aggravating_circumstance', 'victim_minor', 'denunciations')).toBe(1);
    expect(cell(march, 'denunciations_by_aggravating_circumstance', 'unknown', 'denunciations')).toBe(1);
    expect(cell(march, 'victims_by_place_of_exploitation', 'abroad:CL', 'peruvian')).toBe(1);
    expect(cell(march, 'victims_by_place_of_exploitation', 'abroad:CL', 'foreign')).toBe(1);
    expect(cell(march, 'victims_by_place_of_exploitation', 'unknown', 'peruvian')).toBe(1);
    expect(cell(march, 'victims_by_place_of_exploitation', 'total', 'total')).toBe(3);
    expect(cell(march, 'victims_by_recruitment_method', 'internet_or_app', 'victims')).toBe(2);
    expect(cell(march, 'justice_activity', 'identified', 'cases')).toBe(1);
    expect(march.tables.find((t) => t.id === 'police_operations')!.rows.find((r) => r.key === '15')!.values).toEqual([1, 3, 2]);
    expect(cell(await monthly('2025-04'), 'police_operations', 'total', 'operations')).toBe(0);
    // Nationally she counts in March (case A); Cusco's own report counts her among its denunciations.
    expect(cell(await monthly('2025-04'), 'victims_by_sex_age', 'total', 'total')).toBe(0);
    const cusco = await monthly('2025-04', '08');
    expect(cell(cusco, 'victims_by_place_of_exploitation', '08', 'peruvian')).toBe(1);
    expect(cell(cusco, 'victims_by_economic_sector', 'B', 'victims')).toBe(1);
  });

  it('moves each figure by exactly what each correction changed, and leaves the earlier views as they were', async () => {
    const views: Array<{ at: number; period: string; dept: string | null; bytes: string }> = [];
    const remember = async (at: number) => {
      for (const [period, dept] of [
        ['2025-03', null],
        ['2025-04', null],
        ['2025-05', null],
        ['2025-04', '08'],
      ] as const)
        views.push({ at, period, dept, bytes: canonicalJson(await monthly(period, dept, at)) });
    };
    await remember(position);

    // Her record in A voided: she now counts through B, in April, in Cusco, in the mine.
    await remember(
      await append(ids.a, event('VictimVoided', { caseId: ids.a, victimId: 'a1000000-0000-4000-a000-000000000001', reason: 'duplicado' })),
    );
    expect(cell(await monthly('2025-03'), 'victims_by_place_of_exploitation', 'total', 'total')).toBe(2);
    let april = await monthly('2025-04');
    expect(cell(april, 'victims_by_place_of_exploitation', '08', 'peruvian')).toBe(1);
    expect(cell(april, 'victims_by_economic_sector', 'B', 'victims')).toBe(1);

    // C's facts corrected: May, Áncash (02), exploited in Loreto (16); its victim and its count of suspects move.
    await remember(
      await append(
        ids.c,
        event('CaseFactsCorrected', {
          caseId: ids.c,
          changes: {
            registeredAt: '2025-05-05T15:00:00Z',
            ubigeo: '020101',
            offences: ['cp129b-l31146'],
            places: { recruitment: null, transit: [], exploitation: { ubigeo: '16' } },
          },
          reason: 'error de digitación',
        }),
      ),
    );
    let may = await monthly('2025-05');
    expect(cell(may, 'denunciations_by_department', '02', 'denunciations')).toBe(1);
    // Its operation moves to Áncash with it, and stays in March, the month it was conducted.
    const operations = (await monthly('2025-03')).tables.find((t) => t.id === 'police_operations')!;
    expect(operations.rows.find((r) => r.key === '02')!.values).toEqual([1, 3, 2]);
    expect(operations.rows.find((r) => r.key === '15')!.values).toEqual([0, 0, 0]);
    expect(cell(await monthly('2025-03', '02'), 'police_operations', 'total', 'rescued')).toBe(3);
    expect(cell(may, 'denunciations_by_offence_category', 'trafficking_aggravated', 'denunciations')).toBe(1);
    expect(cell(may, 'victims_by_place_of_exploitation', '16', 'peruvian')).toBe(1);
    expect(cell(may, 'justice_activity', 'identified', 'cases')).toBe(1);
    expect(cell(await monthly('2025-03'), 'denunciations_by_source', 'total', 'denunciations')).toBe(1);

    // C's victim corrected to document L: registered before B's, her record in C now counts her (May, Loreto).
    await remember(
      await append(
        ids.c,
        event('VictimCorrected', {
          caseId: ids.c,
          victimId: 'c1000000-0000-4000-a000-000000000001',
          changes: { personal: { documentType: 'DNI', documentNumber: 'sellado' } },
          reason: 'documento',
          linkId: L,
        }),
      ),
    );
    april = await monthly('2025-04');
    expect(cell(april, 'victims_by_sex_age', 'total', 'total')).toBe(0);
    may = await monthly('2025-05');
    expect(cell(may, 'victims_by_place_of_exploitation', '16', 'peruvian')).toBe(1);
    expect(cell(may, 'victims_by_sex_age', 'total', 'total')).toBe(1);
    // Cusco's report still counts her among its own denunciations.
    expect(cell(await monthly('2025-04', '08'), 'victims_by_sex_age', 'total', 'total')).toBe(1);

    // C's suspect voided; A marked as the same facts as C: A and its Venezuelan victim count nowhere.
    await append(ids.c, event('SuspectVoided', { caseId: ids.c, suspectId: 'c5000000-0000-4000-a000-000000000001', reason: 'error' }));
    expect(cell(await monthly('2025-05'), 'justice_activity', 'identified', 'cases')).toBe(0);
    await remember(await append(ids.a, event('CaseMarkedSameFacts', { caseId: ids.a, sameAsCaseId: ids.c, reason: 'mismos hechos' })));
    const march = await monthly('2025-03');
    expect(cell(march, 'denunciations_by_source', 'total', 'denunciations')).toBe(0);
    expect(cell(march, 'victims_by_place_of_exploitation', 'total', 'total')).toBe(0);
    expect(cell(march, 'denunciations_by_offence_category', 'sexual_exploitation', 'denunciations')).toBe(0);

    // A closed and reopened: nothing counted moves.
    const before = await Promise.all(['2025-03', '2025-04', '2025-05'].map((p) => monthly(p)));
    await append(
      ids.a,
      event('CaseClosed', { caseId: ids.a, closedAt: '2025-06-01T15:00:00Z', reason: 'archivo' }),
      event('CaseReopened', { caseId: ids.a, reopenedAt: '2025-06-02T15:00:00Z', reason: 'nuevos hechos' }),
    );
    const after = await Promise.all(['2025-03', '2025-04', '2025-05'].map((p) => monthly(p)));
    expect(after.map((r) => canonicalJson(r.tables))).toEqual(before.map((r) => canonicalJson(r.tables)));

    // Every view taken along the way is still, byte for byte, what it was.
    for (const { at, period, dept, bytes } of views) expect(canonicalJson(await monthly(period, dept, at))).toBe(bytes);
  }, 60_000);

  it('the upgrade migration empties the projection and resets its checkpoint; catching up rebuilds the same cells', async () => {
    const cells = async () => (await db.pool.query('SELECT * FROM stat_cells ORDER BY period, measure, department, d1, d2, d3')).rows;
    const before = await cells();
    const Migration = READ_MODEL_MIGRATIONS.find((m) => m.name === 'StatisticsUnitsRebuild1764201601400')!;
    const queryRunner = db.dataSource.createQueryRunner();
    try {
      await new Migration().up(queryRunner);
    } finally {
      await queryRunner.release();
    }
    expect(await cells()).toEqual([]);
    expect((await runner.status()).eventsProcessed).toBe(0);
    await runner.catchUp();
    expect((await runner.status()).eventsProcessed).toBe(position);
    expect(await cells()).toEqual(before);
  });
});
