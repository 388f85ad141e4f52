import type { Decider } from '../shared/decider.js';
import { classifyHotlineCall } from './classify-hotline-call.js';
import { closeHotlineCall } from './close-hotline-call.js';
import { correctHotlineCall } from './correct-hotline-call.js';
import type { HotlineCallCommand } from './hotline-call.commands.js';
import type { HotlineCallEvent } from './hotline-call.events.js';
import { evolveHotlineCall, initialHotlineCallState, type HotlineCallState } from './hotline-call.state.js';
import type { HotlineCallReference } from './hotline-call.validation.js';
import { recordHotlineCall } from './record-hotline-call.js';

export type HotlineCallDecider = Decider<HotlineCallCommand, HotlineCallEvent, HotlineCallState>;

/** The reference catalog is injected (not imported) so the decider reads no files and stays a pure function. */
export function createHotlineCallDecider(reference: HotlineCallReference): HotlineCallDecider {
  return {
    decide(command: HotlineCallCommand, state: HotlineCallState): HotlineCallEvent[] {
      switch (command.type) {
        case 'RecordHotlineCall':
          return recordHotlineCall(command, state, reference);
        case 'ClassifyHotlineCall':
          return classifyHotlineCall(command, state);
        case 'CorrectHotlineCall':
          return correctHotlineCall(command, state, reference);
        case 'CloseHotlineCall':
          return closeHotlineCall(command, state);
        default: {
          const unknown: never = command;
          throw new TypeError(`Comando desconocido / Unknown command: ${(unknown as { type?: unknown }).type}`);
        }
      }
    },
    evolve: evolveHotlineCall,
    initialState: initialHotlineCallState,
  };
}
