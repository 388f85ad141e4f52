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
  /** logPositions[i] is the log position of events[i]. */
  logPositions: readonly number[];
}

export interface Projection {
  readonly name: string;
  /** The read tables this projection owns; `rebuild` empties them. */
  readonly tables: readonly string[];
  /** Reads free text that the log holds sealed (the runner's `open` gives it clear; the read table may hold it). */
  readonly opensFreeText?: boolean;
  applyBatch(db: Queryable, events: readonly RecordedEvent[], batch: BatchContext): Promise<void>;
}
