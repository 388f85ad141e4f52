import { checkRequiredText, checkUuid, problem, throwIfProblems, type Problems } from '../shared/validation.js';
import { CASE_REASON_MAX_LENGTH } from './police-case.codes.js';
import type { MarkSameFacts } from './police-case.commands.js';
import { caseAlreadySameFacts } from './police-case.errors.js';
import type { CaseMarkedSameFacts } from './police-case.events.js';
import type { PoliceCaseState } from './police-case.state.js';
import { dataOf, requireRegisteredCase } from './police-case.validation.js';

/**
 * Marks this case (the duplicate) as reporting the facts of `sameAsCaseId`, once: marking it again with the same
 * case is a no-op (a retry), with another case it is refused. The application checks that the other case exists
 * and is not itself marked.
 */
export function markSameFacts(command: MarkSameFacts, state: PoliceCaseState): CaseMarkedSameFacts[] {
  const data = dataOf(command);
  const policeCase = requireRegisteredCase(state, data.caseId);

  const problems: Problems = [];
  let sameAsCaseId = checkUuid(problems, 'sameAsCaseId', data.sameAsCaseId);
  if (sameAsCaseId === policeCase.caseId) {
    problems.push(problem('sameAsCaseId', 'Debe ser otra denuncia, no la misma', 'Must be another case, not this one'));
    sameAsCaseId = undefined;
  }
  const reason = checkRequiredText(problems, 'reason', data.reason, CASE_REASON_MAX_LENGTH);
  throwIfProblems(problems);

  if (policeCase.sameAsCaseId === sameAsCaseId) return [];
  if (policeCase.sameAsCaseId !== null) throw caseAlreadySameFacts();
  return [{ type: 'CaseMarkedSameFacts', data: { caseId: policeCase.caseId, sameAsCaseId: sameAsCaseId!, reason: reason! } }];
}
