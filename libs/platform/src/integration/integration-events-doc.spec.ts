import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../config/project-root.js';
import { INTEGRATION_EVENTS } from './integration-contract.js';
import { dataSchemaFor, integrationEventsMarkdown, SCHEMAS_BEGIN, withCurrentSchemas } from './integration-schemas.js';

/** docs/integration-events.md carries the topics and schemas generated from the allow-list: it must be current. */
describe('the integration events document', () => {
  it('holds the generated topics and schemas, as the allow-list makes them today', () => {
    const doc = readFileSync(join(projectRoot(), 'docs', 'integration-events.md'), 'utf8');
    expect(doc.indexOf(SCHEMAS_BEGIN)).toBeGreaterThanOrEqual(0);
    // When this fails: `npm run docs:integration` rewrites the generated part.
    expect(withCurrentSchemas(doc)).toBe(doc);
    expect(doc).toContain(integrationEventsMarkdown());
  });

  it('describes every published field, nothing else, and only topics under registro.', () => {
    for (const [type, published] of Object.entries(INTEGRATION_EVENTS)) {
      expect(published.topic).toMatch(/^registro\.[a-z-]+$/);
      const schema = dataSchemaFor(type) as { required: string[]; additionalProperties: boolean };
      expect(schema.required).toEqual(Object.keys(published.fields));
      expect(schema.additionalProperties).toBe(false);
    }
    expect(() => dataSchemaFor('VictimAdded')).toThrow(/not published/);
  });
});
