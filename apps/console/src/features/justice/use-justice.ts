import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { unwrap } from '../../api/errors.js';
import type { paths } from '../../api/schema.js';
import { minPosition } from '../../shared/read-your-writes.js';

export const prosecutionKey = (id: string) => ['prosecution', id] as const;
export const trialKey = (id: string) => ['trial', id] as const;

type CaseStatus = NonNullable<NonNullable<paths['/api/v1/cases']['get']['parameters']['query']>['status']>;

export function useProsecution(id: string | null | undefined) {
  return useQuery({
    queryKey: prosecutionKey(id ?? ''),
    enabled: !!id,
    queryFn: () => unwrap(api.GET('/api/v1/prosecutions/{prosecutionId}', { params: { path: { prosecutionId: id! } } })),
  });
}

export function useTrial(id: string) {
  return useQuery({
    queryKey: trialKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/trials/{trialId}', { params: { path: { trialId: id } } })),
  });
}

/** One page of the case list; `minPosition` so a case just sent to the prosecutor is already listed. */
export function useCaseList(status: CaseStatus, cursor: string | null) {
  const position = minPosition();
  return useQuery({
    queryKey: ['justice-cases', status, cursor, position],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cases', {
          params: { query: { status, limit: 50, ...(cursor ? { cursor } : {}), ...(position ? { minPosition: position } : {}) } },
        }),
      ),
  });
}
