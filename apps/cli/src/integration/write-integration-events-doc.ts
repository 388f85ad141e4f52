import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, withCurrentSchemas } from '#platform';

/**
 * `npm run docs:integration`: rewrites the generated part of docs/integration-events.md (topics and one JSON Schema
 * per published event type) from the allow-list; the prose around it is kept. A test fails when it is stale.
 */
const file = join(projectRoot(), 'docs', 'integration-events.md');
const before = readFileSync(file, 'utf8');
const after = withCurrentSchemas(before);
writeFileSync(file, after);
process.stderr.write(`${file}: ${before === after ? 'ya al día / already current' : 'escrito / written'}\n`);
