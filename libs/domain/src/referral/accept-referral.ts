import { checkPastInstant, throwIfProblems, type Problems } from '../shared/validation.js';
import type { AcceptReferral } from './referral.commands.js';
import { referralNotPending } from './referral.errors.js';
import type { ReferralAccepted } from './referral.events.js';
import type { ReferralState } from './referral.state.js';
import { checkOptionalUuid, dataOf, notBeforeSent, requireSentReferral } from './referral.validation.js';

export function acceptReferral(command: AcceptReferral, state: ReferralState): ReferralAccepted[] {
  const data = dataOf(command);
  const referral = requireSentReferral(state, data.referralId);
  if (referral.status !== 'sent') throw referralNotPending();

  const problems: Problems = [];
  const acceptedAt = checkPastInstant(problems, 'acceptedAt', data.acceptedAt, command.metadata.now, notBeforeSent(referral));
  const linkedCaseId = checkOptionalUuid(problems, 'linkedCaseId', data.linkedCaseId);
  throwIfProblems(problems);

  return [
    {
      type: 'ReferralAccepted',
      data: { referralId: referral.referralId, acceptedAt: acceptedAt!, linkedCaseId: linkedCaseId! },
    },
  ];
}
