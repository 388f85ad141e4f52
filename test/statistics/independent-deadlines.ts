/**
 * The independent computation of the referral deadlines table (`referral_deadlines`), from raw events, sharing no
 * code with the projection: the documented default deadlines written out again, Lima month ends as UTC instants,
 * the percentile by its textbook definition.
 */
import type { RawEvent } from './independent-statistics.js';

/** The documented defaults (README): police and prosecutor 24 h, everyone else 72 h, for events without a deadline. */
const DEFAULT_HOURS: Record<string, number> = { PNP: 24, MINISTERIO_PUBLICO: 24 };
const HOUR = 3_600_000;

export interface DeadlineFact {
  /** Lima month of the referral, and of its deadline. */
  period: string;
  deadlinePeriod: string;
  dept: string;
  to: string;
  referredAt: number;
  deadlineAt: number;
  /** First acceptance or rejection. */
  answeredAt: number | null;
  /** A revocation before any answer. */
  revokedAt: number | null;
}

const limaMonthOf = (ms: number) => new Date(ms - 5 * HOUR).toISOString().slice(0, 7);
/** The first instant after a Lima month: midnight in Lima of the next month's first day, 05:00 UTC. */
const endOfLimaMonth = (month: string) => Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1, 5);

export function deadlineFacts(events: readonly RawEvent[], departmentOf: (referralId: string) => string): DeadlineFact[] {
  const facts = new Map<string, DeadlineFact>();
  for (const { type, data: d } of events) {
    if (type === 'ReferralSent' && !facts.has(d.referralId)) {
      const referredAt = Date.parse(d.referredAt);
      const minutes = typeof d.deadlineMinutes === 'number' ? d.deadlineMinutes : (DEFAULT_HOURS[d.to] ?? 72) * 60;
      const deadlineAt = referredAt + minutes * 60_000;
      facts.set(d.referralId, {
        period: limaMonthOf(referredAt),
        deadlinePeriod: limaMonthOf(deadlineAt),
        dept: departmentOf(d.referralId),
        to: d.to,
        referredAt,
        deadlineAt,
        answeredAt: null,
        revokedAt: null,
      });
    }
    const fact = facts.get(d.referralId);
    if (!fact) continue;
    if ((type === 'ReferralAccepted' || type === 'ReferralRejected') && fact.answeredAt === null && fact.revokedAt === null)
      fact.answeredAt = Date.parse(type === 'ReferralAccepted' ? d.acceptedAt : d.rejectedAt);
    if (type === 'ReferralRevoked' && fact.answeredAt === null && fact.revokedAt === null) fact.revokedAt = Date.parse(d.revokedAt);
  }
  return [...facts.values()];
}

/** percentile_cont: rank p·(n−1) in the sorted values, linear between the two around it; one decimal. */
function percentileCont(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const below = sorted[Math.floor(rank)];
  const above = sorted[Math.ceil(rank)];
  return Math.round((below + (above - below) * (rank - Math.floor(rank))) * 10) / 10;
}

export const onTime = (f: DeadlineFact) => f.answeredAt !== null && f.answeredAt <= f.deadlineAt;
export const late = (f: DeadlineFact) => f.answeredAt !== null && f.answeredAt > f.deadlineAt;
/** Still waiting when the Lima month of its deadline ended: no answer nor revocation before that instant. */
export const overdueAtMonthEnd = (f: DeadlineFact) => {
  const end = endOfLimaMonth(f.deadlinePeriod);
  return (f.answeredAt === null || f.answeredAt >= end) && (f.revokedAt === null || f.revokedAt >= end);
};

/** Every cell of `referral_deadlines` in a monthly report (exact, no disclosure control). */
export function expectedDeadlines(
  facts: readonly DeadlineFact[],
  scope: { periods: Set<string>; dept: string | null },
): Record<string, (row: string, column: string) => number | null> {
  const inDept = (f: DeadlineFact) => scope.dept === null || f.dept === scope.dept;
  const inRow = (row: string, f: DeadlineFact) => row === 'total' || f.to === row;
  return {
    referral_deadlines: (row, column) => {
      if (column === 'overdue_month_end')
        return facts.filter((f) => inDept(f) && inRow(row, f) && scope.periods.has(f.deadlinePeriod) && overdueAtMonthEnd(f)).length;
      const sent = facts.filter((f) => inDept(f) && inRow(row, f) && scope.periods.has(f.period));
      const answered = sent.filter((f) => f.answeredAt !== null);
      const hours = answered.map((f) => (f.answeredAt! - f.referredAt) / HOUR);
      const intime = sent.filter(onTime).length;
      switch (column) {
        case 'on_time':
          return intime;
        case 'late':
          return sent.filter(late).length;
        case 'on_time_share':
          return answered.length === 0 ? null : Math.round((1000 * intime) / answered.length) / 10;
        case 'median_hours':
          return percentileCont(hours, 0.5);
        case 'p90_hours':
          return percentileCont(hours, 0.9);
        default:
          throw new Error(`referral_deadlines has no column ${column}`);
      }
    },
  };
}
