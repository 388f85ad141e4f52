import type { VictimAssistanceEvent } from './victim-assistance.events.js';

/** An act as the history lists it: its event type and data, in the order recorded. */
export type AssistanceAct = { [E in VictimAssistanceEvent as E['type']]: { type: E['type'] } & E['data'] }[VictimAssistanceEvent['type']];

export interface UnassistedVictim {
  status: 'unassisted';
}

export interface AssistedVictimRecord {
  status: 'assisted';
  victimId: string;
  caseId: string;
  /** The last consent recorded: null before any, false after a refusal or a withdrawal. */
  consent: boolean | null;
  /** The admission of the current shelter stay, or null when not sheltered. */
  shelteredSince: string | null;
  acts: AssistanceAct[];
}

export type VictimAssistanceState = UnassistedVictim | AssistedVictimRecord;

export function initialVictimAssistanceState(): VictimAssistanceState {
  return { status: 'unassisted' };
}

/** Total and deterministic: an act already listed (same actId) leaves the state unchanged. */
export function evolveVictimAssistance(state: VictimAssistanceState, event: VictimAssistanceEvent): VictimAssistanceState {
  const { victimId, caseId, actId } = event.data;
  const current: AssistedVictimRecord =
    state.status === 'assisted' ? state : { status: 'assisted', victimId, caseId, consent: null, shelteredSince: null, acts: [] };
  if (current.acts.some((act) => act.actId === actId)) return state;
  const next: AssistedVictimRecord = { ...current, acts: [...current.acts, { type: event.type, ...event.data } as AssistanceAct] };
  switch (event.type) {
    case 'ConsentRecorded':
      return { ...next, consent: event.data.given };
    case 'ShelterAdmitted':
      return { ...next, shelteredSince: event.data.occurredAt };
    case 'ShelterExited':
      return { ...next, shelteredSince: null };
    default:
      return next;
  }
}
