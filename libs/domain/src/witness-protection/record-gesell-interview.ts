import { checkUuid, problem, throwIfProblems, type Problems } from '../shared/validation.js';
import type { RecordGesellInterview } from './witness-protection.commands.js';
import type { GesellInterviewHeld } from './witness-protection.events.js';
import type { WitnessProtectionState } from './witness-protection.state.js';
import { checkCaseVictim, checkSinceOpening, protectionDataOf } from './witness-protection.validation.js';

/** An interview of a victim of the case in a Gesell chamber; the same interview sent again changes nothing. */
export function recordGesellInterview(command: RecordGesellInterview, state: WitnessProtectionState): GesellInterviewHeld[] {
  const data = protectionDataOf(command);
  const problems: Problems = [];
  const prosecutionId = checkUuid(problems, 'prosecutionId', data.prosecutionId);
  const interviewId = checkUuid(problems, 'interviewId', data.interviewId);
  const victimId = checkCaseVictim(problems, 'victimId', data.victimId, data.caseVictimIds);
  const heldAt = checkSinceOpening(problems, 'heldAt', data.heldAt, command.metadata.now, data.prosecutionOpenedAt);
  throwIfProblems(problems);

  const recorded = state.status === 'recorded' ? state.interviews.find((i) => i.interviewId === interviewId) : undefined;
  if (recorded !== undefined) {
    if (recorded.victimId === victimId && recorded.heldAt === heldAt) return [];
    throwIfProblems([
      problem('interviewId', 'Esta entrevista ya está registrada con otros datos', 'This interview is already recorded with other data'),
    ]);
  }
  return [
    {
      type: 'GesellInterviewHeld',
      data: { prosecutionId: prosecutionId!, interviewId: interviewId!, victimId: victimId!, heldAt: heldAt! },
    },
  ];
}
