import type { PendingReferral } from '#read-models';

/** What a server-sent notification carries: ids, codes and times only (never a personal field, unit name or text). */
export interface ReferralStreamNotification {
  referralId: string;
  destination: string;
  department: string;
  sourceKind: string;
  referredAt: string;
  deadlineAt: string;
}

export type ReferralStreamKind = 'new' | 'overdue';

/**
 * What one connection has told so far, and what it tells next from the current pending queue: each referral once
 * as `new` and once as `overdue`, in that order; one already overdue when first seen only as `overdue` (the
 * receiving unit learns of it as late, not twice). Answered referrals drop out of the queue and are never told.
 */
export class ReferralStreamState {
  private readonly told = new Map<string, ReferralStreamKind>();

  next(pending: readonly PendingReferral[]): Array<{ kind: ReferralStreamKind; notification: ReferralStreamNotification }> {
    const due: Array<{ kind: ReferralStreamKind; notification: ReferralStreamNotification }> = [];
    for (const r of pending) {
      const kind: ReferralStreamKind = r.overdue ? 'overdue' : 'new';
      const before = this.told.get(r.referralId);
      if (before === kind || before === 'overdue') continue;
      this.told.set(r.referralId, kind);
      const { referralId, destination, department, sourceKind, referredAt, deadlineAt } = r;
      due.push({ kind, notification: { referralId, destination, department, sourceKind, referredAt, deadlineAt } });
    }
    return due;
  }
}

/** One server-sent event: `id` names the referral and kind, so a client can drop what it has already shown. */
export const sseEvent = (kind: ReferralStreamKind, notification: ReferralStreamNotification) =>
  `id: ${notification.referralId}:${kind}\nevent: ${kind}\ndata: ${JSON.stringify(notification)}\n\n`;
