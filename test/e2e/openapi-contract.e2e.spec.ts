import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Validator } from '@seriousme/openapi-schema-validator';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { ACCESS_EXTENSION, type AccessDescription } from '../../apps/api/src/auth/access.js';
import { errorsMarkdown, PROBLEM_JSON, PROBLEM_TYPES } from '../../apps/api/src/http/problem-details.js';
import {
  CONTRACT_FILES,
  contractFiles,
  ERRORS_FILE,
  README_FILE,
  readmeWithRolesTable,
} from '../../apps/api/src/openapi/console-contract.js';
import { REQUEST_EXAMPLES } from '../../apps/api/src/openapi/request-examples.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { validate, type OpenApiDocument, type Schema } from '../support/openapi-validate.js';

/** The console is typed from committed copies of the contract: they must be what the current code generates. */
describe("the console's OpenAPI contract (apps/console/src/api)", () => {
  let t: TestApp;
  let generated: { json: string; types: string };
  let document: object;
  beforeAll(async () => {
    t = await createTestApp();
    document = (await request(t.app.getHttpServer()).get('/docs-json').expect(200)).body as object;
    generated = await contractFiles(document);
  });
  afterAll(async () => t.close());

  it.each(['json', 'types'] as const)('has a current %s file (else: run npm run openapi)', (kind) => {
    const file = CONTRACT_FILES[kind];
    const committed = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (committed !== generated[kind]) throw new Error(`${file} differs from what the API generates: run npm run openapi`);
  });

  it('has the README\'s "Roles" table made from the routes\' @Access declarations (else: run npm run openapi)', () => {
    const readme = readFileSync(README_FILE, 'utf8');
    if (readmeWithRolesTable(readme, document) !== readme)
      throw new Error("README.md's Roles table differs from the routes' @Access: run npm run openapi");
  });

  it("types the new endpoints' query parameters, bodies and responses", () => {
    expect(generated.types).toContain('"/api/v1/me": {');
    for (const name of [
      'SessionDto',
      'SignInDto',
      'AuthConfigDto',
      'HotlineCallListDto',
      'CaseListDto',
      'CaseSearchDto',
      'CommandAcceptedDto',
    ]) {
      expect(generated.types).toContain(`${name}: {`);
    }
    expect(generated.types).toMatch(/minPosition\?: number/);
    // The document search's body (POST /cases/search), no longer GET /cases's query.
    expect(generated.types).toMatch(/documentNumber: string/);
  });
});

interface DocumentOperation {
  operationId?: string;
  description?: string;
  security?: Array<Record<string, string[]>>;
  requestBody?: { content?: Record<string, { schema?: Schema; example?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  [ACCESS_EXTENSION]?: AccessDescription;
}
interface Document extends OpenApiDocument {
  openapi: string;
  components: { schemas: Record<string, Schema>; securitySchemes?: Record<string, { type: string; scheme?: string }> };
}

/** Every error `code` the sources can raise: domain errors' constructors and the API's own `code: '…'` literals. */
function codesInSources(): Set<string> {
  const codes = new Set<string>();
  const walk = function* (dir: string): Generator<string> {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) yield* walk(path);
      else if (path.endsWith('.ts') && !path.endsWith('.spec.ts')) yield path;
    }
  };
  const patterns = [/new (?:NotAllowed|NotFound|Conflict)\(\s*'([a-z_]+)'/g, /super\(\s*'([a-z_]+)'/g, /\bcode: '([a-z_]+)'/g];
  for (const root of ['libs', 'apps/api/src']) {
    for (const file of walk(root)) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of patterns) for (const match of text.matchAll(pattern)) codes.add(match[1]);
    }
  }
  return codes;
}

describe('the OpenAPI document at /docs-json is usable: security, errors, operation ids, examples', () => {
  let t: TestApp;
  let doc: Document;
  const operations: Array<[string, DocumentOperation]> = [];
  beforeAll(async () => {
    t = await createTestApp();
    doc = (await request(t.app.getHttpServer()).get('/docs-json').expect(200)).body as Document;
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, operation] of Object.entries(item))
        operations.push([`${method.toUpperCase()} ${path}`, operation as DocumentOperation]);
  });
  afterAll(async () => t.close());

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(doc as unknown as Parameters<Validator['validate']>[0]);
    expect(validator.version).toBe('3.1');
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('declares a bearer scheme, and every operation a requirement: the scheme, or none when public', () => {
    expect(doc.components.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(operations.length).toBeGreaterThan(40);
    const wrong = operations.filter(([, operation]) => {
      const isPublic = operation[ACCESS_EXTENSION]?.roles === 'public';
      return JSON.stringify(operation.security) !== JSON.stringify(isPublic ? [] : [{ bearer: [] }]);
    });
    expect(wrong.map(([endpoint]) => endpoint)).toEqual([]);
    expect(operations.filter(([, operation]) => operation.security?.length === 0).map(([endpoint]) => endpoint)).toEqual(
      expect.arrayContaining(['GET /health', 'GET /api/v1/auth/config', 'POST /api/v1/auth/sign-in']),
    );
  });

  it('has unique camelCase operation ids', () => {
    const ids = operations.map(([, operation]) => operation.operationId ?? '');
    expect(ids.filter((id) => !/^[a-z][a-zA-Z0-9]*$/.test(id))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids).toEqual(expect.arrayContaining(['recordHotlineCall', 'registerCase', 'acceptReferral', 'listAuditLog']));
  });

  it("lists each operation's roles in its description, as its @Access says", () => {
    const missing = operations.filter(([, operation]) => {
      const roles = operation[ACCESS_EXTENSION]?.roles;
      const expected = roles === 'public' ? 'Roles: public' : `Roles: ${(roles ?? []).join(', ')}`;
      return !operation.description?.includes(expected);
    });
    expect(missing.map(([endpoint]) => endpoint)).toEqual([]);
    const [, record] = operations.find(([endpoint]) => endpoint === 'POST /api/v1/hotline-calls')!;
    expect(record.description).toContain('Roles: operator, admin');
  });

  it('documents the problem-details answers of every operation: 401/403 unless public, 400/404/409/422 as they apply', () => {
    const problem = doc.components.schemas.ProblemDetails;
    expect(problem.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail', 'instance', 'code', 'fields', 'error']));
    const faults: string[] = [];
    for (const [endpoint, operation] of operations) {
      const statuses = Object.keys(operation.responses);
      if (!statuses.some((status) => /^2\d\d$/.test(status))) faults.push(`${endpoint}: no success response`);
      const errors = statuses.filter((status) => /^[45]\d\d$/.test(status));
      for (const status of errors) {
        const schema = operation.responses[status].content?.[PROBLEM_JSON]?.schema;
        if (schema?.$ref !== '#/components/schemas/ProblemDetails') faults.push(`${endpoint} ${status}: not ProblemDetails`);
      }
      const expected = ['429', '500'];
      if (operation[ACCESS_EXTENSION]?.roles !== 'public') expected.push('401', '403');
      if (endpoint.includes('{')) expected.push('404');
      if (operation.requestBody) expected.push('400', '413');
      for (const status of expected) if (!errors.includes(status)) faults.push(`${endpoint}: no ${status}`);
    }
    expect(faults).toEqual([]);
    const responses = (endpoint: string) => Object.keys(operations.find(([e]) => e === endpoint)![1].responses);
    expect(responses('POST /api/v1/hotline-calls/{callId}/closure')).toEqual(expect.arrayContaining(['409', '422']));
    expect(responses('GET /api/v1/hotline-calls')).toEqual(expect.arrayContaining(['400', '409']));
    expect(responses('GET /api/v1/me')).not.toContain('422');
  });

  it('gives every command an example body that its own request schema accepts', () => {
    const commands = operations.filter(([endpoint, operation]) => endpoint.startsWith('POST') && operation.requestBody);
    expect(commands.length).toBeGreaterThan(20);
    const faults: string[] = [];
    for (const [endpoint, operation] of commands) {
      const body = operation.requestBody?.content?.['application/json'];
      if (body?.example === undefined) faults.push(`${endpoint}: no example`);
      else faults.push(...validate(doc, body.schema!, body.example).map((error) => `${endpoint}: ${error}`));
    }
    expect(faults).toEqual([]);
    expect(Object.keys(REQUEST_EXAMPLES).filter((id) => !operations.some(([, operation]) => operation.operationId === id))).toEqual([]);
  });

  it('knows every error code the sources can raise, and docs/errors.md lists them (else: run npm run openapi)', () => {
    const sources = codesInSources();
    expect(sources.size).toBeGreaterThan(40);
    expect([...sources].filter((code) => !(code in PROBLEM_TYPES))).toEqual([]);
    expect((doc.components.schemas.ProblemDetails.properties?.code as Schema).enum).toEqual(Object.keys(PROBLEM_TYPES));
    const committed = existsSync(ERRORS_FILE) ? readFileSync(ERRORS_FILE, 'utf8') : '';
    if (committed !== errorsMarkdown()) throw new Error(`${ERRORS_FILE} differs from problem-details.ts: run npm run openapi`);
  });
});
