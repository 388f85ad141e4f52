import type { RecordedEvent } from '#event-store';
import type { IntegrationMessage } from './integration-publisher.js';

/**
 * The public contract of the integration events: which event types are published, on which topic, and which of
 * their fields. An explicit allow-list: a field added to an event is not published until it is listed here, and
 * only ids, codes, dates, counts, flags and UBIGEO may be listed (never a personal field, a sealed value or free
 * text). Within v1 changes are additive only; a breaking change is a new `.v2` type published side by side.
 */
export type FieldKind = 'id' | 'code' | 'date-time' | 'count' | 'boolean' | 'ubigeo';

export interface PublishedField {
  kind: FieldKind;
  nullable?: boolean;
  /** Where the value comes from when not the field of the same name: a dotted path, or `path.length` for a count. */
  from?: string;
}

export interface PublishedEventType {
  topic: string;
  fields: Readonly<Record<string, PublishedField>>;
}

const id = { kind: 'id' } as const;
const code = { kind: 'code' } as const;
const time = { kind: 'date-time' } as const;

export const INTEGRATION_EVENTS: Readonly<Record<string, PublishedEventType>> = {
  HotlineCallReceived: {
    topic: 'registro.hotline-calls',
    fields: {
      callId: id,
      receivedAt: time,
      channel: code,
      language: code,
      topic: code,
      anonymous: { kind: 'boolean' },
      callerUbigeo: { kind: 'ubigeo', nullable: true },
    },
  },
  HotlineCallClassified: { topic: 'registro.hotline-calls', fields: { callId: id, topic: code, previousTopic: code } },
  HotlineCallCorrected: { topic: 'registro.hotline-calls', fields: { callId: id } },
  HotlineCallClosed: { topic: 'registro.hotline-calls', fields: { callId: id, closedAt: time, outcome: code } },
  ReferralSent: {
    topic: 'registro.referrals',
    fields: {
      referralId: id,
      sourceKind: { kind: 'code', from: 'source.kind' },
      sourceId: { kind: 'id', from: 'source.id' },
      to: code,
      ubigeo: { kind: 'ubigeo', nullable: true },
      referredAt: time,
    },
  },
  ReferralAccepted: {
    topic: 'registro.referrals',
    fields: { referralId: id, acceptedAt: time, linkedCaseId: { kind: 'id', nullable: true } },
  },
  ReferralRejected: { topic: 'registro.referrals', fields: { referralId: id, rejectedAt: time } },
  ReferralCompleted: {
    topic: 'registro.referrals',
    fields: { referralId: id, completedAt: time, successful: { kind: 'boolean' }, reason: { kind: 'code', nullable: true } },
  },
  ReferralRevoked: { topic: 'registro.referrals', fields: { referralId: id, revokedAt: time } },
  TrialOpened: {
    topic: 'registro.trials',
    fields: { trialId: id, prosecutionId: id, caseId: { kind: 'id', nullable: true }, openedAt: time },
  },
  RulingIssued: {
    topic: 'registro.trials',
    fields: {
      trialId: id,
      ruledAt: time,
      verdict: code,
      instance: { kind: 'count' },
      defendantCount: { kind: 'count', from: 'defendants.length' },
    },
  },
  RulingAppealed: { topic: 'registro.trials', fields: { trialId: id, appealedAt: time } },
  RulingBecameFinal: { topic: 'registro.trials', fields: { trialId: id, finalAt: time, verdict: code } },
};

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

/** Only values of the declared kind leave: a value of another shape (an object, a long text) becomes null. */
function valueOf(data: Record<string, unknown>, path: string, field: PublishedField): unknown {
  const parts = path.split('.');
  const counted = parts[parts.length - 1] === 'length';
  let value: unknown = data;
  for (const part of counted ? parts.slice(0, -1) : parts)
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  if (counted) return Array.isArray(value) ? value.length : null;
  return fitsKind(value, field.kind) ? value : null;
}

const PATTERNS: Record<Exclude<FieldKind, 'count' | 'boolean'>, RegExp> = {
  id: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  code: /^[a-z][a-z0-9_-]{0,39}$/i,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/,
  ubigeo: /^\d{6}$/,
};

function fitsKind(value: unknown, kind: FieldKind): boolean {
  if (kind === 'count') return Number.isInteger(value) && (value as number) >= 0;
  if (kind === 'boolean') return typeof value === 'boolean';
  return typeof value === 'string' && PATTERNS[kind].test(value);
}
