/**
 * Events hold only what the command said, normalized (lower-case ids, UTC instants). Never the handling time
 * or the actor: those live in the store's envelope, so a retried command yields byte-identical events.
 */
import type { AgeGroup, ExploitationPurpose, PersonalField, Sex } from '../people/people.codes.js';
import type { DomainEvent } from '../shared/decider.js';
import type { CaseSource } from './police-case.codes.js';

export type CaseRegistered = DomainEvent<
  'CaseRegistered',
  {
    caseId: string;
    registeredAt: string;
    occurredAt: string | null;
    policeUnit: string;
    ubigeo: string;
    source: CaseSource;
    referralId: string | null;
    /** Deduplicated, in EXPLOITATION_PURPOSES order; empty while the purpose is not yet known. */
    purposes: ExploitationPurpose[];
  }
>;

/**
 * Personal data of a victim. Typed as plain strings, not codes: the application replaces each value with its
 * sealed (encrypted) form before the event is stored, so a stored documentType is ciphertext, not 'DNI'.
 */
export type CasePersonalData = Record<PersonalField, string | null>;

export interface CaseVictim {
  victimId: string;
  sex: Sex;
  age: number | null;
  /** Derived at decision time so projections and exports never disagree on the grouping. */
  ageGroup: AgeGroup;
  minor: boolean | null;
  nationality: string;
  personal: CasePersonalData;
}

export interface CaseSuspect {
  suspectId: string;
  sex: Sex;
  age: number | null;
  nationality: string;
  role: string | null;
}

export interface CaseOperation {
  operationId: string;
  conductedAt: string;
  rescued: number;
  detained: number;
}

/**
 * `linkId` is added by the application before storage (the decider holds no key): the random id of the person's
 * identity document in `document_links`, the same for each of her records, so one victim reported by several
 * institutions is counted once. Events recorded before link ids hold `documentHash` (the keyed hash itself)
 * instead; readers map it to the link id through `document_links` and never use it otherwise.
 */
export type VictimIdentified = DomainEvent<
  'VictimIdentified',
  { caseId: string; linkId?: string | null; documentHash?: string | null } & CaseVictim
>;

export type SuspectIdentified = DomainEvent<'SuspectIdentified', { caseId: string } & CaseSuspect>;

export type OperationConducted = DomainEvent<'OperationConducted', { caseId: string } & CaseOperation>;

export type CaseReferredToProsecutor = DomainEvent<
  'CaseReferredToProsecutor',
  { caseId: string; referredAt: string; office: string; prosecutionId: string }
>;

export type CaseClosed = DomainEvent<'CaseClosed', { caseId: string; closedAt: string; reason: string }>;

export type PoliceCaseEvent =
  CaseRegistered | VictimIdentified | SuspectIdentified | OperationConducted | CaseReferredToProsecutor | CaseClosed;

export const POLICE_CASE_EVENT_TYPES = [
  'CaseRegistered',
  'VictimIdentified',
  'SuspectIdentified',
  'OperationConducted',
  'CaseReferredToProsecutor',
  'CaseClosed',
] as const satisfies readonly PoliceCaseEvent['type'][];
