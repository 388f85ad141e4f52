import { throwIfProblems, type Problems } from '../shared/validation.js';
import type { AddVictims } from './police-case.commands.js';
import type { VictimIdentified } from './police-case.events.js';
import { checkVictims } from './police-case.people.js';
import type { PoliceCaseState } from './police-case.state.js';
import { dataOf, requireActiveCase, type PoliceCaseReference } from './police-case.validation.js';

/** Victims are often identified after the denunciation (a rescue, a later statement); also once referred. */
export function addVictims(command: AddVictims, state: PoliceCaseState, reference: PoliceCaseReference): VictimIdentified[] {
  const data = dataOf(command);
  const policeCase = requireActiveCase(state, data.caseId);

  const problems: Problems = [];
  const known = policeCase.victims.map((victim) => victim.victimId);
  const victims = checkVictims(problems, 'victims', data.victims, { atLeastOne: true, known, reference });
  throwIfProblems(problems);

  return victims.map((victim) => ({ type: 'VictimIdentified', data: { caseId: policeCase.caseId, ...victim } }));
}
