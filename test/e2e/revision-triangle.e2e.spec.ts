import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '#event-store';
import { createTestApp, type TestApp } from '../support/app.js';
import { hotlineCall } from '../support/fixtures.js';
import { operationOf, validate, type OpenApiDocument } from '../support/openapi-validate.js';
import { appendDataset, generateDataset } from '../support/statistics-dataset.js';

interface Report {
  tables: Array<{ id: string; columns: Array<{ key: string }>; rows: Array<{ key: string; values: Array<number | null> }> }>;
}

/** The test's own reading of a published report: the value at (table, row, column), null when suppressed. */
const valueIn = (report: Report, table: string, row: string, column: string) => {
  const t = report.tables.find((x) => x.id === table)!;
  return t.rows.find((r) => r.key === row)!.values[t.columns.findIndex((c) => c.key === column)];
};

const HEADLINES: Array<[string, string, string]> = [
  ['hotline_calls', 'received', 'calls'],
  ['denunciations_by_source', 'total', 'denunciations'],
  ['victims_by_sex_age', 'total', 'total'],
  ['justice_activity', 'investigated', 'cases'],
  ['justice_activity', 'sanctioned', 'cases'],
];

describe('revision triangle: how published months move', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  const url = '/api/v1/statistics/revision-triangle';
  const publish = async (period: string, department?: string) =>
    (
      await t
        .api('analyst')
        .post('/api/v1/publications')
        .send({ publicationId: randomUUID(), kind: 'monthly', period, ...(department ? { department } : {}) })
        .expect(201)
    ).body as { publicationId: string; asOfPosition: number };
  const published = async (id: string) => JSON.parse((await t.api('analyst').get(`/api/v1/publications/${id}`).expect(200)).text) as Report;
  const first: Record<string, { publicationId: string }> = {};
  let second: { publicationId: string; asOfPosition: number };
  const LATE_CALLS = 7;

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await request(t.app.getHttpServer()).get('/docs-json').expect(200)).body as OpenApiDocument;
    await appendDataset(
      new PostgresEventStore(t.db.pool),
      generateDataset({ seed: 7, years: [2025], calls: 400, cases: 150, departments: ['08', '15', '16'] }),
    );
    await t.project();
    await t.api('admin').post('/api/v1/statistics/release-points').expect(201);
    first.march = await publish('2025-03');
    first.april = await publish('2025-04');
    first.lima = await publish('2025-03', '15');
    // Calls registered late for March (in Lima), then a new release point and a second publication of March.
    for (let i = 0; i < LATE_CALLS; i++)
      await t
        .api('operator')
        .post('/api/v1/hotline-calls')
        .send(hotlineCall({ callId: randomUUID(), receivedAt: '2025-03-12T10:00:00-05:00' }))
        .expect(201);
    await t.project();
    await t.api('admin').post('/api/v1/statistics/release-points').expect(201);
    second = await publish('2025-03');
  }, 120_000);
  afterAll(async () => t.close());

  it('gives, for each published month, its headline figures at every publication with the change since the first', async () => {
    const res = await t.api('analyst').get(`${url}?from=2025-01&to=2025-06`).expect(200);
    const schema = operationOf(doc, 'GET /api/v1/statistics/revision-triangle')!.responses['200'].content!['application/json'].schema!;
    expect(validate(doc, schema, res.body)).toEqual([]);
    expect(res.body.department).toBeNull();
    expect(res.body.figures.map((f: { key: string }) => f.key)).toEqual([
      'calls_received',
      'denunciations',
      'victims',
      'investigations',
      'sanctions',
    ]);
    expect(res.body.months.map((m: { period: string }) => m.period)).toEqual(['2025-03', '2025-04']);
    const [march, april] = res.body.months;
    expect(march.publications.map((p: { publicationId: string }) => p.publicationId)).toEqual([
      first.march.publicationId,
      second.publicationId,
    ]);
    expect(april.publications.map((p: { publicationId: string }) => p.publicationId)).toEqual([first.april.publicationId]);
    // Every value is the one in the publication's stored bytes; the change is against the first publication.
    for (const month of res.body.months) {
      const firstBytes = await published(month.publications[0].publicationId);
      for (const p of month.publications) {
        const bytes = await published(p.publicationId);
        expect(p.values).toEqual(HEADLINES.map(([table, row, column]) => valueIn(bytes, table, row, column)));
        expect(p.changes).toEqual(
          HEADLINES.map(([table, row, column]) => {
            const [now, then] = [valueIn(bytes, table, row, column), valueIn(firstBytes, table, row, column)];
            return now === null || then === null ? null : now - then;
          }),
        );
      }
    }
    // The late calls moved March's calls received by exactly their number; the other figures did not move.
    expect(march.publications[1].changes).toEqual([LATE_CALLS, 0, 0, 0, 0]);
    expect(march.publications[0].changes.every((c: number | null) => c === 0 || c === null)).toBe(true);
    expect(march.publications[1].asOfPosition).toBe(second.asOfPosition);
    expect(march.publications[1].asOfPosition).toBeGreaterThan(march.publications[0].asOfPosition);
  });

  it('answers one department its own publications only; a regional token never the national ones', async () => {
    const lima = await t.api('analyst').get(`${url}?from=2025-01&to=2025-12&department=15`).expect(200);
    expect(lima.body.department).toBe('15');
    expect(
      lima.body.months.flatMap((m: { publications: Array<{ publicationId: string }> }) => m.publications.map((p) => p.publicationId)),
    ).toEqual([first.lima.publicationId]);
    const regional = await t.api('analyst', ['15']).get(`${url}?from=2025-01&to=2025-12`).expect(200);
    expect(regional.body).toEqual(lima.body);
    await t.api('analyst', ['15']).get(`${url}?from=2025-01&to=2025-12&department=08`).expect(403);
    const two = await t.api('analyst', ['15', '08']).get(`${url}?from=2025-01&to=2025-12`).expect(400);
    expect(two.body.fields.map((f: { field: string }) => f.field)).toEqual(['department']);
    const none = await t.api('analyst').get(`${url}?from=2025-05&to=2025-12`).expect(200);
    expect(none.body.months).toEqual([]);
  });

  it('is for the roles that read publications', async () => {
    for (const role of ['analyst', 'auditor', 'admin'] as const) await t.api(role).get(`${url}?from=2025-03&to=2025-03`).expect(200);
    for (const role of ['police', 'prosecutor', 'operator'] as const) await t.api(role).get(`${url}?from=2025-03&to=2025-03`).expect(403);
  });

  it('refuses bad parameters with a 400 naming the field', async () => {
    const bad = async (query: string, field: string) => {
      const res = await t.api('analyst').get(`${url}?${query}`).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    };
    await bad('from=2025-13&to=2025-12', 'from');
    await bad('to=2025-12', 'from');
    await bad('from=2025-01', 'to');
    await bad('from=2025-06&to=2025-01', 'to');
    await bad('from=2010-01&to=2025-01', 'to');
    await bad('from=2025-01&to=2025-02&department=99', 'department');
    await bad('from=2025-01&to=2025-02&department=lima', 'department');
  });
});
