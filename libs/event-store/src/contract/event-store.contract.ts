import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  IdempotencyConflict,
  LOG_START,
  WrongExpectedVersion,
  type EventStore,
  type LogPosition,
  type NewEvent,
  type RecordedEvent,
} from '../event-store.port.js';
import type { Pool } from 'pg';
import { chainHash, fieldsToAppend, GENESIS_HASH } from '../postgres/hash-chain.js';
import type { Projection } from '../projections/projection.js';
import { ProjectionRunner } from '../projections/projection-runner.js';

/** One adapter under test, opened once for the whole suite. */
export interface ContractSubject {
  store: EventStore;
  /** The stream-name prefix the suite's streams get (the adapter's readAll must cover it). */
  streamPrefix: string;
  /**
   * A migrated PostgreSQL database for the read models fed by this adapter: their tables and checkpoints live there,
   * whichever store holds the log.
   */
  readModels: Pool;
  close(): Promise<void>;
}

/**
 * The sealing decorator over the adapter (SealingEventStore lives in the platform, which this library may not import:
 * the platform's spec passes it in). `event` carries personal values that must never reach the adapter in clear.
 */
export interface SealingCase {
  wrap(log: EventStore): EventStore;
  streamId(): string;
  event(): { event: NewEvent; personalValues: string[] };
}

export interface ContractOptions {
  sealing?: SealingCase;
  /** How long readAll may take to show what was appended (PostgreSQL's gap-safe read waits for open transactions). */
  visibleWithinMs?: number;
}

const newEvent = (type = 'ContractTested', data: Record<string, unknown> = { n: 1 }): NewEvent => ({
  eventId: randomUUID(),
  type,
  data,
  metadata: { actor: 'contract' },
});

/** Recomputes a stream's hash chain from what readStream returns: each event's hash links to the previous one's. */
export function brokenLinkOf(events: readonly RecordedEvent[]): number | null {
  let prev = GENESIS_HASH;
  for (const event of events) {
    const fields = fieldsToAppend(event.streamId, event.streamPosition, event, event.recordedAt);
    if (chainHash(prev, fields) !== event.hash) return event.streamPosition;
    prev = event.hash;
  }
  return null;
}

const positionOf = (event: RecordedEvent): LogPosition => ({ transactionId: event.transactionId, globalPosition: event.globalPosition });

/**
 * Registers the behaviour every adapter of the EventStore port must have, so PostgreSQL and KurrentDB are held to
 * the same rules: expected versions, idempotent event ids, stream order, the ordered and resumable read of the
 * whole log, the hash chain, and sealing through the decorator.
 */
export function eventStoreContract(name: string, open: () => Promise<ContractSubject>, options: ContractOptions = {}): void {
  describe(`EventStore contract: ${name}`, () => {
    let subject: ContractSubject;
    let store: EventStore;
    const stream = () => `${subject.streamPrefix}${randomUUID()}`;

    beforeAll(async () => {
      subject = await open();
      store = subject.store;
    });
    afterAll(async () => subject?.close());

    it('appends to a new stream at 0, then at its version, and reads it back in order', async () => {
      const s = stream();
      await expect(store.append(s, [newEvent('A'), newEvent('B')], 0)).resolves.toMatchObject({
        streamId: s,
        nextExpectedVersion: 2,
        replayed: false,
      });
      await expect(store.append(s, [newEvent('C')], 2)).resolves.toMatchObject({ nextExpectedVersion: 3, replayed: false });
      await expect(store.append(s, [newEvent('D')], 'any')).resolves.toMatchObject({ nextExpectedVersion: 4, replayed: false });
      const read = await store.readStream(s);
      expect(read.map((e) => [e.type, e.streamPosition, e.streamId])).toEqual([
        ['A', 1, s],
        ['B', 2, s],
        ['C', 3, s],
        ['D', 4, s],
      ]);
      expect(read[0]).toMatchObject({ schemaVersion: 1, data: { n: 1 }, metadata: { actor: 'contract' } });
    });

    it("appends with 'any' to a stream that does not exist yet", async () => {
      const s = stream();
      await expect(store.append(s, [newEvent()], 'any')).resolves.toMatchObject({ nextExpectedVersion: 1 });
      expect(await store.readStream(s)).toHaveLength(1);
    });

    it('reads a stream that does not exist as empty', async () => {
      expect(await store.readStream(stream())).toEqual([]);
    });

    it('refuses a wrong expected version with WrongExpectedVersion and appends nothing', async () => {
      const s = stream();
      await store.append(s, [newEvent('A')], 0);
      await expect(store.append(s, [newEvent('Stale')], 0)).rejects.toThrow(WrongExpectedVersion);
      await expect(store.append(s, [newEvent('Ahead')], 5)).rejects.toMatchObject({ streamId: s, expected: 5, actual: 1 });
      await expect(store.append(stream(), [newEvent('Missing')], 1)).rejects.toMatchObject({ expected: 1, actual: 0 });
      expect((await store.readStream(s)).map((e) => e.type)).toEqual(['A']);
    });

    it('lets exactly one of concurrent appends at the same version win', async () => {
      const s = stream();
      await store.append(s, [newEvent()], 0);
      const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => store.append(s, [newEvent()], 1)));
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes.filter((o) => o.status === 'rejected')) {
        expect((o as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersion);
      }
      expect((await store.readStream(s)).map((e) => e.streamPosition)).toEqual([1, 2]);
    });

    it('treats a retried append with the same event ids as replayed, appending nothing', async () => {
      const s = stream();
      const events = [newEvent('A', { x: 1, y: [1, 2] }), newEvent('B')];
      const original = await store.append(s, events, 0);
      await store.append(s, [newEvent('C')], 2);
      const retried = await store.append(s, events, 0);
      expect(retried).toMatchObject({ streamId: s, nextExpectedVersion: original.nextExpectedVersion, replayed: true });
      expect((await store.readStream(s)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
      // The ids are the store's: upper-case spelling of the same id is the same event.
      const again = await store.append(s, [{ ...events[0], eventId: events[0].eventId.toUpperCase() }], 'any');
      expect(again.replayed).toBe(true);
      expect(await store.readStream(s)).toHaveLength(3);
    });

    it('refuses an event id already used with different content, appending nothing', async () => {
      const s = stream();
      const original = newEvent('A', { amount: 1 });
      await store.append(s, [original], 0);
      await expect(store.append(s, [{ ...original, data: { amount: 2 } }], 0)).rejects.toThrow(IdempotencyConflict);
      await expect(store.append(s, [{ ...original, data: { amount: 2 } }], 1)).rejects.toThrow(IdempotencyConflict);
      await expect(store.append(s, [{ ...original, type: 'B' }], 'any')).rejects.toThrow(IdempotencyConflict);
      expect((await store.readStream(s)).map((e) => e.data)).toEqual([{ amount: 1 }]);
    });

    it('reads the whole log in order, in pages that resume from the last position without missing or repeating', async () => {
      const streams = [stream(), stream(), stream()];
      const appended: string[] = [];
      for (let round = 0; round < 4; round++) {
        for (const [i, s] of streams.entries()) {
          const events = round === 1 && i === 0 ? [newEvent(), newEvent()] : [newEvent()];
          await store.append(s, events, 'any');
          appended.push(...events.map((e) => e.eventId));
        }
      }
      const seen: RecordedEvent[] = [];
      let after: LogPosition = LOG_START;
      const deadline = Date.now() + (options.visibleWithinMs ?? 15_000);
      const ours = () => seen.filter((e) => streams.includes(e.streamId));
      while (ours().length < appended.length && Date.now() < deadline) {
        const page = await store.readAll(after, 3);
        expect(page.length).toBeLessThanOrEqual(3);
        if (page.length === 0) {
          await new Promise((resolve) => setTimeout(resolve, 25));
          continue;
        }
        seen.push(...page);
        after = positionOf(page.at(-1)!);
      }
      const ids = seen.map((e) => e.eventId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ours().map((e) => e.eventId)).toEqual(appended);
      // Positions strictly increase across the pages: a reader's checkpoint only moves forward.
      for (let i = 1; i < seen.length; i++) {
        const [a, b] = [seen[i - 1], seen[i]];
        const ordered =
          BigInt(a.transactionId) < BigInt(b.transactionId) || (a.transactionId === b.transactionId && a.globalPosition < b.globalPosition);
        expect(ordered).toBe(true);
      }
      // Resuming from the middle gives exactly the rest.
      const middle = ours()[4];
      const rest = await store.readAll(positionOf(middle), 1000);
      expect(rest.filter((e) => streams.includes(e.streamId)).map((e) => e.eventId)).toEqual(appended.slice(5));
    });

    it("feeds a projection whose checkpoint is in PostgreSQL, in the read model's transaction: each event once, in order, across restarts and concurrent runners", async () => {
      const table = `contract_projected_${randomUUID().slice(0, 8)}`;
      const db = subject.readModels;
      await db.query(`CREATE TABLE ${table} (event_id uuid PRIMARY KEY, stream_id text NOT NULL, log_position bigint NOT NULL UNIQUE)`);
      const streams = [stream(), stream(), stream()];
      const projection: Projection = {
        name: table,
        tables: [table],
        handles: ['ContractProjected'],
        async applyBatch(client, events, { logPositions }) {
          for (const [i, event] of events.entries()) {
            if (!streams.includes(event.streamId)) continue; // other suites' streams on a shared server
            await client.query(`INSERT INTO ${table} VALUES ($1, $2, $3)`, [event.eventId, event.streamId, logPositions[i]]);
          }
        },
      };
      // A new runner each time is a restart: it knows nothing but the checkpoint row.
      const runner = () =>
        new ProjectionRunner(db, projection, { knownEventTypes: new Set(['ContractProjected']), batchSize: 4, source: store });
      const appended: string[] = [];
      const append = async (rounds: number) => {
        for (let round = 0; round < rounds; round++) {
          for (const s of streams) {
            const event = newEvent('ContractProjected', { round });
            await store.append(s, [event], 'any');
            appended.push(event.eventId);
          }
        }
      };
      const projected = async () =>
        (await db.query<{ event_id: string }>(`SELECT event_id FROM ${table} ORDER BY log_position`)).rows.map((r) => r.event_id);
      const until = async (catchUp: () => Promise<unknown>) => {
        const deadline = Date.now() + (options.visibleWithinMs ?? 15_000);
        while ((await projected()).length < appended.length && Date.now() < deadline) {
          await catchUp();
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      };

      await append(4);
      await until(() => runner().catchUp());
      expect(await projected()).toEqual(appended);
      // Two runners at once (two projector processes): the checkpoint row's lock and compare-and-set let each
      // batch through once; a duplicate would break the table's primary key and fail the catch-up.
      await append(3);
      await until(() => Promise.all([runner().catchUp(), runner().catchUp()]));
      expect(await projected()).toEqual(appended);
      const { rows } = await db.query<{ transaction_id: string; global_position: string }>(
        'SELECT transaction_id::text, global_position FROM projection_checkpoints WHERE projection_name = $1',
        [table],
      );
      expect(rows).toHaveLength(1);
      expect(Number(rows[0].global_position)).toBeGreaterThan(0);
    });

    it('chains each event of a stream to the previous one by hash, and a changed event breaks the chain', async () => {
      const s = stream();
      await store.append(s, [newEvent('A', { text: 'ñandú "quoted" \\ \n' }), newEvent('B')], 0);
      for (let v = 2; v < 5; v++) await store.append(s, [newEvent('Step', { v })], v);
      const events = await store.readStream(s);
      expect(events).toHaveLength(5);
      expect(brokenLinkOf(events)).toBeNull();
      expect(new Set(events.map((e) => e.hash)).size).toBe(5);
      for (const e of events) expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
      const tampered = events.map((e) => (e.streamPosition === 3 ? { ...e, data: { v: 99 } } : e));
      expect(brokenLinkOf(tampered)).toBe(3);
    });

    const sealing = options.sealing;
    if (sealing) {
      it('stores personal fields sealed through the sealing decorator and reads them back open', async () => {
        const sealed = sealing.wrap(store);
        const s = sealing.streamId();
        const { event, personalValues } = sealing.event();
        await sealed.append(s, [event], 0);
        // The adapter itself returns what it holds: the values as written, sealed.
        const atRest = JSON.stringify((await store.readStream(s)).map((e) => e.data));
        for (const value of personalValues) expect(atRest).not.toContain(value);
        const [open] = await sealed.readStream(s);
        expect(open).toMatchObject({ eventId: event.eventId, type: event.type, data: event.data });
        // Sealing is deterministic, so the decorator's retry is recognised by the log.
        await expect(sealed.append(s, [event], 0)).resolves.toMatchObject({ replayed: true });
        expect(brokenLinkOf(await store.readStream(s))).toBeNull();
      });
    }
  });
}
