import type { Decider } from '../shared/decider.js';
import { acceptReferral } from './accept-referral.js';
import { completeReferral } from './complete-referral.js';
import type { ReferralCommand } from './referral.commands.js';
import type { ReferralEvent } from './referral.events.js';
import { evolveReferral, initialReferralState, type ReferralState } from './referral.state.js';
import type { ReferralReference } from './referral.validation.js';
import { rejectReferral } from './reject-referral.js';
import { revokeReferral } from './revoke-referral.js';
import { sendReferral } from './send-referral.js';

export type ReferralDecider = Decider<ReferralCommand, ReferralEvent, ReferralState>;

/** The reference catalog is injected (not imported) so the decider reads no files and stays a pure function. */
export function createReferralDecider(reference: ReferralReference): ReferralDecider {
  return {
    decide(command: ReferralCommand, state: ReferralState): ReferralEvent[] {
      switch (command.type) {
        case 'SendReferral':
          return sendReferral(command, state, reference);
        case 'AcceptReferral':
          return acceptReferral(command, state);
        case 'RejectReferral':
          return rejectReferral(command, state);
        case 'CompleteReferral':
          return completeReferral(command, state);
        case 'RevokeReferral':
          return revokeReferral(command, state);
        default: {
          const unknown: never = command;
          throw new TypeError(`Comando desconocido / Unknown command: ${(unknown as { type?: unknown }).type}`);
        }
      }
    },
    evolve: evolveReferral,
    initialState: initialReferralState,
  };
}
