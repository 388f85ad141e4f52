import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import request from 'supertest';
import { CONTRACT_FILES, contractFiles, README_FILE, readmeWithRolesTable } from '../../apps/api/src/openapi/console-contract.js';
import { createTestApp, type TestApp } from '../support/app.js';

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
