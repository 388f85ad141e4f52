import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  createHotlineCallDecider,
  hotlineCallStreamName,
  type HotlineCallCommand,
  type HotlineCallDecider,
  type HotlineCallState,
} from '../../../../libs/domain/src/index.js';
import { handleCommand, type CommandResult, type EventStore } from '../../../../libs/event-store/src/index.js';
import { CATALOGS, EVENT_STORE, FieldSealer, type ReferenceCatalogs } from '../../../../libs/platform/src/index.js';
import { sealHotlineCallEvent, unsealHotlineCallEvent } from './hotline-call-privacy.js';

/** One message for every hotline-call command: the same path for the API, the CLI and the demo generator. */
export class ExecuteHotlineCallCommand extends Command<CommandResult<HotlineCallState>> {
  constructor(
    readonly command: HotlineCallCommand,
    readonly options: { idempotencyKey?: string; expectedVersion?: number; correlationId?: string } = {},
  ) {
    super();
  }
}

@CommandHandler(ExecuteHotlineCallCommand)
export class ExecuteHotlineCallCommandHandler implements ICommandHandler<ExecuteHotlineCallCommand> {
  private readonly decider: HotlineCallDecider;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CATALOGS) catalogs: ReferenceCatalogs,
    private readonly sealer: FieldSealer,
  ) {
    this.decider = createHotlineCallDecider({ ubigeo: catalogs.ubigeo });
  }

  execute({ command, options }: ExecuteHotlineCallCommand): Promise<CommandResult<HotlineCallState>> {
    const create = command.type === 'RecordHotlineCall';
    return handleCommand(this.store, this.decider, hotlineCallStreamName(command.data.callId), command, {
      mode: create ? 'create' : 'update',
      // A create is keyed by the call id itself: the same call sent twice is recognised, never doubled.
      idempotencyKey: create ? 'record' : options.idempotencyKey,
      expectedVersion: options.expectedVersion,
      metadata: { actor: command.metadata.actor, correlationId: options.correlationId },
      beforeAppend: (event) => sealHotlineCallEvent(this.sealer, event),
      afterLoad: (event) => unsealHotlineCallEvent(this.sealer, event),
    });
  }
}
