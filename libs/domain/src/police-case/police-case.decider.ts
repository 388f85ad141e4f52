import type { Decider } from '../shared/decider.js';
import { addSuspects } from './add-suspects.js';
import { addVictims } from './add-victims.js';
import { closeCase } from './close-case.js';
import type { PoliceCaseCommand } from './police-case.commands.js';
import type { PoliceCaseEvent } from './police-case.events.js';
import { evolvePoliceCase, initialPoliceCaseState, type PoliceCaseState } from './police-case.state.js';
import type { PoliceCaseReference } from './police-case.validation.js';
import { recordOperation } from './record-operation.js';
import { referToProsecutor } from './refer-to-prosecutor.js';
import { registerCase } from './register-case.js';

export type PoliceCaseDecider = Decider<PoliceCaseCommand, PoliceCaseEvent, PoliceCaseState>;

/** The reference catalogs are injected (not imported) so the decider reads no files and stays a pure function. */
export function createPoliceCaseDecider(reference: PoliceCaseReference): PoliceCaseDecider {
  return {
    decide(command: PoliceCaseCommand, state: PoliceCaseState): PoliceCaseEvent[] {
      switch (command.type) {
        case 'RegisterCase':
          return registerCase(command, state, reference);
        case 'AddVictims':
          return addVictims(command, state, reference);
        case 'AddSuspects':
          return addSuspects(command, state, reference);
        case 'RecordOperation':
          return recordOperation(command, state);
        case 'ReferToProsecutor':
          return referToProsecutor(command, state);
        case 'CloseCase':
          return closeCase(command, state);
        case 'CorrectCaseFacts':
        case 'CorrectVictim':
        case 'VoidVictim':
        case 'VoidSuspect':
        case 'ReopenCase':
        case 'MarkSameFacts':
        case 'RecordExternalReferences':
        case 'AssignRegistryNumber':
          // Being written (issue 13): refused until its decider lands.
          throw new TypeError(`Comando aún no disponible / Command not available yet: ${command.type}`);
        default: {
          const unknown: never = command;
          throw new TypeError(`Comando desconocido / Unknown command: ${(unknown as { type?: unknown }).type}`);
        }
      }
    },
    evolve: evolvePoliceCase,
    initialState: initialPoliceCaseState,
  };
}
