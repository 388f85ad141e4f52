import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';
import { unwrap } from '../api/errors.js';
import type { paths } from '../api/schema.js';

/** Who the token says the user is: role, departments, expiry, what the role may call and which personal data it may read. */
export type Me = paths['/api/v1/me']['get']['responses'][200]['content']['application/json'];

const meQuery = {
  queryKey: ['me'],
  queryFn: () => unwrap(api.GET('/api/v1/me')),
  staleTime: 60_000,
};

export function useMe() {
  return useQuery(meQuery);
}

/** Right after sign-in, into the cache: the first screen is chosen from it without another round trip. */
export function fetchMe(client: QueryClient): Promise<Me> {
  return client.fetchQuery(meQuery);
}

export function can(me: Me | undefined, endpoint: string): boolean {
  return !!me?.allowed.includes(endpoint);
}
