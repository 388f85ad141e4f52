import { createHmac, randomUUID } from 'node:crypto';
import { canonicalJson } from './postgres/canonical-json.js';
import { IdempotencyConflict, WrongExpectedVersion, type EventMetadata, type EventStore, type RecordedEvent } from './event-store.port.js';
import { uuidFromHash } from './uuid-from-hash.js';

/** The shape of a pure decider (see libs/domain); repeated structurally so the store needs no domain import. */
export interface DeciderLike<C, E extends { type: string; data: object }, S> {
  decide(command: C, state: S): E[];
  evolve(state: S, event: E): S;
  initialState(): S;
}

export interface CommandOptions {
  /**
   * `'no_stream'`: a create — decided against the initial state without reading, appended only if the stream does
   * not exist (a retried create with the same events is recognised by the store). A number: the version the client
   * last saw (HTTP If-Match); another current version is a conflict. Absent: any version; a lost race is retried.
   */
  expectedVersion?: number | 'no_stream';
  /** A client-supplied idempotency key: with it, event ids are derived (the same retry gives the same ids). */
  idempotencyKey?: string;
  /** The server's secret for derived event ids (HMAC): without it they could be computed by anyone. */
  eventIdKey: Buffer;
  metadata: EventMetadata;
}

export interface CommandResult<S> {
  streamId: string;
  version: number;
  state: S;
  /** Events this command added (empty for a no-op or a recognised retry). */
  appended: number;
  /**
   * Global position of the last event the command appended; of the original events for a recognised retry; of the
   * stream's last event for a no-op (null only for a no-op on an empty stream). Reads wait for it (minPosition).
   */
  lastGlobalPosition: number | null;
}

export class StreamNotFound extends Error {
  constructor(readonly streamId: string) {
    super(`Stream ${streamId} does not exist`);
    this.name = 'StreamNotFound';
  }
}

/**
 * Read → decide → append, with optimistic concurrency: the one loop that retries, and only a lost race of a command
 * that named no version (with If-Match, the conflict is the client's to resolve).
 */
export async function handleCommand<C, E extends { type: string; data: object }, S>(
  store: EventStore,
  decider: DeciderLike<C, E, S>,
  streamId: string,
  command: C,
  options: CommandOptions,
): Promise<CommandResult<S>> {
  const create = options.expectedVersion === 'no_stream';
  for (let attempt = 1; ; attempt++) {
    const history = create ? [] : await store.readStream(streamId);
    const current = history.length;
    // A recognised retry answers as the original did, even if its If-Match is now stale.
    const retried = create ? null : recognisedRetry(decider, streamId, history, command, options);
    if (retried) return retried;
    if (typeof options.expectedVersion === 'number' && options.expectedVersion !== current) {
      throw new WrongExpectedVersion(streamId, options.expectedVersion, current);
    }
    const state = fold(decider, history);
    const events = decider.decide(command, state);
    if (events.length === 0) {
      // A no-op: the state the caller asked for is already the stream's, as of its last event.
      return { streamId, version: current, state, appended: 0, lastGlobalPosition: history.at(-1)?.globalPosition ?? null };
    }
    try {
      const result = await store.append(
        streamId,
        events.map((event, index) => ({
          eventId: eventIdFor(options.eventIdKey, streamId, options.idempotencyKey, index),
          type: event.type,
          data: event.data as Record<string, unknown>,
          metadata: options.metadata,
        })),
        current,
      );
      const finalState = result.replayed
        ? fold(decider, (await store.readStream(streamId)).slice(0, result.nextExpectedVersion))
        : events.reduce((s, e) => decider.evolve(s, e), state);
      return {
        streamId,
        version: result.nextExpectedVersion,
        state: finalState,
        appended: result.replayed ? 0 : events.length,
        lastGlobalPosition: result.lastGlobalPosition,
      };
    } catch (error) {
      const retriable = error instanceof WrongExpectedVersion && options.expectedVersion === undefined && attempt < 5;
      if (!retriable) throw error;
    }
  }
}

function fold<C, E extends { type: string; data: object }, S>(decider: DeciderLike<C, E, S>, history: readonly RecordedEvent[]): S {
  return history.reduce((s, e) => decider.evolve(s, e as unknown as E), decider.initialState());
}

/**
 * An update whose Idempotency-Key already produced events is a retry (the client never saw the answer). Decide
 * again against the state the original saw: the same events mean "return the original result"; anything else
 * reuses a key for a different command, a conflict. Without this, a retried closure would get "already closed".
 */
function recognisedRetry<C, E extends { type: string; data: object }, S>(
  decider: DeciderLike<C, E, S>,
  streamId: string,
  history: readonly RecordedEvent[],
  command: C,
  options: CommandOptions,
): CommandResult<S> | null {
  if (options.idempotencyKey === undefined) return null;
  const firstId = eventIdFor(options.eventIdKey, streamId, options.idempotencyKey, 0);
  const at = history.findIndex((e) => e.eventId === firstId);
  if (at < 0) return null;
  let again: Array<{ type: string; data: object }>;
  try {
    again = decider.decide(command, fold(decider, history.slice(0, at)));
  } catch {
    throw new IdempotencyConflict(firstId);
  }
  const stored = history.slice(at, at + again.length);
  const same =
    stored.length === again.length &&
    again.every(
      (e, i) =>
        stored[i].eventId === eventIdFor(options.eventIdKey, streamId, options.idempotencyKey, i) &&
        stored[i].type === e.type &&
        canonicalJson(stored[i].data) === canonicalJson(JSON.parse(JSON.stringify(e.data))),
    );
  if (!same) throw new IdempotencyConflict(firstId);
  const version = at + again.length;
  return {
    streamId,
    version,
    state: fold(decider, history.slice(0, version)),
    appended: 0,
    lastGlobalPosition: stored.at(-1)?.globalPosition ?? null,
  };
}

/**
 * Deterministic when an idempotency key is given (UUID-shaped HMAC-SHA256 under the server's event-id key, so
 * nobody without the key can compute the id an event will get), random otherwise.
 */
export function eventIdFor(secret: Buffer, streamId: string, key: string | undefined, index: number): string {
  if (key === undefined) return randomUUID();
  return uuidFromHash(createHmac('sha256', secret).update(`${streamId}\n${key}\n${index}`).digest('hex'));
}
