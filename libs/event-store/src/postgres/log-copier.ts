import type { Pool, PoolClient } from 'pg';
import { LOG_START, type EventStore, type LogPosition, type RecordedEvent } from '../event-store.port.js';
import { GENESIS_HASH } from './hash-chain.js';
import { readCopiedLog } from './postgres-event-store.js';
import { Upcasters } from './upcasters.js';
import { inTransaction } from './transaction.js';

/** The checkpoint row of the copy in projection_checkpoints (the daemon's advisory lock keeps one copier running). */
export const LOG_COPY = 'log-copy';

/**
 * Keeps an exact copy of another store's log (KurrentDB's `$all`, filtered to our streams) in PostgreSQL's `events`
 * table, for what queries the log with SQL: the ids already taken, erasure's reach, the projections' lag, read-your-
 * writes, `verify`, the integrity anchors and backups. Each event keeps its stream position, ids, sealed data, hash
 * and previous hash, and the source's position as (transaction_id, global_position), so the copy's chains verify as
 * the source's do and positions mean the same in both. Per batch, one transaction: lock the checkpoint row, read from
 * the source after it, insert, compare-and-set it — each event is copied once, in the source's order.
 *
 * The source must be the raw adapter (no sealing decorator, no upcasters): what is copied is what is stored.
 */
export class LogCopier {
  readonly name = LOG_COPY;

  constructor(
    private readonly pool: Pool,
    private readonly source: Pick<EventStore, 'readAll'>,
    private readonly batchSize = 500,
  ) {}

  /** Copies one batch; returns how many events it copied (0 when caught up). */
  async copyBatch(): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      const from = await this.lock(client);
      const events = await this.source.readAll(from, this.batchSize);
      if (events.length === 0) return 0;
      const prev = await this.previousHashes(client, events);
      for (const event of events) {
        const prevHash = event.streamPosition === 1 ? GENESIS_HASH : prev.get(event.streamId);
        if (prevHash === undefined)
          throw new Error(`log copy: ${event.streamId} position ${event.streamPosition} arrived before its predecessor`);
        await client.query(
          `INSERT INTO events (global_position, transaction_id, stream_id, stream_position, event_id, event_type, schema_version,
                               data, metadata, recorded_at, prev_hash, hash)
           OVERRIDING SYSTEM VALUE VALUES ($1, $2::xid8, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [
            event.globalPosition,
            event.transactionId,
            event.streamId,
            event.streamPosition,
            event.eventId,
            event.type,
            event.schemaVersion,
            JSON.stringify(event.data),
            JSON.stringify(event.metadata),
            event.recordedAt,
            prevHash,
            event.hash,
          ],
        );
        prev.set(event.streamId, event.hash);
      }
      const last = events[events.length - 1];
      const moved = await client.query(
        `UPDATE projection_checkpoints
            SET transaction_id = $2::xid8, global_position = $3, events_processed = events_processed + $4, updated_at = now()
          WHERE projection_name = $1 AND transaction_id = $5::xid8 AND global_position = $6`,
        [this.name, last.transactionId, last.globalPosition, events.length, from.transactionId, from.globalPosition],
      );
      if (moved.rowCount !== 1) throw new Error(`checkpoint of ${this.name} moved under us`);
      return events.length;
    });
  }

  /** Copies until caught up; `onBatch` runs after each committed batch (the daemon stops there). */
  async catchUp(onBatch?: (copied: number) => void): Promise<number> {
    let total = 0;
    for (let n = await this.copyBatch(); n > 0; n = await this.copyBatch()) {
      total += n;
      onBatch?.(total);
    }
    return total;
  }

  private async lock(client: PoolClient): Promise<LogPosition> {
    await client.query('INSERT INTO projection_checkpoints (projection_name) VALUES ($1) ON CONFLICT DO NOTHING', [this.name]);
    const { rows } = await client.query<{ transaction_id: string; global_position: string }>(
      'SELECT transaction_id::text, global_position FROM projection_checkpoints WHERE projection_name = $1 FOR UPDATE',
      [this.name],
    );
    const position = { transactionId: rows[0].transaction_id, globalPosition: Number(rows[0].global_position) };
    return position.transactionId === '0' && position.globalPosition === 0 ? LOG_START : position;
  }

  /** The hash each batch stream's chain continues from: its last event already in the copy. */
  private async previousHashes(client: PoolClient, events: readonly RecordedEvent[]): Promise<Map<string, string>> {
    const streams = [...new Set(events.filter((e) => e.streamPosition > 1).map((e) => e.streamId))];
    const { rows } = await client.query<{ stream_id: string; hash: string }>(
      `SELECT DISTINCT ON (stream_id) stream_id, hash FROM events WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, stream_position DESC`,
      [streams],
    );
    return new Map(rows.map((r) => [r.stream_id, r.hash]));
  }
}

/**
 * The copy as a source for the projections and the integration relay (their `source` / `log` option): they read
 * PostgreSQL, in the source's order, so a projection that looks at earlier events of the log in SQL (the referral
 * facts' source department) finds them copied already.
 */
export class CopiedLog implements Pick<EventStore, 'readAll'> {
  constructor(
    private readonly pool: Pool,
    private readonly upcasters: Upcasters = new Upcasters(),
  ) {}

  readAll(after: LogPosition, limit: number): Promise<RecordedEvent[]> {
    return readCopiedLog(this.pool, after, limit, this.upcasters);
  }
}
