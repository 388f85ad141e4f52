import { checkBoolean, checkPastInstant, checkRequiredText, checkUuid, throwIfProblems, type Problems } from '../shared/validation.js';
import { TRIAL_COURT_MAX_LENGTH } from './trial.codes.js';
import type { OpenTrial } from './trial.commands.js';
import { prosecutionNotAccused, trialAlreadyOpened, trialFinal } from './trial.errors.js';
import type { TrialOpened } from './trial.events.js';
import type { TrialState } from './trial.state.js';
import { checkOptionalUuid, trialDataOf } from './trial.validation.js';

/** Juicio oral follows an acusación: without one there is nothing for the court to try. */
export function openTrial(command: OpenTrial, state: TrialState): TrialOpened[] {
  if (state.status === 'final') throw trialFinal();
  if (state.status !== 'unopened') throw trialAlreadyOpened();

  const data = trialDataOf(command);
  // The prosecution's state is a refusal of the state (422), reported before the problems of the form.
  if (data.prosecutionAccused === false) throw prosecutionNotAccused();

  const problems: Problems = [];
  const trialId = checkUuid(problems, 'trialId', data.trialId);
  const prosecutionId = checkUuid(problems, 'prosecutionId', data.prosecutionId);
  checkBoolean(problems, 'prosecutionAccused', data.prosecutionAccused);
  const caseId = checkOptionalUuid(problems, 'caseId', data.caseId);
  const openedAt = checkPastInstant(problems, 'openedAt', data.openedAt, command.metadata.now);
  const court = checkRequiredText(problems, 'court', data.court, TRIAL_COURT_MAX_LENGTH);
  throwIfProblems(problems);

  // Every value is defined here: each check returns undefined only after recording a problem.
  return [
    {
      type: 'TrialOpened',
      data: { trialId: trialId!, prosecutionId: prosecutionId!, caseId: caseId!, openedAt: openedAt!, court: court! },
    },
  ];
}
