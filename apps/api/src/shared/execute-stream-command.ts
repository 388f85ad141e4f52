import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, type CommandResult, type EventStore } from '../../../../libs/event-store/src/index.js';
import { EVENT_STORE, FieldSealer } from '../../../../libs/platform/src/index.js';
import type { AnyStreamType } from './stream-type.js';

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
    private readonly sealer: FieldSealer,
  ) {}

  execute({ stream, command, options }: ExecuteStreamCommand): Promise<CommandResult<unknown>> {
    const create = stream.isCreate(command);
    return handleCommand(this.store, stream.decider, stream.streamName(stream.idOf(command)), command, {
      mode: create ? 'create' : 'update',
      // A create is keyed by the stream id itself: the same record sent twice is recognised, never doubled.
      idempotencyKey: create ? 'create' : options.idempotencyKey,
      expectedVersion: options.expectedVersion,
      metadata: { actor: command.metadata.actor, correlationId: options.correlationId },
      beforeAppend: stream.seal ? (event) => stream.seal!(this.sealer, event) : undefined,
      afterLoad: stream.unseal ? (event) => stream.unseal!(this.sealer, event) : undefined,
    });
  }
}

/** Current state of one stream, folded from its events with personal fields unsealed (no projection lag). */
@Injectable()
export class StreamReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly sealer: FieldSealer,
  ) {}

  async read<S>(stream: AnyStreamType, id: string): Promise<{ state: S; version: number }> {
    const events = await this.store.readStream(stream.streamName(id));
    const open = events.map((e) => (stream.unseal ? stream.unseal(this.sealer, e) : e));
    const state = open.reduce((s, e) => stream.decider.evolve(s, e), stream.decider.initialState()) as S;
    return { state, version: events.length };
  }

  /** As `read`, but a stream still in its initial state (never created) is the given not-found error. */
  async readExisting<S>(stream: AnyStreamType, id: string, notFound: () => Error): Promise<{ state: S; version: number }> {
    const result = await this.read<S & { status: string }>(stream, id);
    if (result.state.status === (stream.decider.initialState() as { status: string }).status) throw notFound();
    return result;
  }
}
