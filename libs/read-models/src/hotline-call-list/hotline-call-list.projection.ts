import type { Projection, Queryable, RecordedEvent } from '../../../event-store/src/index.js';
import { departmentOfUbigeo } from '../../../domain/src/index.js';

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
  ['callId', 'call_id', 'uuid'], ['receivedAt', 'received_at', 'timestamptz'], ['channel', 'channel', 'text'], ['language', 'language', 'text'],
  ['callerUbigeo', 'caller_ubigeo', 'text'], ['department', 'department', 'text'], ['anonymous', 'anonymous', 'boolean'],
  ['topic', 'topic', 'text'], ['traffickingRelated', 'trafficking_related', 'boolean'], ['status', 'status', 'text'],
  ['outcome', 'outcome', 'text'], ['referrals', 'referrals', 'integer'], ['version', 'version', 'integer'], ['recordedBy', 'recorded_by', 'text'],
];

/** Keeps hotline_call_list: one row per call, folded from its events and the referrals made from it. */
export const hotlineCallListProjection: Projection = {
  name: HOTLINE_CALL_LIST_PROJECTION,
  tables: ['hotline_call_list'],
  async applyBatch(db: Queryable, batch: readonly RecordedEvent[]): Promise<void> {
    const events = batch.filter((e) => e.type.startsWith('HotlineCall') || (e.type === 'ReferralSent' && sourceCall(e) !== null));
    if (events.length === 0) return;
    const ids = [...new Set(events.map((e) => (e.type === 'ReferralSent' ? sourceCall(e)! : String(e.data.callId))))];
    const rows = await load(db, ids);
    const changed = new Set<string>();
    for (const event of events) if (evolveRow(rows, event)) changed.add(event.type === 'ReferralSent' ? sourceCall(event)! : String(event.data.callId));
    const upserts = [...changed].map((id) => rows.get(id)!).filter(Boolean);
    if (upserts.length === 0) return;
    await db.query(
      `INSERT INTO hotline_call_list (${COLUMNS.map(([, c]) => c).join(', ')})
       SELECT * FROM unnest(${COLUMNS.map(([, , type], i) => `$${i + 1}::${type}[]`).join(', ')})
       ON CONFLICT (call_id) DO UPDATE SET ${COLUMNS.slice(1).map(([, c]) => `${c} = excluded.${c}`).join(', ')}`,
      COLUMNS.map(([key]) => upserts.map((row) => row[key])),
    );
  },
};

const sourceCall = (event: RecordedEvent): string | null => {
  const source = event.data.source as { kind?: unknown; id?: unknown } | undefined;
  return source?.kind === 'hotline_call' && typeof source.id === 'string' ? source.id : null;
};

/** Total: events for calls never received, or that no longer apply, change nothing. Returns whether the row changed. */
function evolveRow(rows: Map<string, CallListRow>, event: RecordedEvent): boolean {
  const d = event.data;
  if (event.type === 'ReferralSent') {
    const row = rows.get(sourceCall(event)!);
    if (row) row.referrals += 1;
    return row !== undefined;
  }
  const callId = String(d.callId);
  const row = rows.get(callId);
  if (event.type === 'HotlineCallReceived') {
    if (row) return false;
    const actor = typeof event.metadata.actor === 'string' ? event.metadata.actor : null;
    rows.set(callId, {
      callId, receivedAt: String(d.receivedAt), channel: String(d.channel), language: String(d.language),
      callerUbigeo: typeof d.callerUbigeo === 'string' ? d.callerUbigeo : null, department: departmentOfUbigeo(d.callerUbigeo),
      anonymous: d.anonymous === true, topic: String(d.topic), traffickingRelated: d.topic === 'trafficking', status: 'open', outcome: null,
      referrals: 0, version: event.streamPosition, recordedBy: actor === null ? null : actor.slice(actor.indexOf(':') + 1),
    });
    return true;
  }
  if (!row) return false;
  row.version = event.streamPosition;
  if (event.type === 'HotlineCallClassified') Object.assign(row, { topic: String(d.topic), traffickingRelated: d.topic === 'trafficking' });
  if (event.type === 'HotlineCallClosed') Object.assign(row, { status: 'closed', outcome: String(d.outcome) });
  if (event.type === 'HotlineCallCorrected') {
    const changes = (d.changes ?? {}) as Record<string, unknown>;
    for (const field of ['receivedAt', 'channel', 'language'] as const) if (typeof changes[field] === 'string') row[field] = changes[field] as string;
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
    `SELECT ${COLUMNS.map(([, c]) => c).join(', ')} FROM hotline_call_list WHERE call_id = ANY($1::uuid[])`, [ids]);
  return new Map(rows.map((r) => {
    const row = Object.fromEntries(COLUMNS.map(([key, column]) => [key, r[column]])) as unknown as CallListRow;
    row.receivedAt = (r.received_at as Date).toISOString();
    return [row.callId, row];
  }));
}
