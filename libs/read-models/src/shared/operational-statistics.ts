/**
 * What the operational statistics (GET /statistics/hotline and /statistics/referrals) answer, whichever read model
 * serves them: the current counts (hotline-statistics/, referrals/) or the statistics ledger as of a position or a
 * release point (official-statistics/). Here so that no read model's folder imports another's query.
 */
export type HotlineGrouping = 'month' | 'department';

export interface HotlineCounts {
  received: number;
  traffickingRelated: number;
  closed: number;
}

export type ReferralGrouping = 'destination' | 'department';

export interface ReferralCounts {
  sent: number;
  accepted: number;
  rejected: number;
  completed: number;
  revoked: number;
  pending: number;
  /** Hours from sending to acceptance, over the referrals accepted; null when none was. */
  medianHoursToAcceptance: number | null;
  p90HoursToAcceptance: number | null;
}

/** Every month from `from` to `to` (YYYY-MM), both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number);
  const [endYear, endMonth] = to.split('-').map(Number);
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
  return months;
}
