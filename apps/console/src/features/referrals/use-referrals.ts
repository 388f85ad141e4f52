import { useMutation, useQuery } from '@tanstack/react-query';
import { api, withHeaders } from '../../api/client.js';
import { unwrap } from '../../api/errors.js';
import { limaNow } from '../../shared/format.js';
import { rememberPosition } from '../../shared/read-your-writes.js';
import type { PendingReferralsAnswer, QueueFilters, ReferralAnswer, ReferralDetail } from './types.js';

/** Refreshed by itself: a referral sent a moment ago appears without anyone reloading. */
const REFRESH_MS = 15_000;

/**
 * The pending queue, oldest first, of the user's departments (the API scopes it). `position` is the last write of
 * this tab: after an acceptance the queue is asked with it, so the referral just handled is already gone.
 */
export function usePendingReferrals(filters: QueueFilters, position: number | undefined) {
  const query = {
    status: 'pending' as const,
    to: (filters.destination ?? undefined) as 'PNP' | undefined,
    department: filters.department ?? undefined,
    olderThanHours: filters.olderThanHours ? Number(filters.olderThanHours) : undefined,
    limit: 200,
    minPosition: position,
  };
  return useQuery({
    queryKey: ['referrals', 'pending', filters, position ?? 0],
    // until schema.d.ts has minPosition and the response: the query is the DTO's, the answer types.ts's
    queryFn: () => unwrap(api.GET('/api/v1/referrals', { params: { query: query as never } })) as unknown as Promise<PendingReferralsAnswer>,
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: true,
    placeholderData: (previous) => previous,
  });
}

/** The referral itself (where it was sent, its place and unit), to pre-fill the case registered from it. */
export function useReferral(referralId: string | null) {
  return useQuery({
    queryKey: ['referral', referralId],
    enabled: referralId !== null,
    queryFn: () => unwrap(api.GET('/api/v1/referrals/{referralId}', { params: { path: { referralId: referralId! } } })) as unknown as Promise<ReferralDetail>,
  });
}

interface Transition {
  referral: ReferralDetail;
  /** One per intended action, kept while the form is open: a retry after a lost answer is the same command. */
  idempotencyKey: string;
}

const headers = ({ referral, idempotencyKey }: Transition) =>
  withHeaders({ 'Idempotency-Key': idempotencyKey, 'If-Match': `"${referral.version}"` });

export function useAcceptReferral(onDone: (answer: ReferralAnswer, linkedCaseId: string | null) => void) {
  return useMutation({
    mutationFn: async (input: Transition & { linkedCaseId: string | null }) => {
      const body = { acceptedAt: limaNow(), ...(input.linkedCaseId ? { linkedCaseId: input.linkedCaseId } : {}) };
      const answer = await unwrap(api.POST('/api/v1/referrals/{referralId}/accept', {
        params: { path: { referralId: input.referral.referralId } }, body: body as never, ...headers(input),
      })) as unknown as ReferralAnswer;
      rememberPosition(answer);
      return answer;
    },
    onSuccess: (answer, input) => onDone(answer, input.linkedCaseId),
  });
}

export function useRejectReferral(onDone: (answer: ReferralAnswer) => void) {
  return useMutation({
    mutationFn: async (input: Transition & { reason: string }) => {
      const answer = await unwrap(api.POST('/api/v1/referrals/{referralId}/reject', {
        params: { path: { referralId: input.referral.referralId } }, body: { rejectedAt: limaNow(), reason: input.reason }, ...headers(input),
      })) as unknown as ReferralAnswer;
      rememberPosition(answer);
      return answer;
    },
    onSuccess: (answer) => onDone(answer),
  });
}
