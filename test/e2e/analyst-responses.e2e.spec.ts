import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { accessTableOf } from '../../apps/api/src/auth/access.js';
import { PUBLIC } from '../../apps/api/src/auth/endpoint-policy.js';
import { PERSONAL_FIELDS } from '#domain';
import { PostgresEventStore } from '#event-store';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseRegistration, hotlineCall, suspect, victim } from '../support/fixtures.js';
import { countEvents } from '../support/database.js';
import { operationOf, resolve, validate, type OpenApiDocument, type Operation, type Schema } from '../support/openapi-validate.js';
import { appendDataset, generateDataset } from '../support/statistics-dataset.js';

/**
 * No analyst-facing response carries a personal field: checked on the response schemas of the OpenAPI document
 * (every object closed, no personal property anywhere), then on real responses validated against those schemas.
 */

/** Property names that must never appear in an analyst's response, at any depth. */
const FORBIDDEN = [...PERSONAL_FIELDS, 'summary', 'narrative', 'personal', 'documentHash', 'linkId', 'name', 'victims', 'suspects'];
const forbidden = new Set(FORBIDDEN.map((f) => f.toLowerCase()));

/** The operations the routes' @Access rules allow to analysts, as `METHOD /path` keys of the OpenAPI document. */
let ANALYST_ENDPOINTS: string[] = [];

const NAME = 'Rosaura Quispe Mamani';
const DOCUMENT = '41829375';
const PHONE = '951357246';
const ADDRESS = 'Jr. Los Claveles 412, Wanchaq';
const SUMMARY = 'Relato reservado Omega-5531 de la llamante';
const SECRETS = [NAME, 'Quispe Mamani', DOCUMENT, PHONE, ADDRESS, SUMMARY, 'Omega-5531'];

const JSON_TYPE = 'application/json';
const CSV_TYPE = 'text/csv';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The 2xx responses of an operation, each with its content types. */
function successResponses(operation: Operation) {
  return Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
}

/**
 * Every problem of a response schema, walked recursively (properties, items, allOf/oneOf/anyOf, $ref): a personal
 * property name, an object that is not closed or lists no properties, a schema that constrains nothing.
 */
function schemaProblems(doc: OpenApiDocument, root: Schema, rootPath: string): string[] {
  const problems: string[] = [];
  const seen = new Set<Schema>();
  const walk = (raw: Schema, path: string) => {
    const schema = resolve(doc, raw);
    if (seen.has(schema)) return; // a recursive $ref: already checked
    seen.add(schema);
    const types = schema.type === undefined ? [] : [schema.type].flat();
    const composed = [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])];
    if (types.length === 0 && composed.length === 0 && schema.enum === undefined)
      problems.push(`${path}: a schema with no type accepts anything`);
    if (types.includes('object') || schema.properties) {
      if (schema.additionalProperties !== false) problems.push(`${path}: object without additionalProperties: false`);
      if (!schema.properties || Object.keys(schema.properties).length === 0) problems.push(`${path}: object that lists no properties`);
      if (schema.patternProperties) problems.push(`${path}: patternProperties let unlisted properties in`);
      for (const key of schema.required ?? [])
        if (!schema.properties?.[key]) problems.push(`${path}: required "${key}" is not among the properties`);
    }
    if (types.includes('array') && !schema.items) problems.push(`${path}: array without items`);
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      if (forbidden.has(key.toLowerCase())) problems.push(`${path}.${key}: personal field`);
      walk(property, `${path}.${key}`);
    }
    if (schema.items) walk(schema.items, `${path}[]`);
    if (typeof schema.additionalProperties === 'object') walk(schema.additionalProperties, `${path}{*}`);
    for (const [kind, list] of [
      ['allOf', schema.allOf],
      ['oneOf', schema.oneOf],
      ['anyOf', schema.anyOf],
    ] as const) {
      list?.forEach((sub, i) => walk(sub, `${path}<${kind}[${i}]>`));
    }
  };
  walk(root, rootPath);
  return problems;
}

/** Every property name in a JSON value, at any depth, with its path. */
function keysOf(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => keysOf(item, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => [`${path}.${key}`, ...keysOf(v, `${path}.${key}`)]);
}

describe('analyst-facing responses: no personal field, by schema and by example', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let position: number;
  const publicationId = randomUUID();
  const annualPublicationId = randomUUID();
  const published: request.Response[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await request(t.app.getHttpServer()).get('/docs-json').expect(200)).body as OpenApiDocument;
    ANALYST_ENDPOINTS = [...accessTableOf(doc as unknown as { paths: Record<string, Record<string, unknown>> })]
      .filter(([, access]) => access.roles !== PUBLIC && access.roles.includes('analyst'))
      .map(([endpoint]) => endpoint);
    const departments = ['01', '08', '15', '16', '25'];
    await appendDataset(new PostgresEventStore(t.db.pool), generateDataset({ seed: 7, years: [2025], calls: 240, cases: 90, departments }));
    await t.project();
    position = await countEvents(t.db.pool);
    // Analysts read at release points only: the current position is declared one.
    await t.api('admin').post('/api/v1/statistics/release-points').expect(201);
    published.push(
      await t.api('analyst').post('/api/v1/publications').send({ publicationId, kind: 'monthly', period: '2025-05' }).expect(201),
    );
    published.push(
      await t
        .api('analyst')
        .post('/api/v1/publications')
        .send({ publicationId: annualPublicationId, kind: 'inei-annual', period: '2025' })
        .expect(201),
    );

    // After the publications, so their revisions have changed cells: a denunciation whose victim carries every
    // personal field (with a suspect), and a call with a confidential summary, both in May 2025.
    await t
      .api('police')
      .post('/api/v1/cases')
      .send(
        caseRegistration({
          registeredAt: '2025-05-12T10:00:00-05:00',
          policeUnit: 'DIRCTPTIM Cusco',
          ubigeo: '080101',
          purposes: ['sexual_exploitation'],
          victims: [victim({ fullName: NAME, documentType: 'DNI', documentNumber: DOCUMENT, phone: PHONE, address: ADDRESS })],
          suspects: [suspect({ age: 41, role: 'captador' })],
        }),
      )
      .expect(201);
    await t
      .api('operator')
      .post('/api/v1/hotline-calls')
      .send(hotlineCall({ receivedAt: '2025-05-03T09:00:00-05:00', callerUbigeo: '080101', anonymous: false, summary: SUMMARY }))
      .expect(201);
    await t.project();
    await t.api('admin').post('/api/v1/statistics/release-points').expect(201);
  }, 90_000);
  afterAll(async () => t.close());

  it('derives the analyst endpoints from the policy: the statistics and the publications', () => {
    expect(ANALYST_ENDPOINTS.length).toBeGreaterThanOrEqual(8);
    expect(ANALYST_ENDPOINTS).toEqual(expect.arrayContaining(['GET /api/v1/statistics/monthly', 'POST /api/v1/publications']));
  });

  it('documents for every analyst endpoint a closed JSON response schema with no personal field', () => {
    const problems: string[] = [];
    for (const endpoint of ANALYST_ENDPOINTS) {
      const operation = operationOf(doc, endpoint);
      if (!operation) {
        problems.push(`${endpoint}: not in the OpenAPI document`);
        continue;
      }
      const responses = successResponses(operation);
      if (responses.length === 0) problems.push(`${endpoint}: no 2xx response documented`);
      for (const [status, response] of responses) {
        if (!response.content?.[JSON_TYPE]?.schema) problems.push(`${endpoint} ${status}: no ${JSON_TYPE} schema`);
        for (const [type, media] of Object.entries(response.content ?? {})) {
          if (!media.schema) problems.push(`${endpoint} ${status} ${type}: no schema`);
          else problems.push(...schemaProblems(doc, media.schema, `${endpoint} ${status} ${type}`));
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('documents the CSV and XLSX content types wherever a format can be asked for', () => {
    const exports = ANALYST_ENDPOINTS.filter((endpoint) =>
      operationOf(doc, endpoint)?.parameters?.some((p) => p.name === 'format' && p.in === 'query'),
    );
    expect(exports.length).toBeGreaterThanOrEqual(3);
    for (const endpoint of exports) {
      const [, response] = successResponses(operationOf(doc, endpoint)!)[0];
      expect({ endpoint, types: Object.keys(response.content ?? {}).sort() }).toEqual({
        endpoint,
        types: [JSON_TYPE, XLSX_TYPE, CSV_TYPE].sort(),
      });
    }
  });

  it('finds the schema walk strict: it flags an open object, a personal property and an untyped value', () => {
    const open: Schema = { type: 'object', properties: { count: { type: 'integer' } } };
    const personal: Schema = {
      type: 'object',
      additionalProperties: false,
      properties: { victims: { type: 'array', items: { $ref: '#/components/schemas/V' } } },
    };
    const loose = {
      paths: {},
      components: { schemas: { V: { type: 'object', additionalProperties: false, properties: { fullName: {} } } } },
    };
    expect(schemaProblems(loose, open, '$')).toEqual(['$: object without additionalProperties: false']);
    expect(schemaProblems(loose, personal, '$')).toEqual([
      '$.victims: personal field',
      '$.victims[].fullName: personal field',
      '$.victims[].fullName: a schema with no type accepts anything',
    ]);
    const closed: Schema = {
      type: 'object',
      additionalProperties: false,
      required: ['n'],
      properties: { n: { type: 'integer', nullable: true } },
    };
    expect(validate(loose, closed, { n: 1.5, extra: 'x' })).toEqual([
      '$.n: expected integer | null, got number',
      '$.extra: not in the schema (additionalProperties: false)',
    ]);
    expect(validate(loose, closed, { n: null })).toEqual([]);
  });

  it('answers every analyst endpoint with real data that matches its schema and holds no personal data', async () => {
    const analyst = () => t.api('analyst');
    const examples: Array<{ endpoint: string; url: string; run: () => Promise<request.Response>; status: number }> = [
      ...['month', 'department']
        .flatMap((by) => [
          `/api/v1/statistics/hotline?from=2025-01&to=2025-12&by=${by}`,
          `/api/v1/statistics/hotline?from=2025-01&to=2025-12&by=${by}&asOf=${position}`,
        ])
        .map((url) => ({ endpoint: 'GET /api/v1/statistics/hotline', url, run: () => analyst().get(url), status: 200 })),
      ...['destination', 'department']
        .flatMap((by) => [
          `/api/v1/statistics/referrals?from=2025-01&to=2025-12&by=${by}`,
          `/api/v1/statistics/referrals?from=2025-01&to=2025-12&by=${by}&asOf=${position}`,
        ])
        .map((url) => ({ endpoint: 'GET /api/v1/statistics/referrals', url, run: () => analyst().get(url), status: 200 })),
      ...[
        '/api/v1/statistics/monthly?year=2025&month=5',
        `/api/v1/statistics/monthly?year=2025&month=5&asOf=${position}`,
        '/api/v1/statistics/monthly?year=2025&month=5&department=08&format=json',
      ].map((url) => ({ endpoint: 'GET /api/v1/statistics/monthly', url, run: () => analyst().get(url), status: 200 })),
      ...['/api/v1/statistics/inei/2025', `/api/v1/statistics/inei/2025?asOf=${position}`].map((url) => ({
        endpoint: 'GET /api/v1/statistics/inei/{year}',
        url,
        run: () => analyst().get(url),
        status: 200,
      })),
      ...published.map((response, i) => ({
        endpoint: 'POST /api/v1/publications',
        url: `publication ${i + 1}`,
        run: async () => response,
        status: 201,
      })),
      {
        endpoint: 'POST /api/v1/publications',
        url: 'retry of publication 1',
        run: () => analyst().post('/api/v1/publications').send({ publicationId, kind: 'monthly', period: '2025-05' }),
        status: 201,
      },
      { endpoint: 'GET /api/v1/publications', url: '/api/v1/publications', run: () => analyst().get('/api/v1/publications'), status: 200 },
      { endpoint: 'GET /api/v1/me', url: '/api/v1/me', run: () => analyst().get('/api/v1/me'), status: 200 },
      {
        endpoint: 'GET /api/v1/reference/case-catalogs',
        url: '/api/v1/reference/case-catalogs',
        run: () => analyst().get('/api/v1/reference/case-catalogs'),
        status: 200,
      },
      {
        endpoint: 'GET /api/v1/statistics/revision-triangle',
        url: '/api/v1/statistics/revision-triangle?from=2025-01&to=2025-12',
        run: () => analyst().get('/api/v1/statistics/revision-triangle?from=2025-01&to=2025-12'),
        status: 200,
      },
      {
        endpoint: 'GET /api/v1/statistics/release-points',
        url: '/api/v1/statistics/release-points',
        run: () => analyst().get('/api/v1/statistics/release-points'),
        status: 200,
      },
      ...[publicationId, annualPublicationId].flatMap((id) => [
        {
          endpoint: 'GET /api/v1/publications/{id}',
          url: `/api/v1/publications/${id}`,
          run: () => analyst().get(`/api/v1/publications/${id}`),
          status: 200,
        },
        {
          endpoint: 'GET /api/v1/publications/{id}/revisions',
          url: `/api/v1/publications/${id}/revisions`,
          run: () => analyst().get(`/api/v1/publications/${id}/revisions`),
          status: 200,
        },
      ]),
    ];
    // Every endpoint the policy gives analysts is exercised, whatever is added to it later.
    expect([...new Set(examples.map((e) => e.endpoint))].sort()).toEqual([...ANALYST_ENDPOINTS].sort());

    const problems: string[] = [];
    const bodies = new Map<string, unknown[]>();
    for (const { endpoint, url, run, status } of examples) {
      const response = await run();
      const where = `${endpoint} (${url})`;
      if (response.status !== status) {
        problems.push(`${where}: status ${response.status}`);
        continue;
      }
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      const body: unknown = JSON.parse(response.text);
      bodies.set(endpoint, [...(bodies.get(endpoint) ?? []), body]);
      const schema = operationOf(doc, endpoint)!.responses[String(status)].content![JSON_TYPE].schema!;
      problems.push(...validate(doc, schema, body).map((error) => `${where}: ${error}`));
      problems.push(
        ...keysOf(body)
          .filter((path) => forbidden.has(path.split('.').pop()!.toLowerCase()))
          .map((path) => `${where}: personal field ${path}`),
      );
      problems.push(...SECRETS.filter((secret) => response.text.includes(secret)).map((secret) => `${where}: contains "${secret}"`));
    }
    expect(problems).toEqual([]);

    // Analysts read at release points only (issue 10, item 2), so every answer carries the log-position variant;
    // the projection-checkpoint variant is the operational roles' (current reads). Revisions have changed cells.
    const asOfs = [...bodies.get('GET /api/v1/statistics/hotline')!, ...bodies.get('GET /api/v1/statistics/referrals')!].map((b) =>
      Object.keys((b as { asOf: object }).asOf).sort(),
    );
    expect(asOfs.length).toBeGreaterThan(0);
    expect(asOfs.every((keys) => keys.length === 1 && keys[0] === 'logPosition')).toBe(true);
    const revisions = bodies.get('GET /api/v1/publications/{id}/revisions') as Array<{ changes: unknown[] }>;
    expect(revisions.some((r) => r.changes.length > 0)).toBe(true);
    expect((bodies.get('POST /api/v1/publications') as Array<{ replayed: boolean }>).map((b) => b.replayed)).toEqual([false, false, true]);
  });

  it('answers the CSV and XLSX exports with their documented content types, the CSV holding no personal data', async () => {
    const urls = ['/api/v1/statistics/monthly?year=2025&month=5', '/api/v1/statistics/inei/2025', `/api/v1/publications/${publicationId}`];
    for (const url of urls) {
      const csv = await t
        .api('analyst')
        .get(`${url}${url.includes('?') ? '&' : '?'}format=csv`)
        .expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(SECRETS.filter((secret) => csv.text.includes(secret))).toEqual([]);
      const xlsx = await t
        .api('analyst')
        .get(`${url}${url.includes('?') ? '&' : '?'}format=xlsx`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(xlsx.headers['content-type']).toBe(XLSX_TYPE);
    }
  });
});
