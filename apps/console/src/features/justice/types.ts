/**
 * Answers of GET /prosecutions/{id} and GET /trials/{id}: the streams folded by libs/domain/src/prosecution and
 * libs/domain/src/trial (prosecution.state.ts, trial.state.ts), plus `version`. No response schema in the OpenAPI
 * document yet. The case list item is CaseListItemDto (apps/api/src/cases/case-list.dto.ts).
 */
export type ProsecutionStatus = 'opened' | 'preliminary' | 'archived' | 'formalized' | 'accused' | 'dismissed';

export interface Prosecution {
  status: ProsecutionStatus;
  prosecutionId: string;
  caseId: string;
  office: string;
  openedAt: string;
  lastOccurredAt: string;
  preliminaryInvestigationAt?: string | null;
  archivedAt?: string;
  archiveReason?: string;
  formalizedAt?: string;
  accusedAt?: string;
  dismissedAt?: string;
  dismissalReason?: string | null;
  version: number;
}

export interface Ruling {
  ruledAt: string;
  verdict: 'conviction' | 'acquittal';
  sentenceYears: number | null;
  defendants: string[];
  instance: number;
}

export type TrialStatus = 'opened' | 'ruled' | 'appealed' | 'final';

export interface Trial {
  status: TrialStatus;
  trialId: string;
  prosecutionId: string;
  caseId: string | null;
  court: string;
  openedAt: string;
  rulings: Ruling[];
  appeals: Array<{ appealedAt: string; appellant: string | null }>;
  lastRuling: Ruling | null;
  appealedAt?: string;
  appellant?: string | null;
  finalAt?: string;
  version: number;
}

export interface CaseListItem {
  caseId: string;
  registeredAt: string;
  policeUnit: string;
  ubigeo: string;
  source: string;
  purposes: string[];
  status: string;
  victims: number;
  suspects: number;
  prosecutionId: string | null;
  referralId: string | null;
}

export interface CaseList {
  items: CaseListItem[];
  nextCursor: string | null;
}
