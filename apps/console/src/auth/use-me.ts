import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.js';
import { unwrap } from '../api/errors.js';

export interface Me {
  subject: string;
  role: string;
  departments: string[];
  expiresAt: string;
  /** Endpoints of the API's policy table this role may call, e.g. "POST /api/v1/hotline-calls". */
  allowed: string[];
}

/** Who the token says the user is: role, departments, expiry and what the role may do. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: () => unwrap(api.GET('/api/v1/me' as never, {} as never)) as Promise<Me>,
    staleTime: 60_000,
  });
}

export function can(me: Me | undefined, endpoint: string): boolean {
  return !!me?.allowed.includes(endpoint);
}
