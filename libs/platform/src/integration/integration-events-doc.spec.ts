import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../config/project-root.js';
import { INTEGRATION_EVENTS } from './integration-contract.js';
import { dataSchemaFor, integrationEventsMarkdown, SCHEMAS_BEGIN, SCHEMAS_END } from './integration-schemas.js';

/** docs/integration-events.md carries the topics and schemas generated from the allow-list: it must be current. */
describe('the integration events document', () => {
  it('holds the generated topics and schemas, as the allow-list makes them today', () => {
    const doc = readFileSync(join(projectRoot(), 'docs', 'integration-events.md'), 'utf8');
    const start = doc.indexOf(SCHEMAS_BEGIN);
    const end = doc.indexOf(SCHEMAS_END);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(doc.slice(start, end + SCHEMAS_END.length)).toBe(integrationEventsMarkdown());
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
