import type { RecordedEvent } from '#event-store';
import { INTEGRATION_EVENTS, type FieldKind, type PublishedField } from './integration-allow-list.js';
import type { IntegrationMessage } from './integration-publisher.js';

export * from './integration-allow-list.js';

export const CLOUD_EVENT_TYPE_PREFIX = 'pe.gob.registro-trata.';

export const cloudEventType = (eventType: string): string => `${CLOUD_EVENT_TYPE_PREFIX}${eventType}.v1`;

export interface CloudEvent {
  specversion: '1.0';
  id: string;
  type: string;
  source: string;
  time: string;
  subject: string;
  datacontenttype: 'application/json';
  data: Record<string, unknown>;
}

/** The envelope of a recorded event, or null when its type is not published. */
export function toCloudEvent(event: RecordedEvent, source: string): CloudEvent | null {
  const published = INTEGRATION_EVENTS[event.type];
  if (!published) return null;
  const data: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(published.fields)) data[name] = valueOf(event.data, field.from ?? name, field);
  return {
    specversion: '1.0',
    id: event.eventId,
    type: cloudEventType(event.type),
    source,
    time: event.recordedAt,
    subject: event.streamId,
    datacontenttype: 'application/json',
    data,
  };
}

/** Kafka's structured content mode of the CloudEvents binding: the whole envelope is the value. */
export function toIntegrationMessage(event: RecordedEvent, source: string): IntegrationMessage | null {
  const cloudEvent = toCloudEvent(event, source);
  if (!cloudEvent) return null;
  return {
    topic: INTEGRATION_EVENTS[event.type].topic,
    key: event.streamId,
    value: JSON.stringify(cloudEvent),
    headers: { 'content-type': 'application/cloudevents+json; charset=UTF-8', ce_id: event.eventId, ce_type: cloudEvent.type },
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Only values of the declared kind leave: a value of another shape (an object, a long text) becomes null. A list
 * is counted (`.length`) or, for a `codes` field, sent only when every item is a code; `.keys` sends field names.
 */
function valueOf(data: Record<string, unknown>, path: string, field: PublishedField): unknown {
  const parts = path.split('.');
  const derived = parts[parts.length - 1] === 'length' || parts[parts.length - 1] === 'keys' ? parts.pop() : undefined;
  let value: unknown = data;
  for (const part of parts) value = isRecord(value) ? value[part] : undefined;
  if (derived === 'length') return Array.isArray(value) ? value.length : null;
  if (derived === 'keys') value = isRecord(value) && !Array.isArray(value) ? Object.keys(value) : undefined;
  return fitsKind(value, field.kind) ? value : null;
}

const PATTERNS: Record<Exclude<FieldKind, 'count' | 'boolean' | 'codes'>, RegExp> = {
  id: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  code: /^[a-z][a-z0-9_-]{0,39}$/i,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/,
  // A department, a province or a district (2, 4 or 6 digits), as the registry records places.
  ubigeo: /^(?:\d{2}|\d{4}|\d{6})$/,
};

function fitsKind(value: unknown, kind: FieldKind): boolean {
  if (kind === 'count') return Number.isInteger(value) && (value as number) >= 0;
  if (kind === 'boolean') return typeof value === 'boolean';
  if (kind === 'codes') return Array.isArray(value) && value.every((item) => fitsKind(item, 'code'));
  return typeof value === 'string' && PATTERNS[kind].test(value);
}
