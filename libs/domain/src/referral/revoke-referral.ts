import { checkPastInstant, checkRequiredText, throwIfProblems, type Problems } from '../shared/validation.js';
import { REFERRAL_REASON_MAX_LENGTH } from './referral.codes.js';
import type { RevokeReferral } from './referral.commands.js';
import { referralClosed } from './referral.errors.js';
import type { ReferralRevoked } from './referral.events.js';
import type { ReferralState } from './referral.state.js';
import { dataOf, notBeforeAccepted, notBeforeSent, requireSentReferral } from './referral.validation.js';

export function revokeReferral(command: RevokeReferral, state: ReferralState): ReferralRevoked[] {
  const data = dataOf(command);
  const referral = requireSentReferral(state, data.referralId);
  if (referral.status !== 'sent' && referral.status !== 'accepted') throw referralClosed();

  // An accepted referral is revoked after its acceptance, or the timeline would read "revoked, then accepted".
  const notBefore = referral.status === 'accepted' ? notBeforeAccepted(referral) : notBeforeSent(referral);
  const problems: Problems = [];
  const revokedAt = checkPastInstant(problems, 'revokedAt', data.revokedAt, command.metadata.now, notBefore);
  const reason = checkRequiredText(problems, 'reason', data.reason, REFERRAL_REASON_MAX_LENGTH);
  throwIfProblems(problems);

  return [{ type: 'ReferralRevoked', data: { referralId: referral.referralId, revokedAt: revokedAt!, reason: reason! } }];
}
