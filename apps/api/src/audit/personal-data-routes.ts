import type { AuditAction } from '../../../../libs/platform/src/index.js';
import type { PersonalRecordType } from '../auth/endpoint-policy.js';

type Answer = Record<string, unknown>;

export interface AuditedRoute {
  method: 'GET' | 'POST';
  /** Express's route path, global prefix and version included. */
  path: string;
  recordType: string;
  /** The path parameter that holds the record's id; absent for a list (the entry names no single record). */
  idParam?: string;
  /** A fixed action (erasure); otherwise read_personal_data when the answer disclosed personal fields, else read_record. */
  action?: AuditAction;
  /** A read that discloses the fields only on a stated purpose to a reader (disclosesPersonalData). */
  disclosure?: PersonalRecordType;
  /** The data subjects (victims, callers) the answer disclosed or pointed at. */
  subjects: (answer: Answer, params: Record<string, string>) => string[];
}

const strings = (values: unknown[]): string[] => values.filter((v): v is string => typeof v === 'string');
const list = (value: unknown): Answer[] => (Array.isArray(value) ? (value as Answer[]) : []);
/** A referral's source is a data subject when it is a call (the caller) or a victim; a case is not. */
const SUBJECT_SOURCES = new Set(['hotline_call', 'victim']);

/**
 * Every route whose successful answer holds personal data or points at a data subject (DESIGN.md: names,
 * documents, phones, addresses, free text; the ids of victims and callers). Erasure requests and approvals audit
 * themselves (subjects/erasure-requests.ts): one approval erases several subjects. Each 2xx answer is recorded before it is sent (PersonalDataAuditInterceptor), with the subjects it disclosed or
 * pointed at; `read_personal_data` when personal fields left (a reader with need to know and a stated purpose),
 * `read_record` otherwise. Searches by document are audited by the case list itself (case-list.ts). Not listed:
 * the case list and the statistics, which carry codes, places, dates and counts, no subject id.
 */
export const PERSONAL_DATA_ROUTES: readonly AuditedRoute[] = [
  {
    method: 'GET', path: '/api/v1/hotline-calls/:callId', recordType: 'hotline_call', idParam: 'callId', disclosure: 'hotline_call',
    subjects: (call) => strings([call.callId]),
  },
  {
    method: 'GET', path: '/api/v1/hotline-calls', recordType: 'hotline_call_list',
    subjects: (page) => strings(list(page.items).map((call) => call.callId)),
  },
  {
    method: 'GET', path: '/api/v1/cases/:caseId', recordType: 'case', idParam: 'caseId', disclosure: 'case',
    subjects: (state) => strings(list(state.victims).map((victim) => victim.victimId)),
  },
  { method: 'GET', path: '/api/v1/cases/:caseId/timeline', recordType: 'case_timeline', idParam: 'caseId', subjects: () => [] },
  {
    method: 'GET', path: '/api/v1/referrals/:referralId', recordType: 'referral', idParam: 'referralId',
    subjects: (referral) => {
      const source = referral.source as { kind?: string; id?: string } | undefined;
      return source?.kind && SUBJECT_SOURCES.has(source.kind) ? strings([source.id]) : [];
    },
  },
  {
    method: 'GET', path: '/api/v1/referrals', recordType: 'referral_queue',
    subjects: (queue) => strings(list(queue.referrals).filter((r) => SUBJECT_SOURCES.has(String(r.sourceKind))).map((r) => r.sourceId)),
  },
];

export function auditedRoute(method: string, path: string | undefined): AuditedRoute | undefined {
  return path === undefined ? undefined : PERSONAL_DATA_ROUTES.find((r) => r.method === method && r.path === path);
}
