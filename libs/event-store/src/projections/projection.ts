import type { RecordedEvent } from '../event-store.port.js';

/** Anything that runs SQL: a pg client inside the runner's transaction. */
export interface Queryable {
  query<R extends object = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
}

/**
 * A projection turns events into read-table rows. `applyBatch` runs inside the runner's transaction, together
 * with the checkpoint update, so each event takes effect exactly once; it receives the events of one batch in
 * log order (a few thousand during a rebuild) so it can write them with a handful of set-based statements. It
 * must be deterministic: no clock, no randomness, only the events (rebuilds must give identical tables).
 */
/**
 * Where each event of a batch sits in the log: its log position is its rank in the gap-safe order (1 for the
 * first event ever appended). The rank never changes once an event is visible, so rebuilds assign the same
 * positions, and "the log as it was at position P" is the first P events.
 */
export interface BatchContext {
  /** logPositions[i] is the log position of events[i] (its rank in the whole log, not in the batch handed over). */
  logPositions: readonly number[];
}

/** What a typed event is to the store: a type name and its data (the domain's event unions have this shape). */
export interface EventShape {
  type: string;
  data: object;
}

/**
 * A recorded event whose `type` and `data` come from one union E, so `switch (event.type)` narrows `event.data`.
 * Distributes over E: each member keeps its own data. The store does not check the data against E; the runner
 * hands a projection only the types it declares, upcast to the current schema, which is what E describes.
 */
export type TypedRecordedEvent<E extends EventShape> = E extends EventShape
  ? Omit<RecordedEvent, 'type' | 'data'> & { type: E['type']; data: E['data'] }
  : never;

export interface Projection<E extends EventShape = EventShape> {
  readonly name: string;
  /** The read tables this projection owns; `rebuild` empties them. */
  readonly tables: readonly string[];
  /**
   * The event types it applies. The runner passes only these; the other known types move its checkpoint past
   * them without a call, so a projection never filters by type itself.
   */
  readonly handles: readonly E['type'][];
  /** Reads free text that the log holds sealed (the runner's `open` gives it clear; the read table may hold it). */
  readonly opensFreeText?: boolean;
  applyBatch(db: Queryable, events: readonly TypedRecordedEvent<E>[], batch: BatchContext): Promise<void>;
}
