import { checkPastInstant, checkRequiredText, throwIfProblems, type Problems } from '../shared/validation.js';
import { REFERRAL_REASON_MAX_LENGTH } from './referral.codes.js';
import type { RejectReferral } from './referral.commands.js';
import { referralNotPending } from './referral.errors.js';
import type { ReferralRejected } from './referral.events.js';
import type { ReferralState } from './referral.state.js';
import { dataOf, notBeforeSent, requireSentReferral } from './referral.validation.js';

export function rejectReferral(command: RejectReferral, state: ReferralState): ReferralRejected[] {
  const data = dataOf(command);
  const referral = requireSentReferral(state, data.referralId);
  if (referral.status !== 'sent') throw referralNotPending();

  const problems: Problems = [];
  const rejectedAt = checkPastInstant(problems, 'rejectedAt', data.rejectedAt, command.metadata.now, notBeforeSent(referral));
  const reason = checkRequiredText(problems, 'reason', data.reason, REFERRAL_REASON_MAX_LENGTH);
  throwIfProblems(problems);

  return [{ type: 'ReferralRejected', data: { referralId: referral.referralId, rejectedAt: rejectedAt!, reason: reason! } }];
}
