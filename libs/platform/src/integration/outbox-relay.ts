import type pg from 'pg';
import {
  inTransaction,
  readAllGapSafe,
  safeErrorMessage,
  Upcasters,
  type EventStore,
  type LogPosition,
  type RecordedEvent,
} from '#event-store';
import { toIntegrationMessage } from './integration-contract.js';
import { MessageRejected, type IntegrationPublisher } from './integration-publisher.js';

export interface RelayOptions {
  /** The checkpoint's name (one row of integration_relay_checkpoints per relay). */
  name?: string;
  /** The CloudEvents `source` of every message. */
  source: string;
  batchSize?: number;
  /** Rejections of the same event after which it is dead-lettered and the relay moves on. Default 5. */
  maxAttempts?: number;
  upcasters?: Upcasters;
  /**
   * Where the events come from: PostgreSQL's own log when absent; any adapter's ordered read (`readAll`) otherwise,
   * as the projections' runner takes it. The checkpoint stays in PostgreSQL either way.
   */
  log?: Pick<EventStore, 'readAll'>;
}

export interface RelayBackoff {
  initialMs: number;
  maxMs: number;
  /** Waiting for new events when caught up. */
  idleMs: number;
}

/**
 * Publishes the log's events to the broker in the gap-safe order the projections read, from its own checkpoint.
 * The checkpoint moves only after the publisher resolved (the broker acknowledged every message), so a failure or a
 * crash re-sends the batch: delivery is at least once, and consumers deduplicate by the CloudEvents id. A batch that
 * fails is retried one event at a time, so the event at fault is known; one the broker keeps rejecting
 * (`MessageRejected`, `maxAttempts` times) goes to integration_dead_letters and the relay continues after it.
 */
export class OutboxRelay {
  readonly name: string;
  private readonly batchSize: number;
  private readonly maxAttempts: number;
  private readonly upcasters: Upcasters;
  /** Events still to send one by one after a failed batch. */
  private isolateRemaining = 0;
  private headFailures = { globalPosition: -1, attempts: 0 };

  constructor(
    private readonly pool: pg.Pool,
    private readonly publisher: IntegrationPublisher,
    private readonly options: RelayOptions,
  ) {
    this.name = options.name ?? 'kafka';
    this.batchSize = options.batchSize ?? 500;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.upcasters = options.upcasters ?? new Upcasters();
  }

  /** Sends at most one batch; returns the events consumed (published, not published, or dead-lettered). Throws when the publisher failed. */
  async processBatch(): Promise<number> {
    const from = await this.checkpoint();
    const limit = this.isolateRemaining > 0 ? 1 : this.batchSize;
    const events = this.options.log
      ? await this.options.log.readAll(from, limit)
      : await readAllGapSafe(this.pool, from, limit, this.upcasters);
    if (events.length === 0) return 0;
    const messages = events.flatMap((event) => toIntegrationMessage(event, this.options.source) ?? []);
    try {
      if (messages.length > 0) await this.publisher.publish(messages);
    } catch (error) {
      if (events.length > 1) {
        this.isolateRemaining = events.length;
        throw error;
      }
      const event = events[0];
      const attempts = this.headFailures.globalPosition === event.globalPosition ? this.headFailures.attempts + 1 : 1;
      this.headFailures = { globalPosition: event.globalPosition, attempts };
      if (!(error instanceof MessageRejected) || attempts < this.maxAttempts) throw error;
      await this.deadLetter(from, event, error, attempts);
      this.consumed(1);
      return 1;
    }
    await this.advance(this.pool, from, events[events.length - 1], messages.length);
    this.consumed(events.length);
    return events.length;
  }

  /** The checkpoint, created at the start of the log the first time. */
  async checkpoint(): Promise<LogPosition> {
    await this.pool.query('INSERT INTO integration_relay_checkpoints (relay_name) VALUES ($1) ON CONFLICT DO NOTHING', [this.name]);
    const { rows } = await this.pool.query<{ transaction_id: string; global_position: string }>(
      'SELECT transaction_id::text, global_position FROM integration_relay_checkpoints WHERE relay_name = $1',
      [this.name],
    );
    return { transactionId: rows[0].transaction_id, globalPosition: Number(rows[0].global_position) };
  }

  private consumed(count: number): void {
    this.isolateRemaining = Math.max(0, this.isolateRemaining - count);
    this.headFailures = { globalPosition: -1, attempts: 0 };
  }

  private async deadLetter(from: LogPosition, event: RecordedEvent, error: Error, attempts: number): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO integration_dead_letters (relay_name, event_id, global_position, event_type, error, attempts)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [this.name, event.eventId, event.globalPosition, event.type, safeErrorMessage(error), attempts],
      );
      await this.advance(client, from, event, 0);
    });
  }

  /** Compare-and-set: a second relay on the same checkpoint (two API instances) fails instead of skipping events. */
  private async advance(db: pg.Pool | pg.PoolClient, from: LogPosition, last: RecordedEvent, published: number): Promise<void> {
    const moved = await db.query(
      `UPDATE integration_relay_checkpoints
          SET transaction_id = $2::xid8, global_position = $3, events_published = events_published + $4, updated_at = now()
        WHERE relay_name = $1 AND transaction_id = $5::xid8 AND global_position = $6`,
      [this.name, last.transactionId, last.globalPosition, published, from.transactionId, from.globalPosition],
    );
    if (moved.rowCount !== 1) throw new Error(`integration relay ${this.name}: checkpoint moved under us`);
  }
}
