import type { CommandMetadata } from '../shared/decider.js';
import type { ProtectedPersonKind, ProtectionMeasure } from './witness-protection.codes.js';

/**
 * What the application reads from the prosecution's and its case's streams (a decider sees one stream only): when
 * the prosecution opened (nothing of its protection predates it) and the victims of its case.
 */
export interface ProsecutionContext {
  prosecutionOpenedAt: string;
  caseVictimIds: readonly string[];
}

/** A victim is named by `victimId`; a witness by `witnessId` (its key) and `witnessReference` (sealed). */
export interface GrantProtectionMeasure {
  type: 'GrantProtectionMeasure';
  data: ProsecutionContext & {
    prosecutionId: string;
    measureId: string;
    protectedPerson: ProtectedPersonKind;
    victimId?: string | null;
    witnessId?: string | null;
    witnessReference?: string | null;
    measure: ProtectionMeasure;
    grantedAt: string;
    endsAt?: string | null;
    notes?: string | null;
  };
  metadata: CommandMetadata;
}

export interface RecordGesellInterview {
  type: 'RecordGesellInterview';
  data: ProsecutionContext & { prosecutionId: string; interviewId: string; victimId: string; heldAt: string };
  metadata: CommandMetadata;
}

export type WitnessProtectionCommand = GrantProtectionMeasure | RecordGesellInterview;
