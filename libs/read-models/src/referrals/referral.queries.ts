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
}

/**
 * Referrals nobody has acted on (sent, neither accepted, rejected nor revoked), oldest first: the list that keeps
 * referrals from disappearing. `now` comes from the caller so the answer is reproducible.
 */
export async function queryPendingReferrals(
  dataSource: DataSource,
  params: {
    now: string;
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
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    const rows: Array<{
      referral_id: string;
      source_kind: string;
      source_id: string;
      destination: string;
      department: string;
      referred_at: Date;
    }> = await manager.query(
      `SELECT referral_id, source_kind, source_id, destination, department, referred_at
           FROM referral_facts
          WHERE status = 'sent' AND referred_at <= $1::timestamptz - make_interval(hours => $2)
            AND ($3::text IS NULL OR destination = $3) AND ($4::text IS NULL OR department = $4)
            AND ($6::text[] IS NULL OR department = ANY($6::text[])) AND ($7::text[] IS NULL OR destination = ANY($7::text[]))
            AND ($8::text[] IS NULL OR source_kind = ANY($8::text[]))
          ORDER BY referred_at, referral_id
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
