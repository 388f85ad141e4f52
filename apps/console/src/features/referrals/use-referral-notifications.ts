import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import { unwrap } from '../../api/errors.js';
import { readSession } from '../../auth/session.js';
import { DESTINATIONS } from '../../i18n/codes.js';
import type { PendingReferral } from './types.js';

/** What the stream tells of a referral: the queue row's ids, codes and times (no personal field, no text). */
export type ReferralNotice = Pick<
  PendingReferral,
  'referralId' | 'destination' | 'department' | 'sourceKind' | 'referredAt' | 'deadlineAt'
> & {
  kind: 'new' | 'overdue';
};

const FIELDS = ['referralId', 'destination', 'department', 'sourceKind', 'referredAt', 'deadlineAt'] as const;
const SOURCE_KINDS: ReadonlyArray<ReferralNotice['sourceKind']> = ['hotline_call', 'case', 'victim'];
/** The value itself, typed, when it is one of the codes; else undefined (a newer API's code is not shown). */
const oneOf = <C extends string>(codes: readonly C[], value: unknown): C | undefined => codes.find((code) => code === value);
const RECONNECT_MS = 3_000;

function noticeOf(kind: string, data: string): ReferralNotice | null {
  if (kind !== 'new' && kind !== 'overdue') return null;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const fields = new Map(Object.entries(value));
  if (!FIELDS.every((field) => typeof fields.get(field) === 'string')) return null;
  const text = (field: (typeof FIELDS)[number]) => String(fields.get(field));
  const destination = oneOf(DESTINATIONS, fields.get('destination'));
  const sourceKind = oneOf(SOURCE_KINDS, fields.get('sourceKind'));
  if (!destination || !sourceKind) return null;
  return {
    kind,
    referralId: text('referralId'),
    destination,
    department: text('department'),
    sourceKind,
    referredAt: text('referredAt'),
    deadlineAt: text('deadlineAt'),
  };
}

/**
 * GET /api/v1/referrals/notifications read with fetch, so the token goes in the Authorization header and never in
 * a URL (EventSource cannot send headers). Reconnects after the stream ends (the token's expiry ends it; the
 * session then has a fresh one or is over). Returns the latest notice, until dismissed.
 */
export function useReferralNotifications(enabled: boolean) {
  const [latest, setLatest] = useState<ReferralNotice | null>(null);
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const connect = async () => {
      const session = readSession();
      if (!session || abort.signal.aborted) return;
      try {
        const response = await fetch('/api/v1/referrals/notifications', {
          headers: { Authorization: `Bearer ${session.token}`, Accept: 'text/event-stream' },
          signal: abort.signal,
        });
        if (!response.ok || !response.body) return; // 401/403: the session's own checks take over
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const lines = buffer.slice(0, cut).split('\n');
            buffer = buffer.slice(cut + 2);
            const field = (name: string) => lines.find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2) ?? '';
            const notice = noticeOf(field('event'), field('data'));
            if (notice) {
              setLatest(notice);
              void queryClient.invalidateQueries({ queryKey: ['referrals'] });
            }
          }
        }
      } catch {
        if (abort.signal.aborted) return;
      }
      if (!abort.signal.aborted) timer = setTimeout(() => void connect(), RECONNECT_MS);
    };
    void connect();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [enabled, queryClient]);
  return { latest, dismiss: () => setLatest(null) };
}

/** How many pending referrals are past their deadline: the menu's badge. Refreshed by the notifications too. */
export function useOverdueCount(enabled: boolean) {
  return useQuery({
    queryKey: ['referrals', 'overdue-count'],
    enabled,
    queryFn: async () => {
      const answer = await unwrap(api.GET('/api/v1/referrals', { params: { query: { status: 'pending', limit: 1000 } } }));
      return answer.referrals.filter((r) => r.overdue).length;
    },
    refetchInterval: 60_000,
  });
}
