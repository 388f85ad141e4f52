import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamIdInUse } from '../../../../libs/domain/src/index.js';
import { handleCommand, IdempotencyConflict, WrongExpectedVersion, type CommandResult, type EventStore, type RecordedEvent } from '../../../../libs/event-store/src/index.js';
import { EVENT_STORE, SubjectKeyNotLoaded, SubjectKeyStore, type SubjectKeyring } from '../../../../libs/platform/src/index.js';
import { IdKeys } from './record-ids.js';
import type { AnyStreamType, StoredEvent } from './stream-type.js';

export interface CommandOptions {
  idempotencyKey?: string;
  expectedVersion?: number;
  correlationId?: string;
}

/** Any command on any stream type: one path for the API, the CLI and the demo generator. */
export class ExecuteStreamCommand<S = unknown> extends Command<CommandResult<S>> {
  constructor(
    readonly stream: AnyStreamType,
    readonly command: { type: string; data: object; metadata: { actor: string; now: string } },
    readonly options: CommandOptions = {},
  ) {
    super();
  }
}

@CommandHandler(ExecuteStreamCommand)
export class ExecuteStreamCommandHandler implements ICommandHandler<ExecuteStreamCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly keys: SubjectKeyStore,
    private readonly ids: IdKeys,
  ) {}

  async execute({ stream, command, options }: ExecuteStreamCommand): Promise<CommandResult<unknown>> {
    const create = stream.isCreate(command);
    for (let attempt = 1; ; attempt++) {
      // The sealing hooks are synchronous: the keys of every subject involved are loaded (or created) first.
      const history = create || !stream.subjectsOf ? undefined : await this.store.readStream(stream.streamName(stream.idOf(command)));
      const keyring = await this.keyringFor(stream, command, history ?? []);
      try {
        return await handleCommand(this.store, stream.decider, stream.streamName(stream.idOf(command)), command, {
          mode: create ? 'create' : 'update',
          // A create is keyed by the stream id itself: the same record sent twice is recognised, never doubled.
          idempotencyKey: create ? 'create' : options.idempotencyKey,
          eventIdKey: this.ids.eventIds,
          expectedVersion: options.expectedVersion,
          metadata: { actor: command.metadata.actor, correlationId: options.correlationId },
          history,
          beforeAppend: stream.seal ? (event) => stream.seal!(keyring, event) : undefined,
          afterLoad: stream.unseal ? (event) => stream.unseal!(keyring, event) : undefined,
        });
      } catch (error) {
        // A create on a stream that exists with other content: the client's id belongs to another record (409
        // naming the field). The same content is a retry, answered as the original by the store.
        if (create && (error instanceof IdempotencyConflict || error instanceof WrongExpectedVersion)) throw streamIdInUse(stream.idField);
        // A subject added to the stream between our read and the command's own read: load its key, decide again.
        if (!(error instanceof SubjectKeyNotLoaded) || attempt >= 3) throw error;
      }
    }
  }

  /**
   * Keys for the subjects the command may give personal data (created if new) and those already in the stream. The
   * stream read for this is handed to handleCommand, so an update reads its stream once.
   */
  private async keyringFor(stream: AnyStreamType, command: StoredEvent, history: readonly StoredEvent[]): Promise<SubjectKeyring> {
    if (!stream.subjectsOf) return this.keys.keyring({});
    return this.keys.keyring({
      create: stream.subjectsOf(command),
      load: history.flatMap((event) => stream.subjectsOf!(event).map((subject) => subject.id)),
    });
  }
}

/**
 * Current state of one stream, folded from its events with personal fields unsealed (no projection lag). The
 * records of erased subjects are marked (`erased: true`); their personal fields read as null.
 */
@Injectable()
export class StreamReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly keys: SubjectKeyStore,
  ) {}

  /** `events` are as stored (sealed), for their metadata. */
  async read<S>(stream: AnyStreamType, id: string): Promise<{ state: S; version: number; events: RecordedEvent[] }> {
    const events = await this.store.readStream(stream.streamName(id));
    const subjects = stream.subjectsOf ? events.flatMap((e) => stream.subjectsOf!(e).map((subject) => subject.id)) : [];
    const keyring = await this.keys.keyring({ load: subjects });
    const open = events.map((e) => (stream.unseal ? stream.unseal(keyring, e) : e));
    const state = open.reduce((s, e) => stream.decider.evolve(s, e), stream.decider.initialState()) as S;
    return { state: stream.markErased ? stream.markErased(state, keyring.erased) as S : state, version: events.length, events };
  }

  /** As `read`, but a stream still in its initial state (never created) is the given not-found error. */
  async readExisting<S>(stream: AnyStreamType, id: string, notFound: () => Error): Promise<{ state: S; version: number }> {
    const result = await this.read<S & { status: string }>(stream, id);
    if (result.state.status === (stream.decider.initialState() as { status: string }).status) throw notFound();
    return result;
  }
}
