import type { AuditAction } from '../../../../libs/platform/src/index.js';
import type { PersonalRecordType } from '../auth/endpoint-policy.js';

export interface AuditedRoute {
  method: 'GET' | 'POST';
  /** Express's route path, global prefix and version included. */
  path: string;
  action: AuditAction;
  recordType: string;
  /** The path parameter that holds the record's id. */
  idParam: string;
  /** A read that discloses the fields only on a stated purpose to a reader (disclosesPersonalData): audited only then. */
  disclosure?: PersonalRecordType;
}

/**
 * Every route whose successful answer discloses personal data (DESIGN.md: names, documents, phones, addresses,
 * free text). Erasure requests and approvals audit themselves (subjects/erasure-requests.ts): one approval erases
 * several subjects. Each 2xx answer that discloses them is recorded before it is
 * sent (PersonalDataAuditInterceptor); a read without a purpose, or by a role without need to know, carries none
 * and is not recorded. Not listed: GET /cases/:caseId/timeline, whose milestones carry codes, places
 * and dates but no personal field.
 */
export const PERSONAL_DATA_ROUTES: readonly AuditedRoute[] = [
  { method: 'GET', path: '/api/v1/hotline-calls/:callId', action: 'read_personal_data', recordType: 'hotline_call', idParam: 'callId', disclosure: 'hotline_call' },
  { method: 'GET', path: '/api/v1/cases/:caseId', action: 'read_personal_data', recordType: 'case', idParam: 'caseId', disclosure: 'case' },
];

export function auditedRoute(method: string, path: string | undefined): AuditedRoute | undefined {
  return path === undefined ? undefined : PERSONAL_DATA_ROUTES.find((r) => r.method === method && r.path === path);
}
