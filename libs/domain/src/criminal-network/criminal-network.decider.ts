import type { UbigeoCatalog } from '../reference/ubigeo.js';
import type { Decider } from '../shared/decider.js';
import type { CriminalNetworkCommand } from './criminal-network.commands.js';
import type { CriminalNetworkEvent } from './criminal-network.events.js';
import { evolveCriminalNetwork, initialCriminalNetworkState, type CriminalNetworkState } from './criminal-network.state.js';
import { dismantleNetwork } from './dismantle-network.js';
import { identifyNetwork } from './identify-network.js';
import { linkCaseToNetwork } from './link-case-to-network.js';
import { linkSuspectToNetwork } from './link-suspect-to-network.js';

export type CriminalNetworkDecider = Decider<CriminalNetworkCommand, CriminalNetworkEvent, CriminalNetworkState>;

export function createCriminalNetworkDecider(reference: { ubigeo: Pick<UbigeoCatalog, 'isKnown'> }): CriminalNetworkDecider {
  return {
    decide(command: CriminalNetworkCommand, state: CriminalNetworkState): CriminalNetworkEvent[] {
      switch (command.type) {
        case 'IdentifyNetwork':
          return identifyNetwork(command, state, reference.ubigeo);
        case 'LinkCaseToNetwork':
          return linkCaseToNetwork(command, state);
        case 'LinkSuspectToNetwork':
          return linkSuspectToNetwork(command, state);
        case 'DismantleNetwork':
          return dismantleNetwork(command, state);
        default: {
          const unknown: never = command;
          throw new TypeError(`Comando desconocido / Unknown command: ${(unknown as { type?: unknown }).type}`);
        }
      }
    },
    evolve: evolveCriminalNetwork,
    initialState: initialCriminalNetworkState,
  };
}
