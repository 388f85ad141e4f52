/**
 * Answers of the case endpoints, declared from what the API returns (apps/api/src/cases: GET /cases/{id} is the
 * case stream folded by libs/domain/src/police-case/police-case.state.ts, plus `version`; the timeline is
 * case-timeline.ts). The OpenAPI document has no response schema for them yet.
 */
export interface PersonalFields {
  fullName: string | null;
  documentType: string | null;
  documentNumber: string | null;
  phone: string | null;
  address: string | null;
}

export interface Victim {
  victimId: string;
  sex: string;
  age: number | null;
  ageGroup: string;
  minor: boolean | null;
  nationality: string;
  /** Present in the API's answer; the console strips it before caching (see use-case.ts). */
  personal?: PersonalFields;
  erased?: boolean;
}

export interface Suspect {
  suspectId: string;
  sex: string;
  age: number | null;
  nationality: string;
  role: string | null;
}

export interface Operation {
  operationId: string;
  conductedAt: string;
  rescued: number;
  detained: number;
}

export interface CaseView {
  status: 'open' | 'referred' | 'closed';
  caseId: string;
  registeredAt: string;
  occurredAt: string | null;
  policeUnit: string;
  ubigeo: string;
  source: string;
  referralId: string | null;
  purposes: string[];
  victims: Victim[];
  suspects: Suspect[];
  operations: Operation[];
  prosecutionIds: string[];
  closedAt?: string;
  reason?: string;
  version: number;
}

export interface Milestone {
  milestone: string;
  label: string;
  institution: string;
  occurredAt: string;
  stream: string;
  detail: Record<string, unknown>;
  daysSincePrevious: number;
  daysSinceFirstContact: number;
}

export interface CaseTimeline {
  caseId: string;
  firstContactAt: string | null;
  milestones: Milestone[];
}

/** Every command answers at least this (cases.controller.ts `command`, justice.controller.ts `execute`). */
export interface CommandAnswer {
  version: number;
  position: number;
}
