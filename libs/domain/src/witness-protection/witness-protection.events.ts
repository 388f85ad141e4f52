/**
 * `personId` is the victim's id or the witness's: the key the witness's reference and the notes are sealed under
 * (libs/platform free-text.ts), so one witness can be erased alone.
 */
import type { DomainEvent } from '../shared/decider.js';
import type { ProtectedPersonKind, ProtectionMeasure } from './witness-protection.codes.js';

export type ProtectionMeasureGranted = DomainEvent<
  'ProtectionMeasureGranted',
  {
    prosecutionId: string;
    measureId: string;
    protectedPerson: ProtectedPersonKind;
    personId: string;
    witnessReference: string | null;
    measure: ProtectionMeasure;
    grantedAt: string;
    endsAt: string | null;
    notes: string | null;
  }
>;

export type GesellInterviewHeld = DomainEvent<
  'GesellInterviewHeld',
  { prosecutionId: string; interviewId: string; victimId: string; heldAt: string }
>;

export type WitnessProtectionEvent = ProtectionMeasureGranted | GesellInterviewHeld;

export const WITNESS_PROTECTION_EVENT_TYPES = [
  'ProtectionMeasureGranted',
  'GesellInterviewHeld',
] as const satisfies readonly WitnessProtectionEvent['type'][];
