import { checkBoolean, checkPastInstant, problem, throwIfProblems, type Problems } from '../shared/validation.js';
import { REFERRAL_COMPLETION_REASONS, type ReferralCompletionReason } from './referral.codes.js';
import type { CompleteReferral } from './referral.commands.js';
import { referralNotAccepted } from './referral.errors.js';
import type { ReferralCompleted } from './referral.events.js';
import type { ReferralState } from './referral.state.js';
import { dataOf, notBeforeAccepted, requireSentReferral } from './referral.validation.js';

export function completeReferral(command: CompleteReferral, state: ReferralState): ReferralCompleted[] {
  const data = dataOf(command);
  const referral = requireSentReferral(state, data.referralId);
  if (referral.status !== 'accepted') throw referralNotAccepted();

  const problems: Problems = [];
  const completedAt = checkPastInstant(problems, 'completedAt', data.completedAt, command.metadata.now, notBeforeAccepted(referral));
  const successful = checkBoolean(problems, 'successful', data.successful);
  const reason = checkCompletionReason(problems, data.reason, successful);
  throwIfProblems(problems);

  return [
    {
      type: 'ReferralCompleted',
      data: { referralId: referral.referralId, completedAt: completedAt!, successful: successful!, reason: reason! },
    },
  ];
}

/**
 * A failed referral must say why (the statistics break failures down by reason); a successful one may. When
 * `successful` itself is invalid, only a given reason is checked: that field already carries the problem.
 */
function checkCompletionReason(
  problems: Problems,
  value: unknown,
  successful: boolean | undefined,
): ReferralCompletionReason | null | undefined {
  if (value !== undefined && value !== null) return value as ReferralCompletionReason;
  if (successful !== false) return null;
  const list = REFERRAL_COMPLETION_REASONS.join(', ');
  problems.push(
    problem(
      'reason',
      `Es obligatorio cuando la derivación no tuvo éxito; use uno de: ${list}`,
      `Required when the referral was not successful; use one of: ${list}`,
    ),
  );
  return undefined;
}
