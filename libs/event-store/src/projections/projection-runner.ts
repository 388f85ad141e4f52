import type { Pool, PoolClient } from 'pg';
import { LOG_START, type LogPosition, type RecordedEvent } from '../event-store.port.js';
import { readAllGapSafe } from '../postgres/postgres-event-store.js';
import { Upcasters } from '../postgres/upcasters.js';
import type { EventShape, Projection, TypedRecordedEvent } from './projection.js';
import { inTransaction } from '../postgres/transaction.js';

export interface ProjectionStatus {
  projection: string;
  position: LogPosition;
  eventsProcessed: number;
  eventsSkippedUnknown: number;
}

export interface RunnerOptions {
  /**
   * Every event type the registry knows; others are skipped and counted (written by a newer version?). Known
   * types the projection does not handle are consumed without a call and count as processed.
   */
  knownEventTypes: ReadonlySet<string>;
  batchSize?: number;
  upcasters?: Upcasters;
  /**
   * Opens the sealed free text of a batch (its record keys loaded outside the batch's transaction), for the
   * projections that index it (`opensFreeText`, e.g. the case list's search by police unit). Absent: events as stored.
   */
  open?: (events: readonly RecordedEvent[]) => Promise<RecordedEvent[]>;
}

/**
 * Runs projections over the gap-safe ordered log. Per batch, one transaction: lock the checkpoint row, read the
 * next events, apply them, compare-and-set the checkpoint. A crash anywhere rolls the whole batch back.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly upcasters: Upcasters;
  private readonly handles: ReadonlySet<string>;

  constructor(
    private readonly pool: Pool,
    private readonly projection: Projection,
    private readonly options: RunnerOptions,
  ) {
    this.batchSize = options.batchSize ?? 2000;
    this.upcasters = options.upcasters ?? new Upcasters();
    this.handles = new Set(projection.handles);
  }

  get name(): string {
    return this.projection.name;
  }

  /** Processes at most one batch; returns how many events it consumed (0 when caught up). */
  async processBatch(): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      const from = await this.lockCheckpoint(client);
      const events = await readAllGapSafe(client, from.position, this.batchSize, this.upcasters);
      const base = from.eventsProcessed + from.eventsSkippedUnknown;
      let skipped = 0;
      const handled: RecordedEvent[] = [];
      const logPositions: number[] = [];
      events.forEach((event, i) => {
        if (!this.options.knownEventTypes.has(event.type)) skipped++;
        else if (this.handles.has(event.type)) {
          handled.push(event);
          // The rank in the whole log, unknown and unhandled events included: the same on every rebuild.
          logPositions.push(base + i + 1);
        }
      });
      const opened = handled.length > 0 && this.projection.opensFreeText && this.options.open ? await this.options.open(handled) : handled;
      // The runner's one trust point: the types handed over are those the projection declared, upcast to the
      // current schema, which is what its event union describes.
      if (opened.length > 0)
        await this.projection.applyBatch(client, opened as readonly TypedRecordedEvent<EventShape>[], { logPositions });
      if (events.length > 0) {
        const last = events[events.length - 1];
        const moved = await client.query(
          `UPDATE projection_checkpoints
              SET transaction_id = $2::xid8, global_position = $3, events_processed = events_processed + $4,
                  events_skipped_unknown = events_skipped_unknown + $5, updated_at = now()
            WHERE projection_name = $1 AND transaction_id = $6::xid8 AND global_position = $7`,
          [
            this.name,
            last.transactionId,
            last.globalPosition,
            events.length - skipped,
            skipped,
            from.position.transactionId,
            from.position.globalPosition,
          ],
        );
        if (moved.rowCount !== 1) throw new Error(`checkpoint of ${this.name} moved under us`);
      }
      return events.length;
    });
  }

  /** Processes batches until the log has nothing more that is safely visible. */
  async catchUp(onProgress?: (processed: number) => void): Promise<number> {
    let total = 0;
    for (let n = await this.processBatch(); n > 0; n = await this.processBatch()) {
      total += n;
      onProgress?.(total);
    }
    return total;
  }

  /** Empties the read tables and the checkpoint in one transaction, then replays the whole log. */
  async rebuild(onProgress?: (processed: number) => void): Promise<number> {
    await inTransaction(this.pool, async (client) => {
      await this.lockCheckpoint(client);
      for (const table of this.projection.tables) await client.query(`TRUNCATE ${table}`);
      await client.query(
        `UPDATE projection_checkpoints SET transaction_id = '0', global_position = 0, events_processed = 0,
                events_skipped_unknown = 0, updated_at = now() WHERE projection_name = $1`,
        [this.name],
      );
    });
    return this.catchUp(onProgress);
  }

  async status(): Promise<ProjectionStatus> {
    const result = await this.pool.query<CheckpointRow>(
      `SELECT transaction_id::text AS transaction_id, global_position, events_processed, events_skipped_unknown
         FROM projection_checkpoints WHERE projection_name = $1`,
      [this.name],
    );
    return toStatus(this.name, result.rows[0]);
  }

  private async lockCheckpoint(client: PoolClient): Promise<ProjectionStatus> {
    await client.query('INSERT INTO projection_checkpoints (projection_name) VALUES ($1) ON CONFLICT DO NOTHING', [this.name]);
    const result = await client.query<CheckpointRow>(
      `SELECT transaction_id::text AS transaction_id, global_position, events_processed, events_skipped_unknown
         FROM projection_checkpoints WHERE projection_name = $1 FOR UPDATE`,
      [this.name],
    );
    return toStatus(this.name, result.rows[0]);
  }
}

interface CheckpointRow {
  transaction_id: string;
  global_position: string;
  events_processed: string;
  events_skipped_unknown: string;
}

function toStatus(name: string, row: CheckpointRow | undefined): ProjectionStatus {
  if (!row) return { projection: name, position: LOG_START, eventsProcessed: 0, eventsSkippedUnknown: 0 };
  return {
    projection: name,
    position: { transactionId: row.transaction_id, globalPosition: Number(row.global_position) },
    eventsProcessed: Number(row.events_processed),
    eventsSkippedUnknown: Number(row.events_skipped_unknown),
  };
}
