import type { Decider } from '../shared/decider.js';
import { openProsecution } from './open-prosecution.js';
import type { ProsecutionCommand } from './prosecution.commands.js';
import type { ProsecutionEvent } from './prosecution.events.js';
import { evolveProsecution, initialProsecutionState, type ProsecutionState } from './prosecution.state.js';
import { recordProsecutionStage } from './record-prosecution-stage.js';

export type ProsecutionDecider = Decider<ProsecutionCommand, ProsecutionEvent, ProsecutionState>;

export function createProsecutionDecider(): ProsecutionDecider {
  return {
    decide(command: ProsecutionCommand, state: ProsecutionState): ProsecutionEvent[] {
      switch (command.type) {
        case 'OpenProsecution':
          return openProsecution(command, state);
        case 'RecordProsecutionStage':
          return recordProsecutionStage(command, state);
        default: {
          const unknown: never = command;
          throw new TypeError(`Comando desconocido / Unknown command: ${(unknown as { type?: unknown }).type}`);
        }
      }
    },
    evolve: evolveProsecution,
    initialState: initialProsecutionState,
  };
}
