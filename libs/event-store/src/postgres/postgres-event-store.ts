import type { Pool, PoolClient } from 'pg';
import {
  IdempotencyConflict,
  WrongExpectedVersion,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type LogPosition,
  type NewEvent,
  type RecordedEvent,
} from '../event-store.port.js';
import { canonicalJson } from './canonical-json.js';
import { chainHash, fieldsToAppend, GENESIS_HASH } from './hash-chain.js';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './rows.js';
import { Upcasters } from './upcasters.js';
import { AppendBatcher } from './append-batcher.js';
import { appendNewStreams } from './new-streams.js';

type Queryable = Pick<Pool, 'query'> | PoolClient;

const UNIQUE_VIOLATION = '23505';

/** The default adapter: one PostgreSQL table, one short transaction per append. */
export class PostgresEventStore implements EventStore {
  private readonly batcher: AppendBatcher;

  constructor(
    private readonly pool: Pool,
    private readonly upcasters: Upcasters = new Upcasters(),
  ) {
    this.batcher = new AppendBatcher(pool);
  }

  async append(streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    if (events.length === 1 && expectedVersion !== 'any') return this.appendOne(streamId, events[0], expectedVersion);
    const client = await this.pool.connect();
    try {
      // 'any' has no version to conflict on: a lost race for the next position is simply retried.
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.appendWith(client, streamId, events, expectedVersion);
        } catch (error) {
          if (!(error instanceof WrongExpectedVersion && expectedVersion === 'any' && attempt < 10)) throw error;
        }
      }
    } finally {
      client.release();
    }
  }

  /** Many new streams at once, all or nothing (see new-streams.ts): false when any already exists. PostgreSQL only. */
  appendNewStreams(streams: ReadonlyArray<{ streamId: string; events: readonly NewEvent[] }>): Promise<boolean> {
    return appendNewStreams(this.pool, streams);
  }

  private async appendWith(
    client: PoolClient,
    streamId: string,
    events: readonly NewEvent[],
    expectedVersion: ExpectedVersion,
  ): Promise<AppendResult> {
    await client.query('BEGIN');
    try {
      // Writers without a version to check queue up per stream instead of racing for the next position.
      if (expectedVersion === 'any') await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [streamId]);
      const head = await client.query<{ stream_position: number; hash: string }>(
        'SELECT stream_position, hash FROM events WHERE stream_id = $1 ORDER BY stream_position DESC LIMIT 1',
        [streamId],
      );
      const version = head.rows[0]?.stream_position ?? 0;
      if (expectedVersion !== 'any' && expectedVersion !== version) {
        await client.query('ROLLBACK');
        return await this.replayOr(client, streamId, events, new WrongExpectedVersion(streamId, expectedVersion, version));
      }
      // The INSERT is the transaction's first write, so its transaction id is taken as late as possible.
      const inserted = await client.query<{ global_position: string }>(
        insertSql(events.length),
        insertParams(streamId, events, version, head.rows[0]?.hash ?? GENESIS_HASH),
      );
      await client.query('COMMIT');
      return {
        streamId,
        nextExpectedVersion: version + events.length,
        lastGlobalPosition: Math.max(...inserted.rows.map((r) => Number(r.global_position))),
        replayed: false,
      };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      if (!isUniqueViolation(error)) throw error;
      // A concurrent writer took the position (a version conflict) or one of our event ids (maybe a retry).
      const actual = await this.currentVersion(client, streamId);
      return this.replayOr(client, streamId, events, new WrongExpectedVersion(streamId, expectedVersion, actual));
    }
  }

  /** The common case, through group commit (see AppendBatcher). */
  private async appendOne(streamId: string, event: NewEvent, expectedVersion: number): Promise<AppendResult> {
    const landed = await this.batcher.submit({ streamId, event, expectedVersion });
    if (landed) {
      return { streamId, nextExpectedVersion: expectedVersion + 1, lastGlobalPosition: landed.globalPosition, replayed: false };
    }
    const actual = await this.currentVersion(this.pool, streamId);
    return this.replayOr(this.pool, streamId, [event], new WrongExpectedVersion(streamId, expectedVersion, actual));
  }

  /** Same ids and same content as events already stored: return the original result instead of failing. */
  private async replayOr(client: Queryable, streamId: string, events: readonly NewEvent[], failure: Error): Promise<AppendResult> {
    const existing = await client.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE event_id = ANY($1::uuid[])`, [
      events.map((e) => e.eventId),
    ]);
    if (existing.rows.length === 0) throw failure;
    const byId = new Map(existing.rows.map((row) => [row.event_id, row]));
    for (const event of events) {
      const row = byId.get(event.eventId.toLowerCase());
      if (!row || row.stream_id !== streamId || row.event_type !== event.type || !sameData(row.data, event.data)) {
        throw new IdempotencyConflict(row ? event.eventId : events[0].eventId);
      }
    }
    return {
      streamId,
      nextExpectedVersion: Math.max(...existing.rows.map((r) => r.stream_position)),
      lastGlobalPosition: Math.max(...existing.rows.map((r) => Number(r.global_position))),
      replayed: true,
    };
  }

  private async currentVersion(client: Queryable, streamId: string): Promise<number> {
    const result = await client.query<{ version: number | null }>(
      'SELECT max(stream_position) AS version FROM events WHERE stream_id = $1',
      [streamId],
    );
    return result.rows[0]?.version ?? 0;
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    const result = await this.pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 ORDER BY stream_position`, [
      streamId,
    ]);
    return result.rows.map((row) => this.upcasters.upcast(toRecordedEvent(row)));
  }

  async readAll(after: LogPosition, limit: number): Promise<RecordedEvent[]> {
    return readAllGapSafe(this.pool, after, limit, this.upcasters);
  }
}

/**
 * Gap-safe read: events are visible in (transaction id, global position) order, and only from transactions
 * older than the oldest one still running, so an append that commits late is delivered after it commits,
 * never skipped. Works on a pool or inside a caller's transaction.
 */
export function readAllGapSafe(
  db: Pick<Pool, 'query'> | PoolClient,
  after: LogPosition,
  limit: number,
  upcasters: Upcasters = new Upcasters(),
): Promise<RecordedEvent[]> {
  return readOrdered(db, after, limit, upcasters, true);
}

/**
 * The ordered read of a log COPY (LogCopier): the same order as readAllGapSafe without its wait for older
 * transactions, which would be meaningless there — a copy's transaction ids are the source's positions, and its one
 * writer commits batches one after another in that order, so what is visible has no gap.
 */
export function readCopiedLog(
  db: Pick<Pool, 'query'> | PoolClient,
  after: LogPosition,
  limit: number,
  upcasters: Upcasters = new Upcasters(),
): Promise<RecordedEvent[]> {
  return readOrdered(db, after, limit, upcasters, false);
}

async function readOrdered(
  db: Pick<Pool, 'query'> | PoolClient,
  after: LogPosition,
  limit: number,
  upcasters: Upcasters,
  belowHorizon: boolean,
): Promise<RecordedEvent[]> {
  const result = await db.query<EventRow>(
    // ORDER BY names the table's columns: the bare name would sort by the text alias ('1000' < '999').
    `SELECT ${EVENT_COLUMNS} FROM events
      WHERE (events.transaction_id, events.global_position) > ($1::xid8, $2::bigint)
        ${belowHorizon ? 'AND events.transaction_id < pg_snapshot_xmin(pg_current_snapshot())' : ''}
      ORDER BY events.transaction_id, events.global_position
      LIMIT $3`,
    [after.transactionId, after.globalPosition, limit],
  );
  return result.rows.map((row) => upcasters.upcast(toRecordedEvent(row)));
}

function insertSql(count: number): string {
  const rows = Array.from({ length: count }, (_, i) => {
    const p = i * 10;
    return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}::jsonb, $${p + 7}::jsonb, $${p + 8}, $${p + 9}, $${p + 10})`;
  });
  return `INSERT INTO events (stream_id, stream_position, event_id, event_type, schema_version, data, metadata,
    recorded_at, prev_hash, hash) VALUES ${rows.join(', ')} RETURNING global_position`;
}

function insertParams(streamId: string, events: readonly NewEvent[], version: number, headHash: string): unknown[] {
  const recordedAt = new Date().toISOString();
  let prevHash = headHash;
  return events.flatMap((event, i) => {
    const fields = fieldsToAppend(streamId, version + i + 1, event, recordedAt);
    const hash = chainHash(prevHash, fields);
    const row = [
      streamId,
      fields.streamPosition,
      fields.eventId,
      fields.type,
      fields.schemaVersion,
      JSON.stringify(fields.data),
      JSON.stringify(fields.metadata),
      recordedAt,
      prevHash,
      hash,
    ];
    prevHash = hash;
    return row;
  });
}

function sameData(stored: unknown, given: unknown): boolean {
  return canonicalJson(stored) === canonicalJson(JSON.parse(JSON.stringify(given)));
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === UNIQUE_VIOLATION;
}
