import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { unwrap } from '../../api/errors.js';

export const assistanceKey = (caseId: string, victimId: string) => ['victim-assistance', caseId, victimId] as const;

/** Her assistance history without personal fields (notes and shelter come only with a stated purpose, kept in the page). */
export function useAssistance(caseId: string, victimId: string) {
  return useQuery({
    queryKey: assistanceKey(caseId, victimId),
    enabled: !!caseId && !!victimId,
    queryFn: () => unwrap(api.GET('/api/v1/cases/{caseId}/victims/{victimId}/assistance', { params: { path: { caseId, victimId } } })),
  });
}
