import type { Decider } from '../shared/decider.js';
import { addSuspects } from './add-suspects.js';
import { assignRegistryNumber } from './assign-registry-number.js';
import { addVictims } from './add-victims.js';
import { closeCase } from './close-case.js';
import { correctCaseFacts } from './correct-case-facts.js';
import { correctVictim } from './correct-victim.js';
import { markSameFacts } from './mark-same-facts.js';
import type { PoliceCaseCommand } from './police-case.commands.js';
import type { PoliceCaseEvent } from './police-case.events.js';
import { evolvePoliceCase, initialPoliceCaseState, type PoliceCaseState } from './police-case.state.js';
import type { PoliceCaseReference } from './police-case.validation.js';
import { recordExternalReferences } from './record-external-references.js';
import { recordOperation } from './record-operation.js';
import { referToProsecutor } from './refer-to-prosecutor.js';
import { registerCase } from './register-case.js';
import { reopenCase } from './reopen-case.js';
import { voidSuspect, voidVictim } from './void-people.js';

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
          return correctCaseFacts(command, state, reference);
        case 'CorrectVictim':
          return correctVictim(command, state, reference);
        case 'VoidVictim':
          return voidVictim(command, state);
        case 'VoidSuspect':
          return voidSuspect(command, state);
        case 'ReopenCase':
          return reopenCase(command, state);
        case 'MarkSameFacts':
          return markSameFacts(command, state);
        case 'RecordExternalReferences':
          return recordExternalReferences(command, state);
        case 'AssignRegistryNumber':
          return assignRegistryNumber(command, state);
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
