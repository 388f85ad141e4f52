import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { unwrap } from '../../api/errors.js';
import { minPosition } from '../../shared/read-your-writes.js';
import type { CaseList, Prosecution, Trial } from './types.js';

export const prosecutionKey = (id: string) => ['prosecution', id] as const;
export const trialKey = (id: string) => ['trial', id] as const;

export function useProsecution(id: string) {
  return useQuery({
    queryKey: prosecutionKey(id),
    queryFn: async () => (await unwrap(api.GET('/api/v1/prosecutions/{prosecutionId}', { params: { path: { prosecutionId: id } } }))) as unknown as Prosecution,
  });
}

export function useTrial(id: string) {
  return useQuery({
    queryKey: trialKey(id),
    queryFn: async () => (await unwrap(api.GET('/api/v1/trials/{trialId}', { params: { path: { trialId: id } } }))) as unknown as Trial,
  });
}

/** One page of the case list; `minPosition` so a case just sent to the prosecutor is already listed. */
export function useCaseList(status: string, cursor: string | null) {
  const position = minPosition();
  return useQuery({
    queryKey: ['justice-cases', status, cursor, position],
    queryFn: async () => {
      const query = { status, limit: 50, ...(cursor ? { cursor } : {}), ...(position ? { minPosition: position } : {}) };
      // until schema.d.ts has GET /cases (the API engineer is adding it): cast narrowly.
      return (await unwrap(api.GET('/api/v1/cases' as never, { params: { query } } as never))) as unknown as CaseList;
    },
  });
}
