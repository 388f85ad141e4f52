import type { DataSource } from 'typeorm';
import { readProjectionPosition, type ReportPosition } from '../shared/report-position.js';
import type { ReferralCounts, ReferralGrouping } from '../shared/operational-statistics.js';
import { REFERRAL_FACTS_PROJECTION } from './referral-facts.projection.js';

export interface PendingReferral {
  referralId: string;
  sourceKind: string;
  sourceId: string;
  destination: string;
  department: string;
  referredAt: string;
  hoursWaiting: number;
  /** referredAt plus the deadline recorded on the referral (the destination's default for older ones): later is late. */
  deadlineAt: string;
  /** Still unanswered (sent) and `now` is past deadlineAt; an accepted referral is answered, so never overdue. */
  overdue: boolean;
  /** When it was accepted (the accepted queue); null while sent. */
  acceptedAt: string | null;
  /** Accepted after deadlineAt (an answer exactly at the deadline is on time); null while sent. */
  answeredLate: boolean | null;
}

/** Which queue: `pending` (sent, nobody has acted on it) or `accepted` (accepted, never completed nor revoked). */
export type ReferralQueue = 'pending' | 'accepted';

/**
 * A referral queue with each referral's deadline. `pending`: referrals nobody has acted on (sent, neither accepted,
 * rejected nor revoked), overdue first, then by deadline (the most overdue first), so none disappears. `accepted`:
 * referrals accepted and never completed, oldest acceptance first. Deadlines are durations from the sending instant
 * (Peru keeps UTC−5 all year, so a deadline crosses a Lima midnight or month end like any other instant); `now`
 * comes from the caller so the answer is reproducible, and a referral is overdue only strictly after its deadline.
 */
export async function queryPendingReferrals(
  dataSource: DataSource,
  params: {
    now: string;
    /** Default `pending`. */
    queue?: ReferralQueue;
    /** Only those sent (pending) or accepted (accepted) more than this many hours before `now`. */
    olderThanHours: number;
    destination?: string;
    department?: string;
    limit: number;
    /** The destinations a receiving institution answers (police: PNP…): nothing addressed elsewhere is listed. Absent: all. */
    destinations?: readonly string[];
    /** A regional reader's departments: nothing outside them is listed. Absent: every department. */
    scope?: readonly string[];
    /** Only referrals from these kinds of source (operators: the hotline's calls). Absent: all. */
    sourceKinds?: readonly string[];
  },
): Promise<{ asOf: ReportPosition; referrals: PendingReferral[] }> {
  const accepted = params.queue === 'accepted';
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    const rows: Array<{
      referral_id: string;
      source_kind: string;
      source_id: string;
      destination: string;
      department: string;
      referred_at: Date;
      accepted_at: Date | null;
      deadline_at: Date;
      overdue: boolean;
      answered_late: boolean | null;
    }> = await manager.query(
      `WITH queue AS (
         SELECT f.referral_id, f.source_kind, f.source_id, f.destination, f.department, f.referred_at, f.accepted_at, f.deadline_at
           FROM referral_facts f
          WHERE f.status = $9 AND (CASE WHEN $9 = 'accepted' THEN f.accepted_at ELSE f.referred_at END)
                  <= $1::timestamptz - make_interval(hours => $2)
            AND ($3::text IS NULL OR f.destination = $3) AND ($4::text IS NULL OR f.department = $4)
            AND ($6::text[] IS NULL OR f.department = ANY($6::text[])) AND ($7::text[] IS NULL OR f.destination = ANY($7::text[]))
            AND ($8::text[] IS NULL OR f.source_kind = ANY($8::text[])))
       SELECT *, ($9 = 'sent' AND $1::timestamptz > deadline_at) AS overdue,
              CASE WHEN accepted_at IS NULL THEN NULL ELSE accepted_at > deadline_at END AS answered_late
         FROM queue
        ORDER BY ${accepted ? 'accepted_at, referral_id' : 'overdue DESC, deadline_at, referral_id'}
        LIMIT $5`,
      [
        params.now,
        params.olderThanHours,
        params.destination ?? null,
        params.department ?? null,
        params.limit,
        params.scope ?? null,
        params.destinations ?? null,
        params.sourceKinds ?? null,
        accepted ? 'accepted' : 'sent',
      ],
    );
    const asOf = await readProjectionPosition(manager, REFERRAL_FACTS_PROJECTION);
    const now = Date.parse(params.now);
    return {
      asOf,
      referrals: rows.map((r) => ({
        referralId: r.referral_id,
        sourceKind: r.source_kind,
        sourceId: r.source_id,
        destination: r.destination,
        department: r.department,
        referredAt: r.referred_at.toISOString(),
        hoursWaiting: Math.floor((now - r.referred_at.getTime()) / 3_600_000),
        deadlineAt: r.deadline_at.toISOString(),
        overdue: r.overdue,
        acceptedAt: r.accepted_at?.toISOString() ?? null,
        answeredLate: r.answered_late,
      })),
    };
  });
}

/**
 * Referrals sent in the period (month of sending, America/Lima) by destination or department, with their
 * current status and the speed of acceptance ("celeridad", PNAT activity A10).
 */
export async function queryReferralStatistics(
  dataSource: DataSource,
  params: { from: string; to: string; by: ReferralGrouping; scope?: readonly string[] },
): Promise<{ asOf: ReportPosition; groups: Array<{ key: string } & ReferralCounts>; total: ReferralCounts }> {
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    const column = params.by === 'destination' ? 'destination' : 'department';
    const select = `count(*)::int AS sent,
      count(*) FILTER (WHERE accepted_at IS NOT NULL)::int AS accepted,
      count(*) FILTER (WHERE status = 'rejected')::int AS rejected,
      count(*) FILTER (WHERE status = 'completed')::int AS completed,
      count(*) FILTER (WHERE status = 'revoked')::int AS revoked,
      count(*) FILTER (WHERE status = 'sent')::int AS pending,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY hours_to_accept) AS median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY hours_to_accept) AS p90`;
    // One pass for the groups and the total (GROUPING SETS); codes compare bytewise ("C"), no locale rules needed.
    const rows: Array<RawCounts & { total: boolean }> = await manager.query(
      `SELECT ${column} COLLATE "C" AS key, GROUPING(${column} COLLATE "C") = 1 AS total, ${select}
         FROM referral_facts WHERE referred_month COLLATE "C" BETWEEN $1 AND $2
          AND ($3::text[] IS NULL OR department = ANY($3::text[]))
        GROUP BY GROUPING SETS ((${column} COLLATE "C"), ()) ORDER BY 1`,
      [params.from, params.to, params.scope ?? null],
    );
    const asOf = await readProjectionPosition(manager, REFERRAL_FACTS_PROJECTION);
    const total = rows.find((r) => r.total) ?? {
      key: 'total',
      sent: 0,
      accepted: 0,
      rejected: 0,
      completed: 0,
      revoked: 0,
      pending: 0,
      median: null,
      p90: null,
    };
    return { asOf, groups: rows.filter((r) => !r.total).map((g) => ({ key: g.key, ...counts(g) })), total: counts(total) };
  });
}

interface RawCounts {
  key: string;
  sent: number;
  accepted: number;
  rejected: number;
  completed: number;
  revoked: number;
  pending: number;
  median: number | null;
  p90: number | null;
}

const hours = (value: number | null) => (value === null ? null : Math.round(Number(value) * 10) / 10);

function counts(row: RawCounts): ReferralCounts {
  return {
    sent: row.sent,
    accepted: row.accepted,
    rejected: row.rejected,
    completed: row.completed,
    revoked: row.revoked,
    pending: row.pending,
    medianHoursToAcceptance: hours(row.median),
    p90HoursToAcceptance: hours(row.p90),
  };
}

/** Referrals made from any of these sources (a case, its victims), in the order they were sent. */
export async function queryReferralsFromSources(dataSource: DataSource, sourceIds: readonly string[]): Promise<string[]> {
  const rows: Array<{ referral_id: string }> = await dataSource.query(
    'SELECT referral_id FROM referral_facts WHERE source_id = ANY($1::uuid[]) ORDER BY referred_at, referral_id',
    [sourceIds],
  );
  return rows.map((r) => r.referral_id);
}

/** Whether a hotline call was referred to one of these destinations and the referral was not revoked (need to know). */
export async function isCallReferredTo(dataSource: DataSource, callId: string, destinations: readonly string[]): Promise<boolean> {
  const rows: unknown[] = await dataSource.query(
    `SELECT 1 FROM referral_facts
      WHERE source_kind = 'hotline_call' AND source_id = $1 AND destination = ANY($2::text[]) AND status <> 'revoked' LIMIT 1`,
    [callId.toLowerCase(), destinations],
  );
  return rows.length > 0;
}
