import type { Pool, PoolClient } from 'pg';
import { LOG_START, type EventStore, type LogPosition, type RecordedEvent } from '../event-store.port.js';
import { readAllGapSafe } from '../postgres/postgres-event-store.js';
import { Upcasters } from '../postgres/upcasters.js';
import type { EventShape, Projection, TypedRecordedEvent } from './projection.js';
import { inTransaction } from '../postgres/transaction.js';

export interface ProjectionStatus {
  projection: string;
  position: LogPosition;
  eventsProcessed: number;
  eventsSkippedUnknown: number;
  /** `running`; `retrying` after a failed event (with backoff); `failed`: stopped on it until `retry` or `skip`. */
  state: ProjectionState;
  failure: ProjectionFailure | null;
}

export type ProjectionState = 'running' | 'retrying' | 'failed';

/** The event a projection could not apply, as stored on its checkpoint: no event data, no personal data. */
export interface ProjectionFailure {
  globalPosition: number;
  eventId: string;
  eventType: string;
  /** The error's message with quoted values removed (see `safeErrorMessage`). */
  message: string;
  /** Attempts at this event that failed so far. */
  attempts: number;
  /** When the first of those attempts failed. */
  since: string;
}

/** Thrown by `catchUp` when an event made the projection throw: the failure was recorded on the checkpoint. */
export class ProjectionEventFailed extends Error {
  constructor(
    readonly projection: string,
    readonly failure: ProjectionFailure,
    readonly state: ProjectionState,
  ) {
    super(
      `projection ${projection} failed at position ${failure.globalPosition} (${failure.eventType}, attempt ${failure.attempts}): ${failure.message}`,
    );
    this.name = 'ProjectionEventFailed';
  }
}

/** The event applying which threw, carried out of the rolled-back batch transaction. */
class EventApplyError extends Error {
  constructor(
    readonly event: RecordedEvent,
    readonly reason: unknown,
  ) {
    super('event apply failed');
  }
}

/**
 * An error's message fit for a checkpoint, a log line, the CLI and the status endpoint: quoted values (PostgreSQL
 * quotes the offending input, e.g. `invalid input syntax for type uuid: "…"`) and long digit runs (document numbers,
 * phone numbers) are replaced, and the text is cut at 300 characters.
 */
export function safeErrorMessage(error: unknown): string {
  const raw = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const text = raw
    .replace(/"[^"]*"|'[^']*'|«[^»]*»/g, '"…"')
    .replace(/\d{4,}/g, '#')
    .replace(/\s+/g, ' ')
    .trim();
  return `${typeof code === 'string' ? `[${code}] ` : ''}${text}`.slice(0, 300);
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
  /**
   * Failed attempts at the same event after which the projection stops in the `failed` state (the daemon retries
   * with backoff until then). Default 10.
   */
  maxAttempts?: number;
  /**
   * Where the events come from. Absent: PostgreSQL's own log, read gap-safely inside the batch's transaction. Given:
   * any adapter's ordered read of everything (`readAll`, e.g. KurrentDB's `$all` filtered to our streams), read after
   * the checkpoint row is locked; the checkpoint — the adapter's position — is still written in the read model's
   * transaction by compare-and-set, so each event takes effect exactly once whichever store holds the log.
   */
  source?: Pick<EventStore, 'readAll'>;
}

/**
 * Runs projections over the gap-safe ordered log. Per batch, one transaction: lock the checkpoint row, read the
 * next events, apply them, compare-and-set the checkpoint. A crash anywhere rolls the whole batch back.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly upcasters: Upcasters;
  private readonly handles: ReadonlySet<string>;
  private readonly maxAttempts: number;
  /** After a batch failed: apply one event per transaction, to find (and record) the event at fault. */
  private isolating = false;

  constructor(
    private readonly pool: Pool,
    private readonly projection: Projection,
    private readonly options: RunnerOptions,
  ) {
    this.batchSize = options.batchSize ?? 2000;
    this.upcasters = options.upcasters ?? new Upcasters();
    this.handles = new Set(projection.handles);
    this.maxAttempts = options.maxAttempts ?? 10;
  }

  get name(): string {
    return this.projection.name;
  }

  /**
   * Processes at most one batch; returns how many events it consumed (0 when caught up, or stopped on a failed
   * event). Events the operator skipped for this projection (`projection_skips`) are consumed without a call.
   */
  async processBatch(): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      const from = await this.lockCheckpoint(client);
      if (from.state === 'failed') return 0;
      const limit = this.isolating ? 1 : this.batchSize;
      const events = this.options.source
        ? await this.options.source.readAll(from.position, limit)
        : await readAllGapSafe(client, from.position, limit, this.upcasters);
      const skips = events.length > 0 ? await this.skippedPositions(client, events) : new Set<number>();
      const base = from.eventsProcessed + from.eventsSkippedUnknown;
      let skipped = 0;
      const handled: RecordedEvent[] = [];
      const logPositions: number[] = [];
      events.forEach((event, i) => {
        if (!this.options.knownEventTypes.has(event.type)) skipped++;
        else if (this.handles.has(event.type) && !skips.has(event.globalPosition)) {
          handled.push(event);
          // The rank in the whole log, unknown and unhandled events included: the same on every rebuild.
          logPositions.push(base + i + 1);
        }
      });
      try {
        const opened =
          handled.length > 0 && this.projection.opensFreeText && this.options.open ? await this.options.open(handled) : handled;
        // The runner's one trust point: the types handed over are those the projection declared, upcast to the
        // current schema, which is what its event union describes.
        if (opened.length > 0)
          await this.projection.applyBatch(client, opened as readonly TypedRecordedEvent<EventShape>[], { logPositions });
      } catch (error) {
        // One event per batch while isolating: that one is at fault. Otherwise any of them; the first is a placeholder.
        throw new EventApplyError(handled[0], error);
      }
      if (events.length > 0) {
        const last = events[events.length - 1];
        // Past the event that failed: the failure is over.
        const cleared = from.failure !== null && events.some((e) => e.globalPosition === from.failure?.globalPosition);
        const moved = await client.query(
          `UPDATE projection_checkpoints
              SET transaction_id = $2::xid8, global_position = $3, events_processed = events_processed + $4,
                  events_skipped_unknown = events_skipped_unknown + $5, updated_at = now()${cleared ? `, ${CLEAR_FAILURE}` : ''}
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
        if (cleared) this.isolating = false;
      }
      return events.length;
    });
  }

  /** Processes batches until the log has nothing more that is safely visible. */
  /**
   * Processes batches until the log has nothing more that is safely visible. When a batch throws, its events are
   * applied again one per transaction, so the event at fault is known; its failure is recorded on the checkpoint
   * (after `maxAttempts` at the same event: state `failed`, the runner stops there) and ProjectionEventFailed thrown.
   */
  async catchUp(onProgress?: (processed: number) => void): Promise<number> {
    let total = 0;
    for (;;) {
      let n: number;
      try {
        n = await this.processBatch();
      } catch (error) {
        if (!(error instanceof EventApplyError)) throw error;
        if (!this.isolating) {
          this.isolating = true;
          continue;
        }
        throw await this.recordFailure(error.event, error.reason);
      }
      if (n === 0) break;
      total += n;
      onProgress?.(total);
    }
    // Caught up: whatever made a batch fail, it is not there any more.
    this.isolating = false;
    return total;
  }

  /** Clears a failure (`retry`): the runner tries the event again from the next tick, with a fresh count. */
  async clearFailure(): Promise<void> {
    await this.pool.query(`UPDATE projection_checkpoints SET ${CLEAR_FAILURE} WHERE projection_name = $1`, [this.name]);
  }

  private async recordFailure(event: RecordedEvent, cause: unknown): Promise<ProjectionEventFailed> {
    const message = safeErrorMessage(cause);
    // The batch that created the checkpoint row may be the one rolled back.
    await this.pool.query('INSERT INTO projection_checkpoints (projection_name) VALUES ($1) ON CONFLICT DO NOTHING', [this.name]);
    const { rows } = await this.pool.query<CheckpointRow>(
      `UPDATE projection_checkpoints
          SET failure_count = CASE WHEN failed_global_position = $2 THEN failure_count + 1 ELSE 1 END,
              failing_since = CASE WHEN failed_global_position = $2 THEN failing_since ELSE now() END,
              state = CASE WHEN (CASE WHEN failed_global_position = $2 THEN failure_count + 1 ELSE 1 END) >= $6
                           THEN 'failed' ELSE 'retrying' END,
              failed_global_position = $2, failed_event_id = $3, failed_event_type = $4, failure_message = $5
        WHERE projection_name = $1
        RETURNING ${CHECKPOINT_COLUMNS}`,
      [this.name, event.globalPosition, event.eventId, event.type, message, this.maxAttempts],
    );
    const status = toStatus(this.name, rows[0]);
    return new ProjectionEventFailed(this.name, status.failure as ProjectionFailure, status.state);
  }

  /** The positions among `events` the operator skipped for this projection. */
  private async skippedPositions(client: PoolClient, events: readonly RecordedEvent[]): Promise<Set<number>> {
    const { rows } = await client.query<{ global_position: string }>(
      'SELECT global_position FROM projection_skips WHERE projection_name = $1 AND global_position = ANY($2::bigint[])',
      [this.name, events.map((e) => e.globalPosition)],
    );
    return new Set(rows.map((r) => Number(r.global_position)));
  }

  /** Empties the read tables and the checkpoint in one transaction, then replays the whole log. */
  async rebuild(onProgress?: (processed: number) => void): Promise<number> {
    this.isolating = false;
    await inTransaction(this.pool, async (client) => {
      await this.lockCheckpoint(client);
      for (const table of this.projection.tables) await client.query(`TRUNCATE ${table}`);
      await client.query(
        `UPDATE projection_checkpoints SET transaction_id = '0', global_position = 0, events_processed = 0,
                events_skipped_unknown = 0, updated_at = now(), ${CLEAR_FAILURE} WHERE projection_name = $1`,
        [this.name],
      );
    });
    return this.catchUp(onProgress);
  }

  async status(): Promise<ProjectionStatus> {
    const result = await this.pool.query<CheckpointRow>(
      `SELECT ${CHECKPOINT_COLUMNS} FROM projection_checkpoints WHERE projection_name = $1`,
      [this.name],
    );
    return toStatus(this.name, result.rows[0]);
  }

  private async lockCheckpoint(client: PoolClient): Promise<ProjectionStatus> {
    await client.query('INSERT INTO projection_checkpoints (projection_name) VALUES ($1) ON CONFLICT DO NOTHING', [this.name]);
    const result = await client.query<CheckpointRow>(
      `SELECT ${CHECKPOINT_COLUMNS} FROM projection_checkpoints WHERE projection_name = $1 FOR UPDATE`,
      [this.name],
    );
    return toStatus(this.name, result.rows[0]);
  }
}

const CLEAR_FAILURE = `state = 'running', failure_count = 0, failing_since = NULL, failed_global_position = NULL,
  failed_event_id = NULL, failed_event_type = NULL, failure_message = NULL`;

const CHECKPOINT_COLUMNS = `transaction_id::text AS transaction_id, global_position, events_processed, events_skipped_unknown, state,
  failure_count, failing_since, failed_global_position, failed_event_id, failed_event_type, failure_message`;

interface CheckpointRow {
  transaction_id: string;
  global_position: string;
  events_processed: string;
  events_skipped_unknown: string;
  state: ProjectionState;
  failure_count: number;
  failing_since: Date | null;
  failed_global_position: string | null;
  failed_event_id: string | null;
  failed_event_type: string | null;
  failure_message: string | null;
}

/** Every projection's checkpoint as a status, by name (health, metrics, the CLI's `projections status`). */
export async function projectionStatuses(db: Pick<Pool, 'query'>): Promise<ProjectionStatus[]> {
  const { rows } = await db.query<CheckpointRow & { projection_name: string }>(
    `SELECT projection_name, ${CHECKPOINT_COLUMNS} FROM projection_checkpoints ORDER BY projection_name`,
  );
  return rows.map((row) => toStatus(row.projection_name, row));
}

function toStatus(name: string, row: CheckpointRow | undefined): ProjectionStatus {
  if (!row) return { projection: name, position: LOG_START, eventsProcessed: 0, eventsSkippedUnknown: 0, state: 'running', failure: null };
  return {
    projection: name,
    position: { transactionId: row.transaction_id, globalPosition: Number(row.global_position) },
    eventsProcessed: Number(row.events_processed),
    eventsSkippedUnknown: Number(row.events_skipped_unknown),
    state: row.state,
    failure:
      row.failed_global_position === null
        ? null
        : {
            globalPosition: Number(row.failed_global_position),
            eventId: row.failed_event_id ?? '',
            eventType: row.failed_event_type ?? '',
            message: row.failure_message ?? '',
            attempts: row.failure_count,
            since: (row.failing_since ?? new Date(0)).toISOString(),
          },
  };
}
