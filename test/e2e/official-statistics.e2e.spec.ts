import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type request from 'supertest';
import { createHash, randomUUID } from 'node:crypto';
import { PostgresEventStore } from '#event-store';
import { findDisclosures, type PublishedTable } from '#read-models';
import { countEvents } from '../support/database.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { hotlineCall } from '../support/fixtures.js';
import { appendDataset, generateDataset } from '../support/statistics-dataset.js';

const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

interface Table {
  id: string;
  columns: Array<{ key: string }>;
  rows: Array<{ key: string; values: Array<number | null> }>;
}

/** The test's own cell walk: every (table, row, column) whose value differs between two report documents. */
function changedCells(before: { tables: Table[] }, after: { tables: Table[] }): string[] {
  const cells = (doc: { tables: Table[] }) =>
    new Map(
      doc.tables.flatMap((t) =>
        t.rows.flatMap((r) => t.columns.map((c, i) => [`${t.id}/${r.key}/${c.key}`, r.values[i] === null ? 'x' : r.values[i]] as const)),
      ),
    );
  const a = cells(before);
  const b = cells(after);
  return [...new Set([...a.keys(), ...b.keys()])].filter((key) => a.get(key) !== b.get(key)).sort();
}

describe('official statistics over HTTP', () => {
  let t: TestApp;
  const monthly = '/api/v1/statistics/monthly?year=2025&month=3';
  const lateCall = (receivedAt: string) => hotlineCall({ callId: randomUUID(), receivedAt });

  beforeAll(async () => {
    t = await createTestApp();
    const departments = ['01', '08', '15', '16', '25'];
    await appendDataset(
      new PostgresEventStore(t.db.pool),
      generateDataset({ seed: 42, years: [2025], calls: 400, cases: 150, departments }),
    );
    await t.project();
  }, 60_000);
  afterAll(async () => t.close());

  // Arbitrary asOf: the administrator's controlled view (analysts read release points only: statistics-differencing).
  it('answers asOf=P with the very bytes it gave at P, after late events for the same month', async () => {
    const first = await t.api('admin').get(monthly).expect(200);
    const position = first.body.asOfPosition as number;
    expect(first.headers['content-type']).toMatch(/application\/json/);
    expect(first.body).toMatchObject({ kind: 'monthly', period: '2025-03', department: null, disclosureControl: { k: 5, applied: true } });

    for (let i = 0; i < 6; i++)
      await t.api('operator').post('/api/v1/hotline-calls').send(lateCall('2025-03-10T10:00:00-05:00')).expect(201);
    await t.project();
    const now = await t.api('admin').get(monthly).expect(200);
    expect(now.body.asOfPosition).toBe(await countEvents(t.db.pool));
    expect(now.text).not.toBe(first.text);

    const asOf = await t.api('admin').get(`${monthly}&asOf=${position}`).expect(200);
    expect(asOf.text).toBe(first.text);
  });

  it('answers the hotline and referral statistics as of a position exactly as they were then', async () => {
    const urls = [
      '/api/v1/statistics/hotline?from=2025-01&to=2025-12&by=month',
      '/api/v1/statistics/hotline?from=2025-01&to=2025-12&by=department',
      '/api/v1/statistics/referrals?from=2025-01&to=2025-12&by=destination',
      '/api/v1/statistics/referrals?from=2025-01&to=2025-12&by=department',
    ];
    const position = (await t.api('admin').get(monthly).expect(200)).body.asOfPosition as number;
    const then = await Promise.all(urls.map((url) => t.api('admin').get(url).expect(200)));
    // At the current position the ledger gives what the operational tables give.
    for (const [i, url] of urls.entries()) {
      const asOf = await t.api('admin').get(`${url}&asOf=${position}`).expect(200);
      expect(asOf.body.asOf).toEqual({ logPosition: position });
      expect({ groups: asOf.body.groups, total: asOf.body.total }).toEqual({ groups: then[i].body.groups, total: then[i].body.total });
    }
    for (let i = 0; i < 3; i++)
      await t.api('operator').post('/api/v1/hotline-calls').send(lateCall('2025-02-10T10:00:00-05:00')).expect(201);
    await t.project();
    const hotlineNow = await t.api('admin').get(urls[0]).expect(200);
    expect(hotlineNow.body.total.received).toBe(then[0].body.total.received + 3);
    for (const [i, url] of urls.entries()) {
      const asOf = await t.api('admin').get(`${url}&asOf=${position}`).expect(200);
      expect({ groups: asOf.body.groups, total: asOf.body.total }).toEqual({ groups: then[i].body.groups, total: then[i].body.total });
    }
  });

  it('gives analysts the hotline and referral statistics under disclosure control, operators exact counts', async () => {
    // Analysts read at the latest release point: declare one at the current position.
    await t.api('admin').post('/api/v1/statistics/release-points').expect(201);
    let hiddenCounts = 0;
    const fields = {
      hotline: ['received', 'traffickingRelated', 'closed'],
      referrals: ['sent', 'accepted', 'rejected', 'completed', 'revoked', 'pending'],
    };
    for (const [endpoint, by] of [
      ['hotline', 'department'],
      ['referrals', 'department'],
      ['referrals', 'destination'],
    ] as const) {
      const url = `/api/v1/statistics/${endpoint}?from=2025-01&to=2025-12&by=${by}`;
      const exact = await t.api('admin').get(url).expect(200);
      const safe = await t.api('analyst').get(url).expect(200);
      expect(exact.body.disclosureControl).toEqual({ applied: false, k: 5 });
      expect(safe.body.disclosureControl).toEqual({ applied: true, k: 5 });
      const columns = fields[endpoint];
      // Seen as a table (groups as rows, the total as the total row), nothing is below k or derivable.
      const table: PublishedTable = {
        id: endpoint,
        title: { es: '', en: '' },
        rowHeader: { es: '', en: '' },
        unit: 'count',
        suppressed: [],
        columns: columns.map((key) => ({ key, label: { es: key, en: key } })),
        rows: [...safe.body.groups, { ...safe.body.total, key: 'total' }].map((g: Record<string, number | null> & { key: string }) => ({
          key: g.key,
          label: { es: g.key, en: g.key },
          values: columns.map((c) => g[c]),
        })),
      };
      expect(findDisclosures(table, 5)).toEqual([]);
      // Every count shown equals the exact one, and the small ones are hidden.
      hiddenCounts += safe.body.suppressed.length;
      safe.body.groups.forEach((group: Record<string, number | null>, i: number) => {
        for (const c of columns) {
          if (group[c] !== null) expect(group[c]).toBe(exact.body.groups[i][c]);
          else expect(safe.body.suppressed).toContainEqual(expect.objectContaining({ group: exact.body.groups[i].key, field: c }));
        }
        if (endpoint === 'referrals' && (group.accepted === null || (group.accepted as number) < 5))
          expect(group.medianHoursToAcceptance).toBeNull();
      });
    }
    expect(hiddenCounts).toBeGreaterThan(0);
  });

  it('keeps a publication byte-identical after corrections and lists exactly the cells that changed since', async () => {
    await t.api('admin').post('/api/v1/statistics/release-points').expect(201);
    const publicationId = randomUUID();
    const published = await t
      .api('analyst')
      .post('/api/v1/publications')
      .send({ publicationId, kind: 'monthly', period: '2025-03' })
      .expect(201);
    expect(published.body).toMatchObject({ publicationId, kind: 'monthly', period: '2025-03', replayed: false, k: 5 });
    const retried = await t
      .api('analyst')
      .post('/api/v1/publications')
      .send({ publicationId, kind: 'monthly', period: '2025-03' })
      .expect(201);
    expect(retried.body).toMatchObject({ sha256: published.body.sha256, replayed: true });
    await t.api('analyst').post('/api/v1/publications').send({ publicationId, kind: 'monthly', period: '2025-04' }).expect(409);

    const original = await t.api('analyst').get(`/api/v1/publications/${publicationId}`).expect(200);
    expect(createHash('sha256').update(original.text).digest('hex')).toBe(published.body.sha256);
    expect(original.headers['x-content-sha256']).toBe(published.body.sha256);
    expect(JSON.parse(original.text).asOfPosition).toBe(published.body.asOfPosition);

    // Corrections: a call moved into March, more trafficking calls received in March.
    const moved = lateCall('2025-05-02T08:00:00-05:00');
    await t.api('operator').post('/api/v1/hotline-calls').send(moved).expect(201);
    await t
      .api('operator')
      .post(`/api/v1/hotline-calls/${moved.callId}/correction`)
      .send({ receivedAt: '2025-03-20T08:00:00-05:00', reason: 'fecha mal digitada' })
      .expect(200);
    for (let i = 0; i < 5; i++)
      await t.api('operator').post('/api/v1/hotline-calls').send(lateCall('2025-03-11T10:00:00-05:00')).expect(201);
    await t.project();
    // Revisions compare with the latest release point: the corrections are released by a new one.
    await t.api('admin').post('/api/v1/statistics/release-points').expect(201);

    const again = await t.api('analyst').get(`/api/v1/publications/${publicationId}`).expect(200);
    expect(again.text).toBe(original.text);
    const current = await t.api('analyst').get(monthly).expect(200);
    const revisions = await t.api('analyst').get(`/api/v1/publications/${publicationId}/revisions`).expect(200);
    expect(revisions.body.currentPosition).toBe(current.body.asOfPosition);
    const listed = (revisions.body.changes as Array<{ table: string; row: string; column: string }>)
      .map((c) => `${c.table}/${c.row}/${c.column}`)
      .sort();
    expect(listed).toEqual(changedCells(JSON.parse(original.text), current.body));
    expect(listed).toEqual(expect.arrayContaining(['hotline_calls/received/calls', 'hotline_calls/trafficking_related/calls']));
    const received = revisions.body.changes.find(
      (c: { table: string; row: string }) => c.table === 'hotline_calls' && c.row === 'received',
    );
    const publishedReceived = JSON.parse(original.text).tables[0].rows[0].values[0];
    expect(received).toMatchObject({ published: publishedReceived, current: publishedReceived + 6 });
  });

  it('exports the INEI tables as XLSX with one sheet per table and a metadata sheet', async () => {
    const json = await t.api('analyst').get('/api/v1/statistics/inei/2025').expect(200);
    const res = await t.api('analyst').get('/api/v1/statistics/inei/2025?format=xlsx').buffer(true).parse(binary).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(res.body as Buffer).buffer);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toHaveLength(json.body.tables.length + 1);
    expect(names.at(-1)).toBe('Metadatos');
    const first = workbook.worksheets[0];
    const header = (first.getRow(2).values as unknown[]).filter((v) => v !== undefined && v !== null);
    expect(header).toEqual([
      'Código UBIGEO',
      'Departamento',
      'Enero',
      'Febrero',
      'Marzo',
      'Abril',
      'Mayo',
      'Junio',
      'Julio',
      'Agosto',
      'Septiembre',
      'Octubre',
      'Noviembre',
      'Diciembre',
      'Total',
    ]);
    const metadata = workbook.getWorksheet('Metadatos')!;
    const values = new Map<string, unknown>();
    metadata.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('Posición del registro (as-of)')).toBe(json.body.asOfPosition);
    expect(values.get('k')).toBe(5);
  });

  it('exports CSV in UTF-8 with a BOM and Spanish headers', async () => {
    const res = await t.api('analyst').get('/api/v1/statistics/inei/2025?format=csv').buffer(true).parse(binary).expect(200);
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(bytes.toString('utf8')).toContain('Código UBIGEO,Departamento,Enero');
    expect(bytes.toString('utf8')).toContain('Sin información');
  });

  it('refuses bad parameters with 4xx naming the field', async () => {
    const bad = async (url: string, status: number, field?: string) => {
      const res = await t.api('analyst').get(url).expect(status);
      if (field) expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    };
    await bad('/api/v1/statistics/monthly?year=2025&month=13', 400, 'month');
    await bad('/api/v1/statistics/monthly?month=3', 400, 'year');
    await bad('/api/v1/statistics/monthly?year=2025&month=3&department=99', 400, 'department');
    await bad('/api/v1/statistics/monthly?year=2025&month=3&format=pdf', 400, 'format');
    await bad('/api/v1/statistics/monthly?year=2025&month=3&asOf=-1', 400, 'asOf');
    // For analysts a position must be a release point (400); past the statistics' head it is a 409 for others.
    await bad('/api/v1/statistics/monthly?year=2025&month=3&asOf=99999999', 400, 'asOf');
    const ahead = await t.api('admin').get('/api/v1/statistics/monthly?year=2025&month=3&asOf=99999999').expect(409);
    expect(ahead.body.fields.map((f: { field: string }) => f.field)).toContain('asOf');
    await bad('/api/v1/statistics/inei/20x5', 400, 'year');
    await bad(`/api/v1/publications/${randomUUID()}`, 404);
    const before = await t.api('analyst').get('/api/v1/publications').expect(200);
    const wrong = await t.api('analyst').post('/api/v1/publications').send({ kind: 'inei-annual', period: '2025-03' }).expect(400);
    expect(wrong.body.fields[0].field).toBe('period');
    const after = await t.api('analyst').get('/api/v1/publications').expect(200);
    expect(after.body.publications).toHaveLength(before.body.publications.length);
  });
});
