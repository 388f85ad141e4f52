/**
 * Issue 14: referrals with recorded deadlines around Lima month ends, for the referral deadlines table. Each is
 * sent within a few hours of a Lima month's end with a deadline of 30 min to 3 days (or none: the destination's
 * default), then answered exactly at the deadline, a minute before or after it, hours later, in the next month,
 * never, or revoked before the deadline or after it. Its own random stream: the main dataset's draws are unchanged.
 */
import type { NewEvent } from '#event-store';
import { seededRandom } from './random.js';

type Stream = { streamId: string; events: NewEvent[] };

const DESTINATIONS = ['PNP', 'MINISTERIO_PUBLICO', 'MIMP', 'DEMUNA', 'SHELTER', 'OTHER'];
const DEADLINES = [30, 60, 24 * 60, 72 * 60, undefined];
const DEFAULT_MINUTES: Record<string, number> = { PNP: 1440, MINISTERIO_PUBLICO: 1440 };
const MINUTE = 60_000;

/** What happens after the sending, relative to the deadline (minutes), or to the next Lima month's start. */
const OUTCOMES = [
  'exactly_at_deadline',
  'minute_before',
  'minute_after',
  'hours_late',
  'next_month',
  'rejected_late',
  'never',
  'revoked_before',
  'revoked_after',
] as const;

export function deadlineDataset(options: {
  seed: number;
  years: readonly number[];
  departments: readonly string[];
  referrals: number;
}): Stream[][] {
  const rng = seededRandom(options.seed ^ 0x5eed14);
  const event = (type: string, data: Record<string, unknown>): NewEvent => ({
    eventId: rng.uuid(),
    type,
    data,
    metadata: { actor: 'test' },
  });
  const iso = (ms: number) => new Date(ms).toISOString();
  const groups: Stream[][] = [];
  for (let i = 0; i < options.referrals; i++) {
    const referralId = rng.uuid();
    const to = rng.pick(DESTINATIONS);
    const deadlineMinutes = rng.pick(DEADLINES);
    // Lima midnight at the start of a month is 05:00 UTC; sent up to 3 days before it or 6 hours after.
    const monthStart = Date.UTC(rng.pick(options.years), rng.int(0, 11), 1, 5);
    const referredAt = monthStart - rng.int(-6 * 60, 3 * 24 * 60) * MINUTE - rng.int(0, 59) * 1000;
    const deadlineAt = referredAt + (deadlineMinutes ?? DEFAULT_MINUTES[to] ?? 72 * 60) * MINUTE;
    const events = [
      event('ReferralSent', {
        referralId,
        source: { kind: rng.pick(['hotline_call', 'case', 'victim']), id: rng.uuid() },
        to,
        unitName: null,
        ubigeo: rng.chance(0.85) ? `${rng.pick(options.departments)}01` : null,
        referredAt: iso(referredAt),
        ...(deadlineMinutes === undefined ? {} : { deadlineMinutes }),
      }),
    ];
    const outcome = rng.pick(OUTCOMES);
    const nextMonth = Date.UTC(
      new Date(deadlineAt - 5 * 3_600_000).getUTCFullYear(),
      new Date(deadlineAt - 5 * 3_600_000).getUTCMonth() + 1,
      1,
      5,
    );
    const at = {
      exactly_at_deadline: deadlineAt,
      minute_before: deadlineAt - MINUTE,
      minute_after: deadlineAt + MINUTE,
      hours_late: deadlineAt + rng.int(1, 48) * 60 * MINUTE,
      next_month: nextMonth + rng.int(0, 90) * MINUTE,
      rejected_late: deadlineAt + rng.int(1, 600) * MINUTE,
      never: null,
      revoked_before: Math.max(referredAt, deadlineAt - rng.int(1, 20) * MINUTE),
      revoked_after: deadlineAt + rng.int(1, 72 * 60) * MINUTE,
    }[outcome];
    if (at !== null) {
      if (outcome === 'revoked_before' || outcome === 'revoked_after')
        events.push(event('ReferralRevoked', { referralId, revokedAt: iso(at), reason: 'error' }));
      else if (outcome === 'rejected_late')
        events.push(event('ReferralRejected', { referralId, rejectedAt: iso(at), reason: 'fuera de competencia' }));
      else {
        events.push(event('ReferralAccepted', { referralId, acceptedAt: iso(at), linkedCaseId: null }));
        if (rng.chance(0.3))
          events.push(event('ReferralCompleted', { referralId, completedAt: iso(at + 3_600_000), successful: true, reason: null }));
      }
    }
    groups.push([{ streamId: `referral-${referralId}`, events }]);
  }
  return groups;
}
