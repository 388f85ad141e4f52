import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '#event-store';
import { createTestDatabase, waitUntilLogVisible, type TestDatabase } from '#test-support/database.js';
import { validate, type Schema } from '#test-support/openapi-validate.js';
import { personalDataLog, PLANTED, type LogStream } from '#test-support/personal-data-log.js';
import { TestPublisher } from '#test-support/test-publisher.js';
import { CLOUD_EVENT_TYPE_PREFIX, INTEGRATION_EVENTS, type CloudEvent } from './integration-contract.js';
import { dataSchemaFor } from './integration-schemas.js';
import { OutboxRelay } from './outbox-relay.js';

/**
 * Issue 15: no personal field and no free text in any integration event. A log made by the real deciders, with
 * personal data and free text wherever a command takes them (in clear: the worst case, stored events hold them
 * sealed), goes through the relay; every planted value is searched for in everything the "broker" received.
 */
describe('the integration events of a log full of personal data', () => {
  let db: TestDatabase;
  let log: LogStream[];
  const publisher = new TestPublisher();

  beforeAll(async () => {
    db = await createTestDatabase();
    const store = new PostgresEventStore(db.pool);
    log = personalDataLog();
    for (const stream of log) await store.append(stream.streamId, stream.events, 0);
    await waitUntilLogVisible(db.pool);
    const relay = new OutboxRelay(db.pool, publisher, { name: `privacy-${randomUUID()}`, source: 'urn:registro-trata:test' });
    while ((await relay.processBatch()) > 0);
  });
  afterAll(async () => db.close());

  const received = () => publisher.acknowledged.map((m) => ({ ...m, event: JSON.parse(m.value) as CloudEvent }));
  const typeOf = (event: CloudEvent) => event.type.slice(CLOUD_EVENT_TYPE_PREFIX.length).replace(/\.v1$/, '');

  it('holds every planted value in the log it publishes from, and publishes every allow-listed type', () => {
    const logged = JSON.stringify(log);
    for (const value of Object.values(PLANTED)) expect(logged).toContain(value);
    const published = new Set(received().map(({ event }) => typeOf(event)));
    expect([...published].sort()).toEqual(Object.keys(INTEGRATION_EVENTS).sort());
  });

  it('sends none of the planted names, documents, phones, addresses, reasons, aliases or notes', () => {
    const everything = JSON.stringify(publisher.acknowledged);
    const leaked = Object.entries(PLANTED).filter(([, value]) => everything.includes(value));
    expect(leaked).toEqual([]);
    // Nor a fragment of them: a surname, a document's digits, a sealed value, a field name that holds free text.
    const fragments = ['Mamani', 'Ccori', '4455667', 'sealed:', 'fullName', 'summary', 'notes', 'alias', 'office', 'court'];
    expect(fragments.filter((fragment) => everything.includes(fragment))).toEqual([]);
  });

  it('describes no person: no sex, age, nationality, country or migratory status, no victim or suspect id in data', () => {
    const events = log.flatMap((s) => s.events);
    const personIds = new Set(
      events.flatMap((e) => ['victimId', 'suspectId', 'personId'].map((k) => (e.data as Record<string, unknown>)[k])).filter(Boolean),
    );
    expect(personIds.size).toBeGreaterThanOrEqual(4);
    for (const { event } of received()) {
      expect(Object.keys(event.data)).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/^(sex|age|ageGroup|minor|nationality|country|status|department)$/)]),
      );
      for (const value of Object.values(event.data)) expect(personIds.has(value as string)).toBe(false);
    }
  });

  it('validates every message against the JSON Schema of its type, on its topic, keyed by its stream', () => {
    const streams = new Map(log.flatMap((s) => s.events.map((e) => [e.eventId, s.streamId] as const)));
    expect(publisher.acknowledged.length).toBeGreaterThanOrEqual(Object.keys(INTEGRATION_EVENTS).length);
    for (const { event, topic, key } of received()) {
      const type = typeOf(event);
      expect(validate({ paths: {} }, dataSchemaFor(type) as Schema, event.data)).toEqual([]);
      expect(topic).toBe(INTEGRATION_EVENTS[type].topic);
      expect(key).toBe(streams.get(event.id));
      expect(event.subject).toBe(key);
    }
  });

  it('counts the people of a case by its messages, and says which facts a correction changed', () => {
    const ofType = (type: string) => received().filter(({ event }) => typeOf(event) === type);
    expect(ofType('VictimIdentified').length - ofType('VictimVoided').length).toBe(1);
    expect(ofType('SuspectIdentified').length - ofType('SuspectVoided').length).toBe(1);
    expect(ofType('CaseFactsCorrected').map(({ event }) => event.data)).toEqual([
      expect.objectContaining({ changedFields: ['occurredAt', 'policeUnit'], occurredAt: '2026-02-20T03:00:00.000Z' }),
    ]);
  });
});
