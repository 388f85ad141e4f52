import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, limaDayRange } from '../shared/list-cursor.js';

/** A row of GET /hotline-calls: codes, place and counts; never the summary nor who recorded it. */
export interface HotlineCallListItem {
  callId: string;
  receivedAt: string;
  channel: string;
  language: string;
  callerUbigeo: string | null;
  anonymous: boolean;
  topic: string;
  traffickingRelated: boolean;
  status: 'open' | 'closed';
  outcome: string | null;
  referrals: number;
  version: number;
}

export interface HotlineCallListQuery {
  /** Days of receipt in Lima, YYYY-MM-DD, both included. */
  from?: string;
  to?: string;
  topic?: string;
  status?: 'open' | 'closed';
  /** Only calls recorded by this token subject. */
  recordedBy?: string;
  /** A regional reader's departments; absent: every department (calls without a place included). */
  scope?: readonly string[];
  limit: number;
  cursor?: string;
}

/** Newest first by receivedAt (then callId), one page; `nextCursor` is null on the last page. */
export async function queryHotlineCallList(
  dataSource: DataSource,
  query: HotlineCallListQuery,
): Promise<{ items: HotlineCallListItem[]; nextCursor: string | null }> {
  const { start, end } = limaDayRange(query.from, query.to);
  const after = decodeCursor(query.cursor);
  const rows: Array<Record<string, unknown> & { received_at: Date; call_id: string }> = await dataSource.query(
    `SELECT call_id, received_at, channel, language, caller_ubigeo, anonymous, topic, trafficking_related, status, outcome, referrals, version
       FROM hotline_call_list
      WHERE ($1::timestamptz IS NULL OR received_at >= $1) AND ($2::timestamptz IS NULL OR received_at < $2)
        AND ($3::text IS NULL OR topic = $3) AND ($4::text IS NULL OR status = $4) AND ($5::text IS NULL OR recorded_by = $5)
        AND ($6::text[] IS NULL OR department = ANY($6::text[]))
        AND ($7::timestamptz IS NULL OR (received_at, call_id) < ($7::timestamptz, $8::uuid))
      ORDER BY received_at DESC, call_id DESC
      LIMIT $9`,
    [
      start,
      end,
      query.topic ?? null,
      query.status ?? null,
      query.recordedBy ?? null,
      query.scope ?? null,
      after?.at ?? null,
      after?.id ?? null,
      query.limit + 1,
    ],
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      callId: r.call_id,
      receivedAt: r.received_at.toISOString(),
      channel: String(r.channel),
      language: String(r.language),
      callerUbigeo: (r.caller_ubigeo as string | null) ?? null,
      anonymous: Boolean(r.anonymous),
      topic: String(r.topic),
      traffickingRelated: Boolean(r.trafficking_related),
      status: r.status as 'open' | 'closed',
      outcome: (r.outcome as string | null) ?? null,
      referrals: Number(r.referrals),
      version: Number(r.version),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.received_at.toISOString(), id: last.call_id }) : null,
  };
}
