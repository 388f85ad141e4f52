import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.js';
import { unwrap } from '../../../api/errors.js';
import type { paths } from '../../../api/schema.js';

export type NetworkView = paths['/api/v1/networks/{networkId}']['get']['responses'][200]['content']['application/json'];

export const networkKey = (networkId: string) => ['network', networkId] as const;

/** A network as its stream folds it (no projection lag). */
export function useNetwork(networkId: string) {
  return useQuery({
    queryKey: networkKey(networkId),
    queryFn: () => unwrap(api.GET('/api/v1/networks/{networkId}', { params: { path: { networkId } } })),
    retry: false,
  });
}
