import type { Decider } from '../shared/decider.js';
import { grantProtectionMeasure } from './grant-protection-measure.js';
import { recordGesellInterview } from './record-gesell-interview.js';
import type { WitnessProtectionCommand } from './witness-protection.commands.js';
import type { WitnessProtectionEvent } from './witness-protection.events.js';
import { evolveWitnessProtection, initialWitnessProtectionState, type WitnessProtectionState } from './witness-protection.state.js';

export type WitnessProtectionDecider = Decider<WitnessProtectionCommand, WitnessProtectionEvent, WitnessProtectionState>;

export function createWitnessProtectionDecider(): WitnessProtectionDecider {
  return {
    decide(command: WitnessProtectionCommand, state: WitnessProtectionState): WitnessProtectionEvent[] {
      switch (command.type) {
        case 'GrantProtectionMeasure':
          return grantProtectionMeasure(command, state);
        case 'RecordGesellInterview':
          return recordGesellInterview(command, state);
        default: {
          const unknown: never = command;
          throw new TypeError(`Comando desconocido / Unknown command: ${(unknown as { type?: unknown }).type}`);
        }
      }
    },
    evolve: evolveWitnessProtection,
    initialState: initialWitnessProtectionState,
  };
}
