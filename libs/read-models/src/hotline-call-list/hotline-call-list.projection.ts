import type { Projection, Queryable } from '#event-store';
import { departmentOfUbigeo, HOTLINE_CALL_EVENT_TYPES, isTraffickingRelated, type HotlineCallEvent, type ReferralSent } from '#domain';
import type { Recorded } from '../shared/registry-events.js';

export const HOTLINE_CALL_LIST_PROJECTION = 'hotline-call-list';

/** One row of hotline_call_list: what an operator's list shows of a call, never its summary. */
export interface CallListRow {
  callId: string;
  receivedAt: string;
  channel: string;
  language: string;
  callerUbigeo: string | null;
  department: string;
  anonymous: boolean;
  topic: string;
  traffickingRelated: boolean;
  status: 'open' | 'closed';
  outcome: string | null;
  referrals: number;
  version: number;
  /** The token subject of whoever recorded the call (the actor `role:subject` of its first event). */
  recordedBy: string | null;
}

const COLUMNS: Array<[keyof CallListRow, string, string]> = [
  ['callId', 'call_id', 'uuid'],
  ['receivedAt', 'received_at', 'timestamptz'],
  ['channel', 'channel', 'text'],
  ['language', 'language', 'text'],
  ['callerUbigeo', 'caller_ubigeo', 'text'],
  ['department', 'department', 'text'],
  ['anonymous', 'anonymous', 'boolean'],
  ['topic', 'topic', 'text'],
  ['traffickingRelated', 'trafficking_related', 'boolean'],
  ['status', 'status', 'text'],
  ['outcome', 'outcome', 'text'],
  ['referrals', 'referrals', 'integer'],
  ['version', 'version', 'integer'],
  ['recordedBy', 'recorded_by', 'text'],
];

type CallListEvent = HotlineCallEvent | ReferralSent;

/** Keeps hotline_call_list: one row per call, folded from its events and the referrals made from it. */
export const hotlineCallListProjection: Projection<CallListEvent> = {
  name: HOTLINE_CALL_LIST_PROJECTION,
  tables: ['hotline_call_list'],
  handles: [...HOTLINE_CALL_EVENT_TYPES, 'ReferralSent'],
  async applyBatch(db: Queryable, batch: readonly Recorded<CallListEvent>[]): Promise<void> {
    // Referrals count only on the call they were made from; those from a case leave the list alone.
    const events = batch.filter((e) => callOf(e) !== null);
    if (events.length === 0) return;
    const ids = [...new Set(events.map((e) => callOf(e)!))];
    const rows = await load(db, ids);
    const changed = new Set<string>();
    for (const event of events) if (evolveRow(rows, event)) changed.add(callOf(event)!);
    const upserts = [...changed].map((id) => rows.get(id)!).filter(Boolean);
    if (upserts.length === 0) return;
    await db.query(
      `INSERT INTO hotline_call_list (${COLUMNS.map(([, c]) => c).join(', ')})
       SELECT * FROM unnest(${COLUMNS.map(([, , type], i) => `$${i + 1}::${type}[]`).join(', ')})
       ON CONFLICT (call_id) DO UPDATE SET ${COLUMNS.slice(1)
         .map(([, c]) => `${c} = excluded.${c}`)
         .join(', ')}`,
      COLUMNS.map(([key]) => upserts.map((row) => row[key])),
    );
  },
};

/** The call an event belongs to: its own, or for a referral the call it was made from (null if from elsewhere). */
const callOf = (event: Recorded<CallListEvent>): string | null => {
  if (event.type !== 'ReferralSent') return event.data.callId;
  const { source } = event.data;
  return source?.kind === 'hotline_call' && typeof source.id === 'string' ? source.id : null;
};

/** Total: events for calls never received, or that no longer apply, change nothing. Returns whether the row changed. */
function evolveRow(rows: Map<string, CallListRow>, event: Recorded<CallListEvent>): boolean {
  if (event.type === 'ReferralSent') {
    const row = rows.get(callOf(event)!);
    if (row) row.referrals += 1;
    return row !== undefined;
  }
  const callId = event.data.callId;
  const row = rows.get(callId);
  if (event.type === 'HotlineCallReceived') {
    if (row) return false;
    const d = event.data;
    const actor = typeof event.metadata.actor === 'string' ? event.metadata.actor : null;
    rows.set(callId, {
      callId,
      receivedAt: d.receivedAt,
      channel: d.channel,
      language: d.language,
      callerUbigeo: typeof d.callerUbigeo === 'string' ? d.callerUbigeo : null,
      department: departmentOfUbigeo(d.callerUbigeo),
      anonymous: d.anonymous === true,
      topic: d.topic,
      traffickingRelated: isTraffickingRelated(d.topic),
      status: 'open',
      outcome: null,
      referrals: 0,
      version: event.streamPosition,
      recordedBy: actor === null ? null : actor.slice(actor.indexOf(':') + 1),
    });
    return true;
  }
  if (!row) return false;
  row.version = event.streamPosition;
  if (event.type === 'HotlineCallClassified')
    Object.assign(row, { topic: event.data.topic, traffickingRelated: isTraffickingRelated(event.data.topic) });
  if (event.type === 'HotlineCallClosed') Object.assign(row, { status: 'closed', outcome: event.data.outcome });
  if (event.type === 'HotlineCallCorrected') {
    const changes = event.data.changes ?? {};
    for (const field of ['receivedAt', 'channel', 'language'] as const) {
      const value = changes[field];
      if (typeof value === 'string') row[field] = value;
    }
    if (typeof changes.anonymous === 'boolean') row.anonymous = changes.anonymous;
    if ('callerUbigeo' in changes) {
      row.callerUbigeo = typeof changes.callerUbigeo === 'string' ? changes.callerUbigeo : null;
      row.department = departmentOfUbigeo(changes.callerUbigeo);
    }
  }
  return true;
}

async function load(db: Queryable, ids: string[]): Promise<Map<string, CallListRow>> {
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT ${COLUMNS.map(([, c]) => c).join(', ')} FROM hotline_call_list WHERE call_id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(
    rows.map((r) => {
      const row = Object.fromEntries(COLUMNS.map(([key, column]) => [key, r[column]])) as unknown as CallListRow;
      row.receivedAt = (r.received_at as Date).toISOString();
      return [row.callId, row];
    }),
  );
}
