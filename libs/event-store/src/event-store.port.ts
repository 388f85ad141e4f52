/**
 * The event store port. Adapters (PostgreSQL by default; KurrentDB for deployments that want it) must pass the
 * same contract tests. Versions count events: a stream with n events has version n; version 0 means "no stream".
 */
export interface EventMetadata {
  /** Who caused the event (user id or service). */
  actor?: string;
  correlationId?: string;
  causationId?: string;
  [key: string]: unknown;
}

export interface NewEvent {
  /** Unique id; re-appending an event with the same id and content is a no-op (idempotency). */
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  metadata?: EventMetadata;
  schemaVersion?: number;
}

export interface RecordedEvent {
  globalPosition: number;
  /** Writer transaction id (xid8) as a decimal string; with globalPosition it orders the log gap-safely. */
  transactionId: string;
  streamId: string;
  streamPosition: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  recordedAt: string;
  hash: string;
}

/** `number`: the stream must be exactly at that version (0 = must not exist). `'any'`: no check. */
export type ExpectedVersion = number | 'any';

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append: pass it as the expected version of the next one. */
  nextExpectedVersion: number;
  lastGlobalPosition: number;
  /** True when every event already existed with the same content and nothing was written. */
  replayed: boolean;
}

/** A position in the gap-safe order of the whole log. */
export interface LogPosition {
  transactionId: string;
  globalPosition: number;
}

export const LOG_START: LogPosition = Object.freeze({ transactionId: '0', globalPosition: 0 });

export interface EventStore {
  append(streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult>;
  readStream(streamId: string): Promise<RecordedEvent[]>;
  /** Committed events after `after`, in (transaction id, global position) order, never skipping a late commit. */
  readAll(after: LogPosition, limit: number): Promise<RecordedEvent[]>;
}

export class WrongExpectedVersion extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`Stream ${streamId} is at version ${actual}, expected ${expected}`);
    this.name = 'WrongExpectedVersion';
  }
}

export class IdempotencyConflict extends Error {
  constructor(readonly eventId: string) {
    super(`Event ${eventId} was already appended with different content`);
    this.name = 'IdempotencyConflict';
  }
}
