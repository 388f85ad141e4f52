import type { Decider } from '../shared/decider.js';
import type { CountryCatalog } from '../reference/countries.js';
import type { UbigeoCatalog } from '../reference/ubigeo.js';
import { recordAssistance } from './record-assistance.js';
import type { VictimAssistanceCommand } from './victim-assistance.commands.js';
import type { VictimAssistanceEvent } from './victim-assistance.events.js';
import { evolveVictimAssistance, initialVictimAssistanceState, type VictimAssistanceState } from './victim-assistance.state.js';

export type VictimAssistanceDecider = Decider<VictimAssistanceCommand, VictimAssistanceEvent, VictimAssistanceState>;

export interface VictimAssistanceReference {
  countries: Pick<CountryCatalog, 'isKnown'>;
  ubigeo: Pick<UbigeoCatalog, 'isKnown'>;
}

export function createVictimAssistanceDecider(reference: VictimAssistanceReference): VictimAssistanceDecider {
  return {
    decide(command: VictimAssistanceCommand, state: VictimAssistanceState): VictimAssistanceEvent[] {
      switch (command.type) {
        case 'RecordAssistance':
          return recordAssistance(command, state, reference);
        default: {
          const unknown: never = command.type;
          throw new TypeError(`Comando desconocido / Unknown command: ${String(unknown)}`);
        }
      }
    },
    evolve: evolveVictimAssistance,
    initialState: initialVictimAssistanceState,
  };
}
