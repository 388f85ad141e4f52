/**
 * Events hold only what the command said, normalized (lower-case ids, UTC instants). Never the handling time
 * or the actor: those live in the store's envelope, so a retried command yields byte-identical events.
 */
import type { AgeGroup, ExploitationPurpose, PersonalField, Sex } from '../people/people.codes.js';
import type { DomainEvent } from '../shared/decider.js';
import type {
  AggravatingCircumstance,
  CaseSource,
  ControlMeans,
  ExternalReferenceKind,
  IsicSection,
  RecruitmentMethod,
  SexualExploitationType,
} from './police-case.codes.js';
import type { OffenceCode } from './offences.js';

/** A place in Peru (an INEI UBIGEO of 2, 4 or 6 digits) or abroad (ISO 3166-1 alpha-2, never PE). */
export type CasePlace = { ubigeo: string } | { country: string };

export interface CasePlaces {
  recruitment: CasePlace | null;
  /** In the order the victim was moved. */
  transit: CasePlace[];
  exploitation: CasePlace | null;
}

/** Only the kinds recorded are present. */
export type ExternalReferences = Partial<Record<ExternalReferenceKind, string>>;

/**
 * The qualification and circumstances of a case as the decider records them: lists deduplicated, in their catalog's
 * order. Absent from events recorded before they existed: readers take empty lists and unknown places.
 */
export interface CaseQualificationData {
  offences: OffenceCode[];
  aggravatingCircumstances: AggravatingCircumstance[];
  places: CasePlaces;
  recruitment: RecruitmentMethod[];
  control: ControlMeans[];
  labourSectors: IsicSection[];
  sexualExploitation: SexualExploitationType[];
}

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
    references?: ExternalReferences;
  } & Partial<CaseQualificationData>
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

/** Only the facts that changed, in CASE_CORRECTABLE_FIELDS order. */
export type CaseFactCorrections = Partial<
  {
    registeredAt: string;
    occurredAt: string | null;
    policeUnit: string;
    ubigeo: string;
    purposes: ExploitationPurpose[];
  } & CaseQualificationData
>;

export type CaseFactsCorrected = DomainEvent<'CaseFactsCorrected', { caseId: string; changes: CaseFactCorrections; reason: string }>;

/**
 * Only what changed. A new age carries its age group and minor flag, derived as at identification. Personal fields
 * are sealed under the victim's key like VictimIdentified's; when the document changes, the stored event also holds
 * the new document's `linkId` (null: no document any more), added by the store decorator.
 */
export type VictimCorrected = DomainEvent<
  'VictimCorrected',
  {
    caseId: string;
    victimId: string;
    changes: {
      sex?: Sex;
      age?: number | null;
      ageGroup?: AgeGroup;
      minor?: boolean | null;
      nationality?: string;
      personal?: Partial<CasePersonalData>;
    };
    reason: string;
    linkId?: string | null;
  }
>;

export type VictimVoided = DomainEvent<'VictimVoided', { caseId: string; victimId: string; reason: string }>;
export type SuspectVoided = DomainEvent<'SuspectVoided', { caseId: string; suspectId: string; reason: string }>;
export type CaseReopened = DomainEvent<'CaseReopened', { caseId: string; reopenedAt: string; reason: string }>;
export type CaseMarkedSameFacts = DomainEvent<'CaseMarkedSameFacts', { caseId: string; sameAsCaseId: string; reason: string }>;

/** Each kind given: its new value, or null when removed. */
export type ExternalReferencesRecorded = DomainEvent<
  'ExternalReferencesRecorded',
  { caseId: string; references: Partial<Record<ExternalReferenceKind, string | null>> }
>;

export type RegistryNumberAssigned = DomainEvent<'RegistryNumberAssigned', { caseId: string; registryNumber: string }>;

/**
 * The one event type of a numbering stream (`registry-number-08-2025`): its stream position is the sequence, so
 * numbers are unique and gap-free by the store's own per-stream versions. Not a police-case event.
 */
export type RegistryNumberReserved = DomainEvent<
  'RegistryNumberReserved',
  { caseId: string; department: string; year: number; registryNumber: string }
>;

export type PoliceCaseEvent =
  | CaseRegistered
  | VictimIdentified
  | SuspectIdentified
  | OperationConducted
  | CaseReferredToProsecutor
  | CaseClosed
  | CaseFactsCorrected
  | VictimCorrected
  | VictimVoided
  | SuspectVoided
  | CaseReopened
  | CaseMarkedSameFacts
  | ExternalReferencesRecorded
  | RegistryNumberAssigned;

export const POLICE_CASE_EVENT_TYPES = [
  'CaseRegistered',
  'VictimIdentified',
  'SuspectIdentified',
  'OperationConducted',
  'CaseReferredToProsecutor',
  'CaseClosed',
  'CaseFactsCorrected',
  'VictimCorrected',
  'VictimVoided',
  'SuspectVoided',
  'CaseReopened',
  'CaseMarkedSameFacts',
  'ExternalReferencesRecorded',
  'RegistryNumberAssigned',
] as const satisfies readonly PoliceCaseEvent['type'][];
