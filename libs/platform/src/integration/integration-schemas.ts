import { cloudEventType, INTEGRATION_EVENTS, type FieldKind, type PublishedField } from './integration-contract.js';

const CODE = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]{0,39}$' };

const KIND_SCHEMAS: Record<FieldKind, Record<string, unknown>> = {
  id: { type: 'string', format: 'uuid' },
  code: CODE,
  codes: { type: 'array', items: CODE },
  'date-time': { type: 'string', format: 'date-time' },
  count: { type: 'integer', minimum: 0 },
  boolean: { type: 'boolean' },
  ubigeo: { type: 'string', pattern: '^([0-9]{2}|[0-9]{4}|[0-9]{6})$' },
};

/** The JSON Schema of a published event type's `data`, generated from the allow-list (so the doc cannot drift). */
export function dataSchemaFor(eventType: string): Record<string, unknown> {
  const published = INTEGRATION_EVENTS[eventType];
  if (!published) throw new Error(`${eventType} is not published`);
  const properties = Object.fromEntries(Object.entries(published.fields).map(([name, field]) => [name, fieldSchema(field)]));
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:${cloudEventType(eventType)}`,
    title: `${cloudEventType(eventType)} data`,
    type: 'object',
    additionalProperties: false,
    required: Object.keys(published.fields),
    properties,
  };
}

function fieldSchema(field: PublishedField): Record<string, unknown> {
  const schema = KIND_SCHEMAS[field.kind];
  if (!field.nullable) return schema;
  return { ...schema, type: [schema.type as string, 'null'] };
}

export const SCHEMAS_BEGIN = '<!-- integration-event-schemas:begin (generated from integration-allow-list.ts) -->';
export const SCHEMAS_END = '<!-- integration-event-schemas:end -->';

/** The generated part of docs/integration-events.md: topics and one schema per published event type. */
export function integrationEventsMarkdown(): string {
  const types = Object.keys(INTEGRATION_EVENTS);
  const topics = [...new Set(types.map((t) => INTEGRATION_EVENTS[t].topic))];
  const lines = [SCHEMAS_BEGIN, '', '| Tema / topic | Tipos / types |', '| --- | --- |'];
  for (const topic of topics)
    lines.push(
      `| \`${topic}\` | ${types
        .filter((t) => INTEGRATION_EVENTS[t].topic === topic)
        .map((t) => `\`${cloudEventType(t)}\``)
        .join(', ')} |`,
    );
  for (const type of types)
    lines.push('', `### \`${cloudEventType(type)}\``, '', '```json', JSON.stringify(dataSchemaFor(type), null, 2), '```');
  lines.push('', SCHEMAS_END);
  return lines.join('\n');
}

/** The document with its generated part replaced by today's (`npm run docs:integration` writes it). */
export function withCurrentSchemas(doc: string): string {
  // By the marker's stable prefix, so a reworded marker is rewritten too.
  const start = doc.indexOf('<!-- integration-event-schemas:begin');
  const end = doc.indexOf(SCHEMAS_END);
  if (start < 0 || end < start) throw new Error(`docs/integration-events.md: markers ${SCHEMAS_BEGIN} … ${SCHEMAS_END} not found`);
  return doc.slice(0, start) + integrationEventsMarkdown() + doc.slice(end + SCHEMAS_END.length);
}
