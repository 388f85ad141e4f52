import { Inject, Injectable } from '@nestjs/common';
import { callNotFound, createHotlineCallDecider, fold, type HotlineCallDecider, type HotlineCallState } from '../../../../libs/domain/src/index.js';
import type { EventStore } from '../../../../libs/event-store/src/index.js';
import { CATALOGS, EVENT_STORE, FieldSealer, type ReferenceCatalogs } from '../../../../libs/platform/src/index.js';
import { hotlineCallStream } from './execute-hotline-call-command.js';
import { unsealHotlineCallEvent } from './hotline-call-privacy.js';

export type HotlineCallView = Exclude<HotlineCallState, { status: 'unrecorded' }> & { version: number };

/** Current state of one call, folded from its stream (always up to date, no projection lag). */
@Injectable()
export class HotlineCallReader {
  private readonly decider: HotlineCallDecider;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CATALOGS) catalogs: ReferenceCatalogs,
    private readonly sealer: FieldSealer,
  ) {
    this.decider = createHotlineCallDecider({ ubigeo: catalogs.ubigeo });
  }

  async get(callId: string): Promise<HotlineCallView> {
    const events = await this.store.readStream(hotlineCallStream(callId));
    const state = fold(this.decider, events.map((e) => unsealHotlineCallEvent(this.sealer, e)) as never[]);
    if (state.status === 'unrecorded') throw callNotFound();
    return { ...state, version: events.length };
  }
}
