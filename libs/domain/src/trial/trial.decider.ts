import type { Decider } from '../shared/decider.js';
import { appealRuling } from './appeal-ruling.js';
import { declareRulingFinal } from './declare-ruling-final.js';
import { issueRuling } from './issue-ruling.js';
import { openTrial } from './open-trial.js';
import type { TrialCommand } from './trial.commands.js';
import type { TrialEvent } from './trial.events.js';
import { evolveTrial, initialTrialState, type TrialState } from './trial.state.js';

export type TrialDecider = Decider<TrialCommand, TrialEvent, TrialState>;

export function createTrialDecider(): TrialDecider {
  return {
    decide(command: TrialCommand, state: TrialState): TrialEvent[] {
      switch (command.type) {
        case 'OpenTrial':
          return openTrial(command, state);
        case 'IssueRuling':
          return issueRuling(command, state);
        case 'AppealRuling':
          return appealRuling(command, state);
        case 'DeclareRulingFinal':
          return declareRulingFinal(command, state);
        default: {
          const unknown: never = command;
          throw new TypeError(`Comando desconocido / Unknown command: ${(unknown as { type?: unknown }).type}`);
        }
      }
    },
    evolve: evolveTrial,
    initialState: initialTrialState,
  };
}
