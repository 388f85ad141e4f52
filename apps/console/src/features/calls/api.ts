import { api, withHeaders } from '../../api/client.js';
import { unwrap } from '../../api/errors.js';
import type { paths } from '../../api/schema.js';
import type { CallListPage, CallCommandAnswer, ReferralCommandAnswer } from './types.js';
import type { CallLanguage, Channel, Destination, Outcome, Topic } from '../../i18n/codes.js';

export interface NewCall {
  callId: string;
  receivedAt: string;
  channel: Channel;
  language: CallLanguage;
  callerUbigeo: string | null;
  anonymous: boolean;
  /** null until chosen: the call is still sent, and the API's "es obligatorio" shows next to the field. */
  topic: Topic | null;
  summary: string;
}

/** The body the API expects: optional fields left out when empty, so a retry sends byte-for-byte the same command. */
type RecordCallBody = paths['/api/v1/hotline-calls']['post']['requestBody']['content']['application/json'];

export async function recordCall(call: NewCall): Promise<CallCommandAnswer> {
  const body = {
    callId: call.callId,
    receivedAt: call.receivedAt,
    channel: call.channel,
    language: call.language,
    anonymous: call.anonymous,
    ...(call.topic ? { topic: call.topic } : {}),
    ...(call.callerUbigeo ? { callerUbigeo: call.callerUbigeo } : {}),
    ...(call.summary.trim() ? { summary: call.summary } : {}),
  };
  // An unfinished form is sent as it is (the cast): the API, not a copy of its rules here, names what is missing.
  return unwrap(api.POST('/api/v1/hotline-calls', { body: body as RecordCallBody }));
}

/** Updates carry the version the user saw (If-Match) and one key per intended action (Idempotency-Key). */
function updateHeaders(version: number, idempotencyKey: string) {
  return withHeaders({ 'If-Match': `"${version}"`, 'Idempotency-Key': idempotencyKey }).headers;
}

export function classifyCall(callId: string, version: number, key: string, topic: Topic, reason: string): Promise<CallCommandAnswer> {
  const body = { topic, ...(reason.trim() ? { reason } : {}) };
  return unwrap(
    api.POST('/api/v1/hotline-calls/{callId}/classification', {
      params: { path: { callId }, header: updateHeaders(version, key) },
      body,
    }),
  );
}

export function closeCall(callId: string, version: number, key: string, outcome: Outcome, closedAt: string): Promise<CallCommandAnswer> {
  return unwrap(
    api.POST('/api/v1/hotline-calls/{callId}/closure', {
      params: { path: { callId }, header: updateHeaders(version, key) },
      body: { outcome, closedAt },
    }),
  );
}

export interface NewReferral {
  referralId: string;
  to: Destination;
  unitName: string;
  ubigeo: string | null;
  referredAt: string;
}

/** A create: the client-made referralId makes a retry return the original referral. */
export function referCall(callId: string, referral: NewReferral): Promise<ReferralCommandAnswer> {
  const body = {
    referralId: referral.referralId,
    to: referral.to,
    referredAt: referral.referredAt,
    ...(referral.unitName.trim() ? { unitName: referral.unitName.trim() } : {}),
    ...(referral.ubigeo ? { ubigeo: referral.ubigeo } : {}),
  };
  return unwrap(api.POST('/api/v1/hotline-calls/{callId}/referrals', { params: { path: { callId } }, body }));
}

export interface CallFilters {
  from: string;
  to: string;
  topic: Topic | null;
  status: 'open' | 'closed' | null;
  mine: boolean;
}

export function listCalls(filters: CallFilters, cursor: string | null, minPosition: number | undefined): Promise<CallListPage> {
  const query = {
    from: filters.from || undefined,
    to: filters.to || undefined,
    topic: filters.topic ?? undefined,
    status: filters.status ?? undefined,
    mine: filters.mine ? ('true' as const) : undefined,
    limit: 25,
    cursor: cursor ?? undefined,
    minPosition,
  };
  return unwrap(api.GET('/api/v1/hotline-calls', { params: { query } }));
}
