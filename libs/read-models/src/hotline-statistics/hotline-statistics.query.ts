import type { DataSource } from 'typeorm';
import { HotlineCallCount } from './hotline-call-count.entity.js';
import { HOTLINE_STATISTICS_PROJECTION } from './hotline-statistics.projection.js';
import { readProjectionPosition, type ReportPosition } from '../shared/report-position.js';
import { monthsBetween, type HotlineCounts, type HotlineGrouping } from '../shared/operational-statistics.js';

export interface HotlineStatistics {
  from: string;
  to: string;
  by: HotlineGrouping;
  timeZone: 'America/Lima';
  asOf: ReportPosition;
  groups: Array<{ key: string } & HotlineCounts>;
  total: HotlineCounts;
}

/**
 * Counts calls by month of receipt (America/Lima) or by the caller's department. Every month of the range is
 * listed, zero or not, and so is every department passed in `departments`, plus 'unknown': a missing row must
 * never be mistaken for a zero someone forgot. Counts and position are read in one snapshot.
 */
export async function queryHotlineStatistics(
  dataSource: DataSource,
  params: {
    from: string;
    to: string;
    by: HotlineGrouping;
    departments: readonly string[];
    /** A regional reader's departments: only their calls are counted. Absent: every call. */
    scope?: readonly string[];
  },
): Promise<HotlineStatistics> {
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    const column = params.by === 'month' ? 'count.receivedMonth' : 'count.department';
    const rows = await manager
      .getRepository(HotlineCallCount)
      .createQueryBuilder('count')
      .select(column, 'key')
      .addSelect('sum(count.received)::int', 'received')
      .addSelect('sum(count.traffickingRelated)::int', 'traffickingRelated')
      .addSelect('sum(count.closed)::int', 'closed')
      .where('count.receivedMonth BETWEEN :from AND :to', { from: params.from, to: params.to })
      .andWhere(params.scope ? 'count.department IN (:...scope)' : 'TRUE', params.scope ? { scope: params.scope } : {})
      .groupBy(column)
      .getRawMany<{ key: string } & HotlineCounts>();
    const asOf = await readProjectionPosition(manager, HOTLINE_STATISTICS_PROJECTION);
    const keys =
      params.by === 'month' ? monthsBetween(params.from, params.to) : params.scope ? [...params.scope] : [...params.departments, 'unknown'];
    const found = new Map(rows.map((r) => [r.key.trim(), r]));
    const extra = rows.map((r) => r.key.trim()).filter((k) => !keys.includes(k));
    const groups = [...keys, ...extra].map((key) => {
      const row = found.get(key);
      return { key, received: row?.received ?? 0, traffickingRelated: row?.traffickingRelated ?? 0, closed: row?.closed ?? 0 };
    });
    const total = groups.reduce(
      (t, g) => ({
        received: t.received + g.received,
        traffickingRelated: t.traffickingRelated + g.traffickingRelated,
        closed: t.closed + g.closed,
      }),
      { received: 0, traffickingRelated: 0, closed: 0 },
    );
    return { from: params.from, to: params.to, by: params.by, timeZone: 'America/Lima', asOf, groups, total };
  });
}
