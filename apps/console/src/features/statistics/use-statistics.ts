import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { unwrap } from '../../api/errors.js';
import { minPosition } from '../../shared/read-your-writes.js';
import type { Report } from './types.js';

export interface Filters {
  from: string;
  to: string;
  /** Two-digit UBIGEO department, or '' for all of Peru (or the token's only department). */
  department: string;
  /** Analysts: the release point (log position) to read at, or '' for the latest one. */
  asOf?: string;
}

/** The release points an analyst may read at (GET /statistics/release-points), newest first. */
export function useReleasePoints(enabled: boolean) {
  return useQuery({
    queryKey: ['statistics', 'release-points'],
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/statistics/release-points')),
    select: (data) => [...data.releasePoints].reverse(),
  });
}

const asOfOf = (asOf: string | undefined) => (asOf ? { asOf: Number(asOf) } : {});

/**
 * GET /statistics/hotline by month or by department for the period, of one department when one is chosen
 * (`department=DD`; the token's own departments otherwise).
 */
export function useHotline(filters: Filters, by: 'month' | 'department', enabled: boolean) {
  const position = minPosition();
  return useQuery({
    queryKey: ['statistics', 'hotline', by, filters.from, filters.to, filters.department, filters.asOf ?? '', position],
    enabled,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/statistics/hotline', {
          params: {
            query: {
              from: filters.from,
              to: filters.to,
              by,
              ...asOfOf(filters.asOf),
              ...(filters.department ? { department: filters.department } : {}),
              ...(position ? { minPosition: position } : {}),
            },
          },
        }),
      ),
  });
}

/** One monthly report per month of the period, fetched in parallel (the API has no multi-month report). */
export function useMonthlyReports(months: string[], department: string, enabled: boolean, asOf = '') {
  const position = minPosition();
  const queries = useQueries({
    queries: months.map((month) => ({
      queryKey: ['statistics', 'monthly', month, department, asOf, position],
      enabled,
      staleTime: 60_000,
      queryFn: () =>
        unwrap(
          api.GET('/api/v1/statistics/monthly', {
            params: {
              query: {
                year: Number(month.slice(0, 4)),
                month: Number(month.slice(5, 7)),
                ...asOfOf(asOf),
                ...(department ? { department } : {}),
                ...(position ? { minPosition: position } : {}),
              },
            },
          }),
        ) as Promise<Report>,
    })),
  });
  return {
    reports: queries.map((q) => q.data),
    isPending: enabled && queries.some((q) => q.isPending),
    error: queries.find((q) => q.error)?.error ?? null,
    refetch: () => queries.forEach((q) => void q.refetch()),
  };
}
