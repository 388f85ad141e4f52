import type { DataSource } from 'typeorm';
import {
  monthsBetween,
  type HotlineCounts,
  type HotlineGrouping,
  type ReferralCounts,
  type ReferralGrouping,
} from '../shared/operational-statistics.js';
import { percentile, roundHours } from './report-tables.js';
import { readStatistics, type CellSet } from './statistics-cells.query.js';

/**
 * The hotline and referral statistics as they were when the log ended at a given position, read from the
 * statistics ledger. Same groups, same counts, same order as the current endpoints; only `asOf` differs: the
 * log position asked for.
 */
export async function hotlineStatisticsAsOf(
  dataSource: DataSource,
  params: { from: string; to: string; by: HotlineGrouping; departments: readonly string[]; asOf: number; scope?: readonly string[] },
) {
  const months = monthsBetween(params.from, params.to);
  const snapshot = await dataSource.transaction('REPEATABLE READ', (m) => readStatistics(m, { periods: months, asOf: params.asOf }));
  const { logPosition } = snapshot;
  const cells = snapshot.cells.within(params.scope ?? null);
  const dimension = params.by === 'month' ? 'period' : 'dept';
  const keys = params.by === 'month' ? months : params.scope ? [...params.scope] : [...params.departments, 'unknown'];
  const extra = cells.values('call.received', dimension).filter((key) => !keys.includes(key));
  const groups = [...keys, ...extra].map((key) => ({
    key,
    received: cells.sum('call.received', { [dimension]: key }),
    traffickingRelated: cells.sum('call.trafficking', { [dimension]: key }),
    closed: cells.sum('call.closed', { [dimension]: key }),
  }));
  const total: HotlineCounts = {
    received: cells.sum('call.received'),
    traffickingRelated: cells.sum('call.trafficking'),
    closed: cells.sum('call.closed'),
  };
  return { from: params.from, to: params.to, by: params.by, timeZone: 'America/Lima' as const, asOf: { logPosition }, groups, total };
}

export async function referralStatisticsAsOf(
  dataSource: DataSource,
  params: { from: string; to: string; by: ReferralGrouping; asOf: number; scope?: readonly string[] },
) {
  const months = monthsBetween(params.from, params.to);
  const snapshot = await dataSource.transaction('REPEATABLE READ', (m) => readStatistics(m, { periods: months, asOf: params.asOf }));
  const { logPosition } = snapshot;
  const cells = snapshot.cells.within(params.scope ?? null);
  const dimension = params.by === 'destination' ? 'd1' : 'dept';
  const keys = cells.values('referral.sent', dimension);
  return {
    asOf: { logPosition },
    groups: keys.map((key) => ({ key, ...referralCounts(cells, { [dimension]: key }) })),
    total: referralCounts(cells, {}),
  };
}

function referralCounts(cells: CellSet, filter: Record<string, string>): ReferralCounts {
  const status = (s: string) => cells.sum('referral.status', { ...filter, d3: s });
  const hours = cells.numbers('referral.hours', filter);
  return {
    sent: cells.sum('referral.sent', filter),
    accepted: hours.length,
    rejected: status('rejected'),
    completed: status('completed'),
    revoked: status('revoked'),
    pending: status('sent'),
    medianHoursToAcceptance: roundHours(percentile(hours, 0.5)),
    p90HoursToAcceptance: roundHours(percentile(hours, 0.9)),
  };
}
