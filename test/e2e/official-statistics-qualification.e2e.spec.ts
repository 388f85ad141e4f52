import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PostgresEventStore } from '#event-store';
import { loadCatalogs, loadConfig } from '#platform';
import { createTestApp, type TestApp } from '../support/app.js';
import { appendDataset, generateDataset } from '../support/statistics-dataset.js';
import { crossAnswerFindings, type CheckedReport } from '../statistics/cross-answer-checker.js';

/**
 * Issue 13 through HTTP: the tables by offence category, aggravating circumstance, place of exploitation,
 * recruitment method and economic sector, over a log with qualifications, places abroad and corrections, served to
 * analysts under disclosure control across the national and departments' answers, and exported.
 */
const K = 5;
const DEPARTMENTS = ['01', '08', '15', '16', '25'];
const NEW_TABLES = [
  'denunciations_by_offence_category',
  'denunciations_by_aggravating_circumstance',
  'victims_by_place_of_exploitation',
  'victims_by_recruitment_method',
  'victims_by_economic_sector',
];
const monthly = (period: string, department?: string) =>
  `/api/v1/statistics/monthly?year=${period.slice(0, 4)}&month=${Number(period.slice(5))}${department ? `&department=${department}` : ''}`;

describe('the issue 13 tables through the API', () => {
  let t: TestApp;
  const allDepartments = loadCatalogs(loadConfig({}, []).seedsDir).ubigeo.departmentCodes();

  beforeAll(async () => {
    t = await createTestApp();
    await appendDataset(
      new PostgresEventStore(t.db.pool),
      generateDataset({ seed: 1313, years: [2025], calls: 150, cases: 400, departments: DEPARTMENTS, qualification: true }),
    );
    await t.project();
    await t.api('admin').post('/api/v1/statistics/release-points').expect(201);
  }, 90_000);
  afterAll(async () => t.close());

  it('gives the INEI tables with victims exploited abroad and foreigners exploited in Peru', async () => {
    const year = (await t.api('admin').get('/api/v1/statistics/inei/2025').expect(200)).body as CheckedReport;
    for (const id of NEW_TABLES) expect(year.tables.map((table) => table.id)).toContain(id);
    const byPlace = year.tables.find((table) => table.id === 'victims_by_place_of_exploitation')!;
    const column = (key: string) => byPlace.columns.findIndex((c) => c.key === key);
    // Under disclosure control (suppressed cells read as 0 here): the countries abroad are rows of their own.
    const sum = (values: Array<number | null>) => values.reduce<number>((a, b) => a + (b ?? 0), 0);
    const abroad = byPlace.rows.filter((r) => r.key.startsWith('abroad:'));
    expect(abroad.length).toBeGreaterThan(4);
    expect(sum(abroad.map((r) => r.values[column('total')]))).toBeGreaterThan(50);
    expect(sum(byPlace.rows.filter((r) => /^\d\d$/.test(r.key)).map((r) => r.values[column('foreign')]))).toBeGreaterThan(20);
  });

  it('protects the new tables for analysts in every answer of a release point, national and departments together', async () => {
    for (const period of ['2025-02', '2025-07']) {
      const answers = await Promise.all(
        [undefined, ...allDepartments].map(async (d) => (await t.api('analyst').get(monthly(period, d)).expect(200)).body as CheckedReport),
      );
      for (const answer of answers) for (const id of NEW_TABLES) expect(answer.tables.map((table) => table.id)).toContain(id);
      const small = answers.flatMap((r) =>
        r.tables
          .filter((tb) => tb.unit === 'count')
          .flatMap((tb) => tb.rows.flatMap((row) => row.values.filter((v) => v !== null && v > 0 && v < K))),
      );
      expect(small).toEqual([]);
      expect({ period, findings: crossAnswerFindings(answers) }).toEqual({ period, findings: [] });
    }
  }, 60_000);

  it('exports the table by place of exploitation with its UBIGEO codes and the countries abroad', async () => {
    const res = await t
      .api('admin')
      .get('/api/v1/statistics/inei/2025?format=csv')
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const text = (res.body as Buffer).toString('utf8');
    expect(text).toContain('Víctimas por lugar de explotación y nacionalidad');
    expect(text).toContain('Código UBIGEO,Lugar de explotación,Peruana,Extranjera');
    expect(text).toMatch(/\r\n,Extranjero: [^,]+,\d+/);
    expect(text).toContain('Denuncias por categoría de delito');
  });
});
