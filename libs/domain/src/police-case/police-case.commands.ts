/**
 * Commands carry codes as the domain's own types: the edge (the API's DTOs) parses wire values into them, so a
 * code is checked in exactly one place and the decider enforces business rules only. Person ids are always present: the application
 * generates the missing ones before building the command, so a retry names the same people.
 */
import type { CommandMetadata } from '../shared/decider.js';
import type { DocumentType, ExploitationPurpose, Sex } from '../people/people.codes.js';
import type { CaseSource } from './police-case.codes.js';

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
    /** Place of the facts: a department, province or district code. */
    ubigeo: string;
    source: CaseSource;
    referralId?: string | null;
    purposes: ExploitationPurpose[];
    victims: CaseVictimInput[];
    suspects: CaseSuspectInput[];
  };
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

export type PoliceCaseCommand = RegisterCase | AddVictims | AddSuspects | RecordOperation | ReferToProsecutor | CloseCase;
