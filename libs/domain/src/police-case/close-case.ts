import { checkRequiredText, throwIfProblems, type Problems } from '../shared/validation.js';
import { POLICE_CASE_LIMITS } from './police-case.codes.js';
import type { CloseCase } from './police-case.commands.js';
import type { CaseClosed } from './police-case.events.js';
import type { PoliceCaseState } from './police-case.state.js';
import { checkAfterRegistration, dataOf, requireActiveCase } from './police-case.validation.js';

export function closeCase(command: CloseCase, state: PoliceCaseState): CaseClosed[] {
  const data = dataOf(command);
  const policeCase = requireActiveCase(state, data.caseId);

  const problems: Problems = [];
  const closedAt = checkAfterRegistration(problems, 'closedAt', data.closedAt, command.metadata.now, policeCase);
  const reason = checkRequiredText(problems, 'reason', data.reason, POLICE_CASE_LIMITS.closingReason);
  throwIfProblems(problems);

  return [{ type: 'CaseClosed', data: { caseId: policeCase.caseId, closedAt: closedAt!, reason: reason! } }];
}
