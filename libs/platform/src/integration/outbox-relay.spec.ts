import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import { PostgresEventStore } from '#event-store';
import { createTestDatabase, waitUntilLogVisible, type TestDatabase } from '#test-support/database.js';
import { callReferral, hotlineCall, victim } from '#test-support/fixtures.js';
import { validate, type Schema } from '#test-support/openapi-validate.js';
import { TestPublisher } from '#test-support/test-publisher.js';
import { dataSchemaFor } from './integration-schemas.js';
import { OutboxRelay } from './outbox-relay.js';
import { RelayDaemon } from './relay-daemon.js';
import { registerRelayLagGauges, relayLag } from './relay-lag.js';

const PERSONAL = ['Rosa Mamani Quispe', '44556677', '987654321', 'Jr. Las Flores 123', 'la llamante dice que su hija', 'Comisaría Rosa'];

describe('the integration-event relay on PostgreSQL', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const source = 'urn:registro-trata:test';

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
  });
  afterAll(async () => db.close());

  /** A call with its referral (and free text everywhere), plus a victim's event that is not published. */
  async function appendCallAndReferral(): Promise<{ callStream: string; referralStream: string; eventIds: string[] }> {
    const callId = randomUUID();
    const referralId = randomUUID();
    const callStream = `hotline-call-${callId}`;
    const referralStream = `referral-${referralId}`;
    const ids = Array.from({ length: 5 }, () => randomUUID());
    await store.append(
      callStream,
      [
        { eventId: ids[0], type: 'HotlineCallReceived', data: { ...hotlineCall({ summary: `${PERSONAL[4]} ${PERSONAL[0]}` }), callId } },
        {
          eventId: ids[1],
          type: 'HotlineCallClassified',
          data: { callId, topic: 'labour', previousTopic: 'trafficking', reason: PERSONAL[4] },
        },
        { eventId: ids[2], type: 'HotlineCallCorrected', data: { callId, changes: { summary: PERSONAL[0] }, reason: PERSONAL[2] } },
      ],
      0,
    );
    await store.append(
      referralStream,
      [
        {
          eventId: ids[3],
          type: 'ReferralSent',
          data: { referralId, source: { kind: 'hotlineCall', id: callId }, ...callReferral({ unitName: PERSONAL[5], ubigeo: '150101' }) },
        },
        { eventId: ids[4], type: 'ReferralRejected', data: { referralId, rejectedAt: '2025-03-03T12:00:00-05:00', reason: PERSONAL[3] } },
      ],
      0,
    );
    const victimData = { ...victim({ fullName: PERSONAL[0], documentNumber: PERSONAL[1], phone: PERSONAL[2], address: PERSONAL[3] }) };
    await store.append(`case-${randomUUID()}`, [{ eventId: randomUUID(), type: 'VictimAdded', data: { victim: victimData } }], 0);
    await waitUntilLogVisible(db.pool);
    return { callStream, referralStream, eventIds: ids };
  }

  async function drain(relay: OutboxRelay): Promise<void> {
    while ((await relay.processBatch()) > 0);
  }

  it('publishes one CloudEvent per allow-listed event, keyed by stream, in each stream order, on its topic', async () => {
    const { callStream, referralStream, eventIds } = await appendCallAndReferral();
    const publisher = new TestPublisher();
    await drain(new OutboxRelay(db.pool, publisher, { name: `order-${randomUUID()}`, source, batchSize: 2 }));
    const ofStream = (s: string) => publisher.acknowledged.filter((m) => m.key === s);
    expect(ofStream(callStream).map((m) => [m.topic, m.headers.ce_id])).toEqual([
      ['registro.hotline-calls', eventIds[0]],
      ['registro.hotline-calls', eventIds[1]],
      ['registro.hotline-calls', eventIds[2]],
    ]);
    expect(ofStream(referralStream).map((m) => [m.topic, m.headers.ce_id])).toEqual([
      ['registro.referrals', eventIds[3]],
      ['registro.referrals', eventIds[4]],
    ]);
    const received = JSON.parse(ofStream(callStream)[0].value);
    expect(received).toEqual({
      specversion: '1.0',
      id: eventIds[0],
      type: 'pe.gob.registro-trata.HotlineCallReceived.v1',
      source,
      time: expect.any(String),
      subject: callStream,
      datacontenttype: 'application/json',
      data: {
        callId: callStream.slice('hotline-call-'.length),
        receivedAt: '2025-03-03T09:00:00-05:00',
        channel: 'phone',
        language: 'es',
        topic: 'trafficking',
        anonymous: true,
        callerUbigeo: '150101',
      },
    });
    expect(JSON.parse(ofStream(referralStream)[0].value).data).toEqual({
      referralId: referralStream.slice('referral-'.length),
      sourceKind: 'hotlineCall',
      sourceId: callStream.slice('hotline-call-'.length),
      to: 'PNP',
      ubigeo: '150101',
      referredAt: '2025-03-03T11:00:00-05:00',
    });
    expect(publisher.acknowledged.some((m) => m.value.includes('VictimAdded'))).toBe(false);
  });

  it('never publishes a personal field, a sealed value or free text; every data matches its published schema', async () => {
    await appendCallAndReferral();
    const publisher = new TestPublisher();
    await drain(new OutboxRelay(db.pool, publisher, { name: `privacy-${randomUUID()}`, source }));
    expect(publisher.acknowledged.length).toBeGreaterThanOrEqual(10);
    const everything = JSON.stringify(publisher.acknowledged);
    for (const value of [...PERSONAL, 'summary', 'reason', 'unitName', 'fullName']) expect(everything).not.toContain(value);
    for (const message of publisher.acknowledged) {
      const event = JSON.parse(message.value) as { type: string; data: unknown };
      const type = event.type.replace('pe.gob.registro-trata.', '').replace(/\.v1$/, '');
      expect(validate({ paths: {} }, dataSchemaFor(type) as Schema, event.data)).toEqual([]);
    }
  });

  it('does not advance the checkpoint while the publisher fails, and a restarted relay resumes without loss or gap', async () => {
    await appendCallAndReferral();
    const name = `restart-${randomUUID()}`;
    const failing = new TestPublisher();
    failing.unreachable = 99;
    const first = new OutboxRelay(db.pool, failing, { name, source, batchSize: 3 });
    const start = await first.checkpoint();
    await expect(first.processBatch()).rejects.toThrow('ECONNREFUSED');
    await expect(first.processBatch()).rejects.toThrow('ECONNREFUSED');
    expect(await first.checkpoint()).toEqual(start);
    expect(failing.acknowledged).toEqual([]);

    const publisher = new TestPublisher();
    await drain(new OutboxRelay(db.pool, publisher, { name, source, batchSize: 3 }));
    const all = await store.readAll({ transactionId: '0', globalPosition: 0 }, 10_000);
    const expected = all.filter((e) => e.type !== 'VictimAdded').map((e) => e.eventId);
    expect(publisher.ids()).toEqual(expected);
    expect((await relayLag(db.pool, name)).events).toBe(0);
  });

  it("reads through an adapter's readAll when given one (the port, as for KurrentDB): the same messages in the same order", async () => {
    await appendCallAndReferral();
    const [direct, throughPort] = [new TestPublisher(), new TestPublisher()];
    await drain(new OutboxRelay(db.pool, direct, { name: `sql-${randomUUID()}`, source, batchSize: 3 }));
    await drain(new OutboxRelay(db.pool, throughPort, { name: `port-${randomUUID()}`, source, batchSize: 3, log: store }));
    expect(throughPort.ids().length).toBeGreaterThan(0);
    expect(throughPort.acknowledged).toEqual(direct.acknowledged);
  });

  it('dead-letters an event the broker keeps rejecting and continues with the next', async () => {
    const { eventIds } = await appendCallAndReferral();
    const name = `poison-${randomUUID()}`;
    const publisher = new TestPublisher();
    publisher.rejected.add(eventIds[1]);
    const relay = new OutboxRelay(db.pool, publisher, { name, source, batchSize: 50, maxAttempts: 3 });
    const failures: unknown[] = [];
    for (let i = 0; i < 500; i++) {
      try {
        if ((await relay.processBatch()) === 0) break;
      } catch (error) {
        failures.push(error);
      }
    }
    expect(failures.length).toBe(3); // the batch, then the event alone twice; the third time it is dead-lettered
    expect(publisher.ids()).not.toContain(eventIds[1]);
    expect(publisher.ids()).toEqual(expect.arrayContaining([eventIds[0], eventIds[2], eventIds[3], eventIds[4]]));
    const { rows } = await db.pool.query(
      'SELECT event_id, event_type, error, attempts, global_position, dead_lettered_at FROM integration_dead_letters WHERE relay_name = $1',
      [name],
    );
    expect(rows).toEqual([
      {
        event_id: eventIds[1],
        event_type: 'HotlineCallClassified',
        error: 'MessageRejected: MESSAGE_TOO_LARGE',
        attempts: 3,
        global_position: expect.any(String),
        dead_lettered_at: expect.any(Date),
      },
    ]);
    expect((await relayLag(db.pool, name)).events).toBe(0);
  });

  it('keeps retrying an unreachable broker with backoff, never dead-lettering, then catches up', async () => {
    await appendCallAndReferral();
    const name = `daemon-${randomUUID()}`;
    const publisher = new TestPublisher();
    publisher.unreachable = 8;
    const warnings: string[] = [];
    const daemon = new RelayDaemon(
      new OutboxRelay(db.pool, publisher, { name, source, maxAttempts: 2 }),
      { initialMs: 5, maxMs: 20, idleMs: 10 },
      (m) => warnings.push(m),
    );
    daemon.start();
    const deadline = Date.now() + 10_000;
    while ((await relayLag(db.pool, name)).events > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await daemon.stop();
    expect((await relayLag(db.pool, name)).events).toBe(0);
    expect(warnings.length).toBe(8);
    expect(warnings[0]).toMatch(/integration relay: publish failed, retrying in 5 ms/);
    const dead = await db.pool.query('SELECT 1 FROM integration_dead_letters WHERE relay_name = $1', [name]);
    expect(dead.rowCount).toBe(0);
  });

  it('exposes its lag in events and seconds as Prometheus gauges', async () => {
    await appendCallAndReferral();
    const registry = new Registry();
    const name = `lag-${randomUUID()}`;
    registerRelayLagGauges(registry, db.pool, name);
    const all = await store.readAll({ transactionId: '0', globalPosition: 0 }, 10_000);
    const text = await registry.metrics();
    expect(text).toContain(`registro_integration_relay_lag_events ${all.length}`);
    const seconds = Number(/^registro_integration_relay_lag_seconds (\S+)$/m.exec(text)?.[1]);
    expect(seconds).toBeGreaterThan(0);
    await drain(new OutboxRelay(db.pool, new TestPublisher(), { name, source }));
    await new Promise((r) => setTimeout(r, 5));
    expect(await registry.metrics()).toContain('registro_integration_relay_lag_events 0');
  });
});
