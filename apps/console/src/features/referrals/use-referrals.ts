import { useMutation, useQuery } from '@tanstack/react-query';
import { api, withHeaders } from '../../api/client.js';
import { unwrap } from '../../api/errors.js';
import { limaNow } from '../../shared/format.js';
import { rememberPosition } from '../../shared/read-your-writes.js';
import type { QueueFilters, ReferralAnswer, ReferralDetail } from './types.js';

/** Refreshed by itself: a referral sent a moment ago appears without anyone reloading. */
const REFRESH_MS = 15_000;

/**
 * The pending queue, oldest first: the API lists only the referrals addressed to the caller's institution, within
 * its departments. `position` is the last write of this tab: after an acceptance the queue is asked with it, so the
 * referral just handled is already gone.
 */
export function usePendingReferrals(filters: QueueFilters, position: number | undefined, status: 'pending' | 'accepted' = 'pending') {
  const query = {
    status,
    to: filters.destination ?? undefined,
    department: filters.department ?? undefined,
    olderThanHours: filters.olderThanHours ? Number(filters.olderThanHours) : undefined,
    limit: 200,
    minPosition: position,
  };
  return useQuery({
    queryKey: ['referrals', status, filters, position ?? 0],
    queryFn: () => unwrap(api.GET('/api/v1/referrals', { params: { query } })),
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
    queryFn: () => unwrap(api.GET('/api/v1/referrals/{referralId}', { params: { path: { referralId: referralId! } } })),
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
      const answer = await unwrap(
        api.POST('/api/v1/referrals/{referralId}/accept', {
          params: { path: { referralId: input.referral.referralId } },
          body,
          ...headers(input),
        }),
      );
      rememberPosition(answer);
      return answer;
    },
    onSuccess: (answer, input) => onDone(answer, input.linkedCaseId),
  });
}

export function useRejectReferral(onDone: (answer: ReferralAnswer) => void) {
  return useMutation({
    mutationFn: async (input: Transition & { reason: string }) => {
      const answer = await unwrap(
        api.POST('/api/v1/referrals/{referralId}/reject', {
          params: { path: { referralId: input.referral.referralId } },
          body: { rejectedAt: limaNow(), reason: input.reason },
          ...headers(input),
        }),
      );
      rememberPosition(answer);
      return answer;
    },
    onSuccess: (answer) => onDone(answer),
  });
}
