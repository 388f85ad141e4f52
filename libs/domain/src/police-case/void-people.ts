import { checkRequiredText, throwIfProblems, type Problems } from '../shared/validation.js';
import { CASE_REASON_MAX_LENGTH } from './police-case.codes.js';
import type { VoidSuspect, VoidVictim } from './police-case.commands.js';
import type { SuspectVoided, VictimVoided } from './police-case.events.js';
import type { PoliceCaseState } from './police-case.state.js';
import { dataOf, requireRegisteredCase, requireSuspect, requireVictim } from './police-case.validation.js';

/** A victim recorded by mistake stays in the log, marked, and counts nowhere; voiding twice is refused. */
export function voidVictim(command: VoidVictim, state: PoliceCaseState): VictimVoided[] {
  const data = dataOf(command);
  const policeCase = requireRegisteredCase(state, data.caseId);
  const victim = requireVictim(policeCase, data.victimId);
  const reason = checkReason(data.reason);
  return [{ type: 'VictimVoided', data: { caseId: policeCase.caseId, victimId: victim.victimId, reason } }];
}

export function voidSuspect(command: VoidSuspect, state: PoliceCaseState): SuspectVoided[] {
  const data = dataOf(command);
  const policeCase = requireRegisteredCase(state, data.caseId);
  const suspect = requireSuspect(policeCase, data.suspectId);
  const reason = checkReason(data.reason);
  return [{ type: 'SuspectVoided', data: { caseId: policeCase.caseId, suspectId: suspect.suspectId, reason } }];
}

function checkReason(value: unknown): string {
  const problems: Problems = [];
  const reason = checkRequiredText(problems, 'reason', value, CASE_REASON_MAX_LENGTH);
  throwIfProblems(problems);
  return reason!;
}
