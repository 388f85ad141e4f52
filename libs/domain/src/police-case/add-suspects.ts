import { throwIfProblems, type Problems } from '../shared/validation.js';
import type { AddSuspects } from './police-case.commands.js';
import type { SuspectIdentified } from './police-case.events.js';
import { checkSuspects } from './police-case.people.js';
import type { PoliceCaseState } from './police-case.state.js';
import { dataOf, requireActiveCase, type PoliceCaseReference } from './police-case.validation.js';

export function addSuspects(command: AddSuspects, state: PoliceCaseState, reference: PoliceCaseReference): SuspectIdentified[] {
  const data = dataOf(command);
  const policeCase = requireActiveCase(state, data.caseId);

  const problems: Problems = [];
  const known = policeCase.suspects.map((suspect) => suspect.suspectId);
  const suspects = checkSuspects(problems, 'suspects', data.suspects, { atLeastOne: true, known, reference });
  throwIfProblems(problems);

  return suspects.map((suspect) => ({ type: 'SuspectIdentified', data: { caseId: policeCase.caseId, ...suspect } }));
}
