import { checkPastInstant, checkRequiredText, throwIfProblems, type Problems } from '../shared/validation.js';
import { CASE_REASON_MAX_LENGTH } from './police-case.codes.js';
import type { ReopenCase } from './police-case.commands.js';
import { caseNotClosed } from './police-case.errors.js';
import type { CaseReopened } from './police-case.events.js';
import type { PoliceCaseState } from './police-case.state.js';
import { dataOf, requireRegisteredCase } from './police-case.validation.js';

/** Only a closed case reopens, at an instant between its closing and now; it goes back to open, or referred. */
export function reopenCase(command: ReopenCase, state: PoliceCaseState): CaseReopened[] {
  const data = dataOf(command);
  const policeCase = requireRegisteredCase(state, data.caseId);
  if (policeCase.status !== 'closed') throw caseNotClosed();

  const problems: Problems = [];
  const reopenedAt = checkPastInstant(problems, 'reopenedAt', data.reopenedAt, command.metadata.now, {
    instant: policeCase.closedAt,
    reason: 'No puede ser anterior al cierre de la denuncia',
    reasonEn: 'Cannot be before the case was closed',
  });
  const reason = checkRequiredText(problems, 'reason', data.reason, CASE_REASON_MAX_LENGTH);
  throwIfProblems(problems);
  return [{ type: 'CaseReopened', data: { caseId: policeCase.caseId, reopenedAt: reopenedAt!, reason: reason! } }];
}
