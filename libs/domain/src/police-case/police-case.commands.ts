/**
 * Commands carry codes as the domain's own types: the edge (the API's DTOs) parses wire values into them, so a
 * code is checked in exactly one place and the decider enforces business rules only. Person ids are always present: the application
 * generates the missing ones before building the command, so a retry names the same people.
 */
import type { CommandMetadata } from '../shared/decider.js';
import type { DocumentType, ExploitationPurpose, Sex } from '../people/people.codes.js';
import type {
  AggravatingCircumstance,
  CaseSource,
  ControlMeans,
  IsicSection,
  RecruitmentMethod,
  SexualExploitationType,
} from './police-case.codes.js';
import type { CasePlaces, ExternalReferences } from './police-case.events.js';
import type { OffenceCode } from './offences.js';

export interface CaseVictimInput {
  victimId: string;
  sex: Sex;
  /** Age at the facts; null or absent when not known. */
  age?: number | null;
  /** ISO 3166-1 alpha-2 or 'unknown'. */
  nationality: string;
  fullName?: string | null;
  documentType?: DocumentType | null;
  documentNumber?: string | null;
  phone?: string | null;
  address?: string | null;
}

export interface CaseSuspectInput {
  suspectId: string;
  sex: Sex;
  age?: number | null;
  nationality: string;
  /** Role in the network as the police describe it (recruiter, transporter…); free text. */
  role?: string | null;
}

export interface RegisterCase {
  type: 'RegisterCase';
  data: {
    caseId: string;
    registeredAt: string;
    occurredAt?: string | null;
    policeUnit: string;
    /**
     * Where the case belongs in Peru (a department, province or district code): the place of the facts, or for facts
     * abroad where they were reported. Departments' figures and access are by this place.
     */
    ubigeo: string;
    source: CaseSource;
    referralId?: string | null;
    purposes: ExploitationPurpose[];
    victims: CaseVictimInput[];
    suspects: CaseSuspectInput[];
  } & Partial<CaseQualification> & { references?: Partial<ExternalReferences> | null };
  metadata: CommandMetadata;
}

export interface AddVictims {
  type: 'AddVictims';
  data: { caseId: string; victims: CaseVictimInput[] };
  metadata: CommandMetadata;
}

export interface AddSuspects {
  type: 'AddSuspects';
  data: { caseId: string; suspects: CaseSuspectInput[] };
  metadata: CommandMetadata;
}

export interface RecordOperation {
  type: 'RecordOperation';
  data: { caseId: string; operationId: string; conductedAt: string; rescued: number; detained: number };
  metadata: CommandMetadata;
}

export interface ReferToProsecutor {
  type: 'ReferToProsecutor';
  data: { caseId: string; referredAt: string; office: string; prosecutionId: string };
  metadata: CommandMetadata;
}

export interface CloseCase {
  type: 'CloseCase';
  data: { caseId: string; closedAt: string; reason: string };
  metadata: CommandMetadata;
}

/** The legal qualification and the circumstances of a case: absent lists are empty, absent places unknown. */
export interface CaseQualification {
  /** Provisions of the Código Penal, each in force on the date of the facts (offences.ts). */
  offences: OffenceCode[];
  aggravatingCircumstances: AggravatingCircumstance[];
  places: Partial<CasePlaces>;
  recruitment: RecruitmentMethod[];
  control: ControlMeans[];
  labourSectors: IsicSection[];
  sexualExploitation: SexualExploitationType[];
}

/** The facts as corrected: only the fields given change; `occurredAt: null` says the date is not known. */
export interface CaseFactChanges extends Partial<CaseQualification> {
  registeredAt?: string;
  occurredAt?: string | null;
  policeUnit?: string;
  ubigeo?: string;
  purposes?: ExploitationPurpose[];
}

export interface CorrectCaseFacts {
  type: 'CorrectCaseFacts';
  data: { caseId: string; changes: CaseFactChanges; reason: string };
  metadata: CommandMetadata;
}

/** A victim's data as corrected; a personal field set to null is removed. */
export interface VictimChanges {
  sex?: Sex;
  age?: number | null;
  nationality?: string;
  fullName?: string | null;
  documentType?: DocumentType | null;
  documentNumber?: string | null;
  phone?: string | null;
  address?: string | null;
}

export interface CorrectVictim {
  type: 'CorrectVictim';
  data: { caseId: string; victimId: string; changes: VictimChanges; reason: string };
  metadata: CommandMetadata;
}

/** A victim recorded by mistake: kept in the log, counted nowhere. */
export interface VoidVictim {
  type: 'VoidVictim';
  data: { caseId: string; victimId: string; reason: string };
  metadata: CommandMetadata;
}

export interface VoidSuspect {
  type: 'VoidSuspect';
  data: { caseId: string; suspectId: string; reason: string };
  metadata: CommandMetadata;
}

export interface ReopenCase {
  type: 'ReopenCase';
  data: { caseId: string; reopenedAt: string; reason: string };
  metadata: CommandMetadata;
}

/**
 * This case reports the same facts as `sameAsCaseId` (registered twice, by two units or twice by one): both stay,
 * linked; the statistics count the other one only. The application checks that the other case exists.
 */
export interface MarkSameFacts {
  type: 'MarkSameFacts';
  data: { caseId: string; sameAsCaseId: string; reason: string };
  metadata: CommandMetadata;
}

/** Numbers other institutions gave the case; a given kind replaces the earlier value, null removes it. */
export interface RecordExternalReferences {
  type: 'RecordExternalReferences';
  data: { caseId: string; references: Partial<Record<keyof ExternalReferences, string | null>> };
  metadata: CommandMetadata;
}

/** Issued by the application once the number is reserved in its department-year numbering stream. */
export interface AssignRegistryNumber {
  type: 'AssignRegistryNumber';
  data: { caseId: string; registryNumber: string };
  metadata: CommandMetadata;
}

export type PoliceCaseCommand =
  | RegisterCase
  | AddVictims
  | AddSuspects
  | RecordOperation
  | ReferToProsecutor
  | CloseCase
  | CorrectCaseFacts
  | CorrectVictim
  | VoidVictim
  | VoidSuspect
  | ReopenCase
  | MarkSameFacts
  | RecordExternalReferences
  | AssignRegistryNumber;
