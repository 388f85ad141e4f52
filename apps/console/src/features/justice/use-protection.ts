import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { unwrap } from '../../api/errors.js';
import type { paths } from '../../api/schema.js';

/** GET /prosecutions/{id}/protection: measures, Gesell interviews and the case's victims as codes (audited read). */
export type Protection = paths['/api/v1/prosecutions/{prosecutionId}/protection']['get']['responses'][200]['content']['application/json'];
export type ProtectionMeasureCode = Protection['measures'][number]['measure'];

export const protectionKey = (id: string) => ['protection', id] as const;

export function useProtection(prosecutionId: string) {
  return useQuery({
    queryKey: protectionKey(prosecutionId),
    queryFn: () => unwrap(api.GET('/api/v1/prosecutions/{prosecutionId}/protection', { params: { path: { prosecutionId } } })),
  });
}
