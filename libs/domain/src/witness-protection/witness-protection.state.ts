import type { ProtectedPersonKind, ProtectionMeasure } from './witness-protection.codes.js';
import type { WitnessProtectionEvent } from './witness-protection.events.js';

export interface GrantedMeasure {
  measureId: string;
  protectedPerson: ProtectedPersonKind;
  personId: string;
  witnessReference: string | null;
  measure: ProtectionMeasure;
  grantedAt: string;
  endsAt: string | null;
  notes: string | null;
}

export interface HeldInterview {
  interviewId: string;
  victimId: string;
  heldAt: string;
}

export interface NoProtection {
  status: 'none';
}

export interface RecordedProtection {
  status: 'recorded';
  prosecutionId: string;
  measures: GrantedMeasure[];
  interviews: HeldInterview[];
}

export type WitnessProtectionState = NoProtection | RecordedProtection;

export function initialWitnessProtectionState(): WitnessProtectionState {
  return { status: 'none' };
}

const started = (state: WitnessProtectionState, prosecutionId: string): RecordedProtection =>
  state.status === 'none' ? { status: 'recorded', prosecutionId, measures: [], interviews: [] } : state;

/** Total and deterministic: a repeated id (never decided, but possible in a hand-made log) is ignored. */
export function evolveWitnessProtection(state: WitnessProtectionState, event: WitnessProtectionEvent): WitnessProtectionState {
  switch (event.type) {
    case 'ProtectionMeasureGranted': {
      const d = event.data;
      const s = started(state, d.prosecutionId);
      if (s.measures.some((m) => m.measureId === d.measureId)) return s;
      const { measureId, protectedPerson, personId, witnessReference, measure, grantedAt, endsAt, notes } = d;
      const granted = { measureId, protectedPerson, personId, witnessReference, measure, grantedAt, endsAt, notes };
      return { ...s, measures: [...s.measures, granted] };
    }
    case 'GesellInterviewHeld': {
      const d = event.data;
      const s = started(state, d.prosecutionId);
      if (s.interviews.some((i) => i.interviewId === d.interviewId)) return s;
      return { ...s, interviews: [...s.interviews, { interviewId: d.interviewId, victimId: d.victimId, heldAt: d.heldAt }] };
    }
    default:
      return state;
  }
}
