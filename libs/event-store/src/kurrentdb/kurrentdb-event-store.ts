import {
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  START,
  streamNameFilter,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendStreamState,
  type KurrentDBClient,
  type Position,
  type ReadPosition,
  type RecordedEvent as KurrentRecordedEvent,
} from '@kurrent/kurrentdb-client';
import {
  IdempotencyConflict,
  WrongExpectedVersion,
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type ExpectedVersion,
  type LogPosition,
  type NewEvent,
  type RecordedEvent,
} from '../event-store.port.js';
import { canonicalJson } from '../postgres/canonical-json.js';
import { chainHash, fieldsToAppend, GENESIS_HASH } from '../postgres/hash-chain.js';
import { Upcasters } from '../postgres/upcasters.js';

/**
 * What this adapter keeps in a KurrentDB event's metadata: the caller's metadata and what the hash chain needs
 * (KurrentDB's own `created` is set by the server after the hash is computed, so the hashed time travels here).
 */
interface StoredMetadata {
  metadata: EventMetadata;
  schemaVersion: number;
  recordedAt: string;
  prevHash: string;
  hash: string;
}

const MAX_ANY_ATTEMPTS = 10;

/**
 * The EventStore port on KurrentDB (`@kurrent/kurrentdb-client`). Streams map one to one; our event ids are
 * KurrentDB's event ids; versions count events, so version n is KurrentDB revision n − 1 and version 0 is
 * NO_STREAM. Each event carries the same hash chain as in PostgreSQL (in its metadata), computed by the same
 * helpers, so a stream read from either store verifies alike.
 *
 * Positions in `$all`: `LogPosition.transactionId` is the commit position (decimal string) and `globalPosition`
 * the prepare position; (commit, prepare) is KurrentDB's own order of the log, so the pair orders and resumes
 * like PostgreSQL's (transaction id, global position). readAll reads `$all` filtered to `streamPrefixes` (a
 * server-side stream-name prefix filter), which keeps system streams and other tenants' streams out.
 *
 * Appends read the stream first (its head hash, its version, and whether the ids are already there) and then write
 * at exactly that revision, so concurrent writers never fork the chain: the loser gets WrongExpectedVersion (with
 * 'any' it retries: 'any' is not passed on as KurrentDB's ANY, which would let two writers chain to the same head).
 * A retried append (same ids, same content) returns `replayed`; the same id with other content
 * is an IdempotencyConflict. Event ids are checked within their stream (KurrentDB has no global unique index on them).
 */
export class KurrentDbEventStore implements EventStore {
  constructor(
    private readonly client: KurrentDBClient,
    private readonly streamPrefixes: readonly string[],
    private readonly upcasters: Upcasters = new Upcasters(),
  ) {
    if (streamPrefixes.length === 0) throw new Error('KurrentDbEventStore needs the stream prefixes its readAll covers');
  }

  async append(streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.appendOnce(streamId, events, expectedVersion);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersion && expectedVersion === 'any' && attempt < MAX_ANY_ATTEMPTS)) throw error;
      }
    }
  }

  private async appendOnce(streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    const existing = await this.readStored(streamId);
    const replay = replayed(streamId, existing, events);
    if (replay) return replay;
    const version = existing.length;
    if (expectedVersion !== 'any' && expectedVersion !== version) throw new WrongExpectedVersion(streamId, expectedVersion, version);

    const recordedAt = new Date().toISOString();
    let prevHash = existing.at(-1)?.hash ?? GENESIS_HASH;
    const data = events.map((event, i) => {
      const fields = fieldsToAppend(streamId, version + i + 1, event, recordedAt);
      const hash = chainHash(prevHash, fields);
      const metadata: StoredMetadata = {
        metadata: fields.metadata as EventMetadata,
        schemaVersion: fields.schemaVersion,
        recordedAt,
        prevHash,
        hash,
      };
      prevHash = hash;
      return jsonEvent({ id: fields.eventId, type: fields.type, data: fields.data as Record<string, unknown>, metadata: { ...metadata } });
    });
    const streamState: AppendStreamState = version === 0 ? NO_STREAM : BigInt(version - 1);
    try {
      const result = await this.client.appendToStream(streamId, data, { streamState });
      return {
        streamId,
        nextExpectedVersion: Number(result.nextExpectedRevision) + 1,
        lastGlobalPosition: Number(result.position?.prepare ?? -1),
        replayed: false,
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      // A concurrent writer got there first, maybe with these very events (a retry racing the original).
      const now = await this.readStored(streamId);
      const raced = replayed(streamId, now, events);
      if (raced) return raced;
      throw new WrongExpectedVersion(streamId, expectedVersion, now.length);
    }
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    return (await this.readStored(streamId)).map((event) => this.upcasters.upcast(event));
  }

  /** The stream as stored (no upcasting): what the hash chain and the idempotency check compare with. */
  private async readStored(streamId: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, { fromRevision: START, direction: FORWARDS })) {
        if (resolved.event) events.push(toRecorded(resolved.event, resolved.event.position ?? resolved.commitPosition));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(after: LogPosition, limit: number): Promise<RecordedEvent[]> {
    const from = toReadPosition(after);
    const events: RecordedEvent[] = [];
    // Reading from a position includes the event at it: read one more and drop what is not after `after`.
    const read = this.client.readAll({
      fromPosition: from,
      direction: FORWARDS,
      maxCount: limit + 1,
      filter: streamNameFilter({ prefixes: [...this.streamPrefixes] }),
    });
    for await (const resolved of read) {
      if (!resolved.event) continue;
      const event = this.upcasters.upcast(toRecorded(resolved.event, resolved.event.position));
      if (from !== START && !isAfter(event, after)) continue;
      events.push(event);
      if (events.length === limit) break;
    }
    return events;
  }
}

/** A KurrentDB event as the port's RecordedEvent: versions count from 1, the chain's fields from our metadata. */
function toRecorded(event: KurrentRecordedEvent, position: Position | bigint | undefined): RecordedEvent {
  if (!event.isJson) throw new Error(`Evento no JSON en ${event.streamId} / non-JSON event in ${event.streamId}`);
  const stored = event.metadata as unknown as Partial<StoredMetadata> | undefined;
  const commit = typeof position === 'bigint' ? position : position?.commit;
  const prepare = typeof position === 'bigint' ? position : position?.prepare;
  return {
    globalPosition: Number(prepare ?? -1),
    transactionId: String(commit ?? -1),
    streamId: event.streamId,
    streamPosition: Number(event.revision) + 1,
    eventId: event.id.toLowerCase(),
    type: event.type,
    schemaVersion: stored?.schemaVersion ?? 1,
    data: event.data as Record<string, unknown>,
    metadata: stored?.metadata ?? {},
    recordedAt: stored?.recordedAt ?? event.created.toISOString(),
    hash: stored?.hash ?? '',
  };
}

/** LOG_START is the start of `$all`; any other position is (commit, prepare) as readAll returned it. */
function toReadPosition(after: LogPosition): ReadPosition {
  if (after.transactionId === '0' && after.globalPosition === 0) return START;
  return { commit: BigInt(after.transactionId), prepare: BigInt(after.globalPosition) };
}

function isAfter(event: RecordedEvent, after: LogPosition): boolean {
  const commit = BigInt(event.transactionId);
  const afterCommit = BigInt(after.transactionId);
  return commit > afterCommit || (commit === afterCommit && event.globalPosition > after.globalPosition);
}

/** The original result when every event is already in the stream with the same content; an error when an id is reused. */
function replayed(streamId: string, existing: readonly RecordedEvent[], events: readonly NewEvent[]): AppendResult | null {
  const byId = new Map(existing.map((e) => [e.eventId, e]));
  const found = events.map((event) => byId.get(event.eventId.toLowerCase()));
  if (found.every((e) => e === undefined)) return null;
  events.forEach((event, i) => {
    const stored = found[i];
    if (!stored || stored.type !== event.type || !sameData(stored.data, event.data)) throw new IdempotencyConflict(event.eventId);
  });
  const stored = found as RecordedEvent[];
  return {
    streamId,
    nextExpectedVersion: Math.max(...stored.map((e) => e.streamPosition)),
    lastGlobalPosition: Math.max(...stored.map((e) => e.globalPosition)),
    replayed: true,
  };
}

function sameData(stored: unknown, given: unknown): boolean {
  return canonicalJson(stored) === canonicalJson(JSON.parse(JSON.stringify(given)));
}
