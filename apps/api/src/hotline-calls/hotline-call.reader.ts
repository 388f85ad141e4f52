import { Inject, Injectable } from '@nestjs/common';
import {
  callNotFound,
  evolveHotlineCall,
  hotlineCallStreamName,
  initialHotlineCallState,
  type HotlineCallEvent,
  type HotlineCallState,
} from '../../../../libs/domain/src/index.js';
import type { EventStore } from '../../../../libs/event-store/src/index.js';
import { EVENT_STORE, FieldSealer } from '../../../../libs/platform/src/index.js';
import { unsealHotlineCallEvent } from './hotline-call-privacy.js';

export type HotlineCallView = Exclude<HotlineCallState, { status: 'unrecorded' }> & { version: number };

/** Current state of one call, folded from its stream (always up to date, no projection lag). */
@Injectable()
export class HotlineCallReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly sealer: FieldSealer,
  ) {}

  async get(callId: string): Promise<HotlineCallView> {
    const events = await this.store.readStream(hotlineCallStreamName(callId));
    const state = events
      .map((e) => unsealHotlineCallEvent(this.sealer, e) as HotlineCallEvent)
      .reduce(evolveHotlineCall, initialHotlineCallState());
    if (state.status === 'unrecorded') throw callNotFound();
    return { ...state, version: events.length };
  }
}
