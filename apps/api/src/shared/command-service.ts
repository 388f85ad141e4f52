import { Inject, Injectable } from '@nestjs/common';
import { InvalidCommand, streamIdInUse, type CommandMetadata } from '#domain';
import {
  handleCommand,
  IdempotencyConflict,
  WrongExpectedVersion,
  type CommandResult,
  type DeciderLike,
  type RecordedEvent,
} from '#event-store';
import { SealingEventStore } from '#platform';
import { markErasedCall } from '../hotline-calls/hotline-call-privacy.js';
import { currentActor } from '../auth/request-context.js';
import { markErasedVictims } from './personal-data.js';
import { IdKeys } from './record-ids.js';
import type { HeaderMap } from './request-options.js';
import { STREAM_TYPES, type CommandOf, type StateOf, type StreamKind, type StreamTypes } from './stream-types.js';

type StoredEvent = { type: string; data: object };

/** What a request adds to a command: the version the client saw, its retry key and its correlation id. */
export interface CommandOptions {
  idempotencyKey?: string;
  expectedVersion?: number;
  correlationId?: string;
}

/** A command as the edge builds it: typed by its stream's own command union; the service stamps actor and time. */
export type Unstamped<C> = C extends { metadata: unknown } ? Omit<C, 'metadata'> : never;

/** If-Match, Idempotency-Key and X-Request-Id, as every command endpoint reads them. */
export function commandOptions(headers: HeaderMap): CommandOptions {
  return {
    expectedVersion: parseIfMatch(headers['if-match']),
    idempotencyKey: tokenHeader(headers, 'Idempotency-Key'),
    correlationId: tokenHeader(headers, 'X-Request-Id'),
  };
}

/**
 * Headers kept in the events' metadata (append-only) and the audit log: a bounded token — 1 to 128 letters, digits,
 * `.`, `_`, `:` or `-` (a UUID, a ULID, a counter) — so no sentence, name or document number can ride in them;
 * else a 400 naming the header.
 */
export const TOKEN_HEADER = /^[A-Za-z0-9._:-]{1,128}$/;
function tokenHeader(headers: HeaderMap, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  if (!value) return undefined;
  if (!TOKEN_HEADER.test(value)) {
    throw new InvalidCommand([
      {
        field: name,
        reason: 'debe ser un identificador de 1 a 128 caracteres (letras, dígitos, . _ : -)',
        reasonEn: 'must be an identifier of 1 to 128 characters (letters, digits, . _ : -)',
      },
    ]);
  }
  return value;
}

/**
 * Time and actor of a command. The actor is the token's role and opaque subject (`police:<sub>`), never a name:
 * metadata is stored with the events and must hold no personal data.
 */
export function commandMetadata(): CommandMetadata {
  const actor = currentActor();
  if (!actor) throw new Error('a command outside an authenticated request');
  return { now: new Date().toISOString(), actor: `${actor.role}:${actor.subject}` };
}

/** `If-Match: "3"` (or W/"3", or 3) → 3; absent → undefined; anything else is a 400 naming the header. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) {
    throw new InvalidCommand([{ field: 'If-Match', reason: 'debe ser la versión, p. ej. "3"', reasonEn: 'must be the version, e.g. "3"' }]);
  }
  return Number(match[1]);
}

/** Every command answer carries the global position of the last event it appended (or that stood for it). */
export function positionOf(...results: ReadonlyArray<{ lastGlobalPosition: number | null }>): number {
  return Math.max(0, ...results.map((r) => r.lastGlobalPosition ?? 0));
}

/** The answer of a command endpoint: the record's id (under its own field name), its version, the position to wait for. */
export type Accepted = Record<string, string | number> & { version: number; position: number };

/** The records of erased subjects, marked in a state read for a client (their personal fields read as null). */
const MARK_ERASED: { [K in StreamKind]?: (state: StateOf<K>, erased: ReadonlySet<string>) => StateOf<K> } = {
  hotlineCall: markErasedCall,
  policeCase: markErasedVictims,
};

/**
 * The registry's commands and stream reads, for every stream type: the one path from a controller to the store.
 * Sealing of personal fields is the store's (SealingEventStore); this service only decides what stream a command
 * addresses, whether it creates it, and how its event ids are keyed.
 */
@Injectable()
export class CommandService {
  constructor(
    private readonly store: SealingEventStore,
    @Inject(STREAM_TYPES) private readonly streams: StreamTypes,
    private readonly ids: IdKeys,
  ) {}

  async execute<K extends StreamKind>(
    kind: K,
    command: Unstamped<CommandOf<K>>,
    options: CommandOptions = {},
  ): Promise<CommandResult<StateOf<K>>> {
    const stream = this.streams[kind];
    const id = this.idOf(kind, command).toLowerCase();
    const metadata = commandMetadata();
    const stamped = { ...command, data: { ...command.data, [stream.idField]: id }, metadata } as unknown as CommandOf<K>;
    const create = command.type === stream.creates;
    try {
      return await handleCommand(this.store, this.deciderOf(kind), stream.streamName(id), stamped, {
        // A create is keyed by the stream id itself: the same record sent twice is recognised, never doubled.
        expectedVersion: create ? 'no_stream' : options.expectedVersion,
        idempotencyKey: create ? 'create' : options.idempotencyKey,
        eventIdKey: this.ids.eventIds,
        metadata: { actor: metadata.actor, correlationId: options.correlationId },
      });
    } catch (error) {
      // A create on a stream that exists with other content: the client's id belongs to another record (409 naming
      // the field). The same content is a retry, answered as the original by the store.
      if (create && (error instanceof IdempotencyConflict || error instanceof WrongExpectedVersion)) throw streamIdInUse(stream.idField);
      throw error;
    }
  }

  /** A command endpoint's whole work: the request's headers as options, the answer as every command endpoint gives it. */
  async accept<K extends StreamKind>(kind: K, command: Unstamped<CommandOf<K>>, headers: HeaderMap): Promise<Accepted> {
    const result = await this.execute(kind, command, commandOptions(headers));
    return {
      [this.streams[kind].idField]: this.idOf(kind, command).toLowerCase(),
      version: result.version,
      position: positionOf(result),
    } as Accepted;
  }

  /** Decides a command against a state without appending: a later step's refusal is thrown before the first append. */
  decide<K extends StreamKind>(kind: K, state: StateOf<K>, command: Unstamped<CommandOf<K>>): void {
    this.deciderOf(kind).decide({ ...command, metadata: commandMetadata() } as unknown as CommandOf<K>, state);
  }

  /**
   * Current state of one stream, folded from its events with personal fields open (no projection lag); the records
   * of erased subjects are marked (`erased: true`) and their personal fields read as null.
   */
  async read<K extends StreamKind>(kind: K, id: string): Promise<{ state: StateOf<K>; version: number; events: RecordedEvent[] }> {
    const stream = this.streams[kind];
    const { events, erased } = await this.store.readOpenStream(stream.streamName(id));
    const decider = this.deciderOf(kind);
    const state = events.reduce((s, e) => decider.evolve(s, e), decider.initialState());
    const mark = MARK_ERASED[kind] as ((state: StateOf<K>, erased: ReadonlySet<string>) => StateOf<K>) | undefined;
    return { state: mark ? mark(state, erased) : state, version: events.length, events };
  }

  /** As `read`, but a stream that was never created is the given not-found error. */
  async readExisting<K extends StreamKind>(kind: K, id: string, notFound: () => Error): Promise<{ state: StateOf<K>; version: number }> {
    const result = await this.read(kind, id);
    if (result.version === 0) throw notFound();
    return result;
  }

  /** The stream type's decider, seen through K (TypeScript cannot correlate a union of deciders with K by itself). */
  private deciderOf<K extends StreamKind>(kind: K): DeciderLike<CommandOf<K>, StoredEvent, StateOf<K>> {
    return this.streams[kind].decider as unknown as DeciderLike<CommandOf<K>, StoredEvent, StateOf<K>>;
  }

  private idOf<K extends StreamKind>(kind: K, command: Unstamped<CommandOf<K>>): string {
    return String((command.data as Record<string, unknown>)[this.streams[kind].idField]);
  }
}
