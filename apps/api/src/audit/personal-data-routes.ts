import type { AuditRule } from '../auth/access.js';

type Answer = Record<string, unknown>;

const strings = (values: unknown[]): string[] => values.filter((v): v is string => typeof v === 'string');
const list = (value: unknown): Answer[] => (Array.isArray(value) ? (value as Answer[]) : []);
/** A referral's source is a data subject when it is a call (the caller) or a victim; a case is not. */
const SUBJECT_SOURCES = new Set(['hotline_call', 'victim']);

/*
 * The audit rules of the routes whose successful answer holds personal data or points at a data subject
 * (DESIGN.md: names, documents, phones, addresses, free text; the ids of victims and callers), used in their
 * @Access declarations. Each 2xx answer is recorded before it is sent (PersonalDataAuditInterceptor), with the
 * subjects it disclosed or pointed at; `read_personal_data` when personal fields left (a reader with need to know
 * and a stated purpose), `read_record` otherwise. Searches by document (case-list.ts) and erasure requests and
 * approvals (subjects/erasure-requests.ts) audit themselves. Not audited: the case list and the statistics, which
 * carry codes, places, dates and counts, no subject id.
 */

export const HOTLINE_CALL_AUDIT: AuditRule = {
  recordType: 'hotline_call',
  idParam: 'callId',
  disclosure: 'hotline_call',
  subjects: (call) => strings([call.callId]),
};

export const HOTLINE_CALL_LIST_AUDIT: AuditRule = {
  recordType: 'hotline_call_list',
  subjects: (page) => strings(list(page.items).map((call) => call.callId)),
};

export const CASE_AUDIT: AuditRule = {
  recordType: 'case',
  idParam: 'caseId',
  disclosure: 'case',
  subjects: (state) => strings(list(state.victims).map((victim) => victim.victimId)),
};

export const VICTIM_ASSISTANCE_AUDIT: AuditRule = {
  recordType: 'victim_assistance',
  idParam: 'victimId',
  disclosure: 'victim_assistance',
  subjects: (record) => strings([record.victimId]),
};

export const CASE_TIMELINE_AUDIT: AuditRule = { recordType: 'case_timeline', idParam: 'caseId', subjects: () => [] };

export const REFERRAL_AUDIT: AuditRule = {
  recordType: 'referral',
  idParam: 'referralId',
  subjects: (referral) => {
    const source = referral.source as { kind?: string; id?: string } | undefined;
    return source?.kind && SUBJECT_SOURCES.has(source.kind) ? strings([source.id]) : [];
  },
};

export const REFERRAL_QUEUE_AUDIT: AuditRule = {
  recordType: 'referral_queue',
  subjects: (queue) =>
    strings(
      list(queue.referrals)
        .filter((r) => SUBJECT_SOURCES.has(String(r.sourceKind)))
        .map((r) => r.sourceId),
    ),
};

/** A network's answer points at the suspects linked to it (their ids; their personal data stays in the case). */
export const NETWORK_AUDIT: AuditRule = {
  recordType: 'criminal_network',
  idParam: 'networkId',
  subjects: (network) => strings(list(network.suspects).map((suspect) => suspect.suspectId)),
};

/** A prosecution's witness protection: the protected victims' and witnesses' ids, and the witnesses' references. */
export const PROTECTION_AUDIT: AuditRule = {
  recordType: 'witness_protection',
  idParam: 'prosecutionId',
  action: 'read_personal_data',
  subjects: (protection) =>
    strings([
      ...list(protection.measures).map((measure) => measure.personId),
      ...list(protection.interviews).map((interview) => interview.victimId),
    ]).filter((id, index, ids) => ids.indexOf(id) === index),
};
