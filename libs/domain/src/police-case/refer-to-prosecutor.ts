import { checkRequiredText, checkUuid, throwIfProblems, type Problems } from '../shared/validation.js';
import { POLICE_CASE_LIMITS } from './police-case.codes.js';
import type { ReferToProsecutor } from './police-case.commands.js';
import { caseAlreadyReferred } from './police-case.errors.js';
import type { CaseReferredToProsecutor } from './police-case.events.js';
import type { PoliceCaseState } from './police-case.state.js';
import { checkAfterRegistration, dataOf, requireActiveCase } from './police-case.validation.js';

/** A case goes to the prosecutor once; the prosecution id links it to the `prosecution-` stream. */
export function referToProsecutor(command: ReferToProsecutor, state: PoliceCaseState): CaseReferredToProsecutor[] {
  const data = dataOf(command);
  const policeCase = requireActiveCase(state, data.caseId);
  if (policeCase.status === 'referred') throw caseAlreadyReferred();

  const problems: Problems = [];
  const referredAt = checkAfterRegistration(problems, 'referredAt', data.referredAt, command.metadata.now, policeCase);
  const office = checkRequiredText(problems, 'office', data.office, POLICE_CASE_LIMITS.office);
  const prosecutionId = checkUuid(problems, 'prosecutionId', data.prosecutionId);
  throwIfProblems(problems);

  return [
    {
      type: 'CaseReferredToProsecutor',
      data: { caseId: policeCase.caseId, referredAt: referredAt!, office: office!, prosecutionId: prosecutionId! },
    },
  ];
}
