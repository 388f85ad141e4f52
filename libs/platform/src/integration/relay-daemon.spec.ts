import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '#event-store';
import { createTestDatabase, waitUntilLogVisible, type TestDatabase } from '#test-support/database.js';
import { hotlineCall } from '#test-support/fixtures.js';
import type { IntegrationMessage, IntegrationPublisher } from './integration-publisher.js';
import { OutboxRelay } from './outbox-relay.js';
import { RelayDaemon } from './relay-daemon.js';
import { relayLag } from './relay-lag.js';

/** In-process publisher: what each daemon's "broker" acknowledged. */
class RecordingPublisher implements IntegrationPublisher {
  readonly acknowledged: IntegrationMessage[] = [];
  async publish(messages: readonly IntegrationMessage[]): Promise<void> {
    this.acknowledged.push(...messages);
  }
  async close(): Promise<void> {}
}

const fast = { initialMs: 5, maxMs: 20, idleMs: 10 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('two relay daemons on one checkpoint (two projectors)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
  });
  afterAll(async () => db.close());

  const appendCalls = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const call = hotlineCall({ callId: randomUUID() });
      await store.append(`hotline-call-${call.callId}`, [{ eventId: randomUUID(), type: 'HotlineCallReceived', data: { ...call } }], 0);
    }
    await waitUntilLogVisible(db.pool);
  };
  const caughtUp = async (name: string) => {
    const deadline = Date.now() + 10_000;
    while ((await relayLag(db.pool, name)).events > 0 && Date.now() < deadline) await sleep(20);
    expect((await relayLag(db.pool, name)).events).toBe(0);
  };

  it('lets exactly one publish; when it stops, the standby takes over from the checkpoint', async () => {
    const name = `exclusive-${randomUUID()}`;
    const [first, second] = [new RecordingPublisher(), new RecordingPublisher()];
    const relay = (publisher: IntegrationPublisher) => new OutboxRelay(db.pool, publisher, { name, source: 'urn:test', batchSize: 2 });
    const a = new RelayDaemon(relay(first), fast, () => undefined, db.pool);
    a.start();
    await sleep(50);
    const b = new RelayDaemon(relay(second), fast, () => undefined, db.pool);
    b.start();
    await appendCalls(10);
    await caughtUp(name);
    expect([a.active, b.active]).toEqual([true, false]);
    expect(first.acknowledged).toHaveLength(10);
    expect(second.acknowledged).toHaveLength(0);

    await a.stop();
    await appendCalls(4);
    await caughtUp(name);
    expect(b.active).toBe(true);
    expect(second.acknowledged).toHaveLength(4);
    // Nothing published twice across the two "brokers".
    const ids = [...first.acknowledged, ...second.acknowledged].map((m) => m.headers.ce_id);
    expect(new Set(ids).size).toBe(14);
    await b.stop();
  });
});
