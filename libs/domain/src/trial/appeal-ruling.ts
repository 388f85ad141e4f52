import { checkOptionalText, checkPastInstant, throwIfProblems, type Problems } from '../shared/validation.js';
import { TRIAL_APPELLANT_MAX_LENGTH } from './trial.codes.js';
import type { AppealRuling } from './trial.commands.js';
import { appealNotAllowed } from './trial.errors.js';
import type { RulingAppealed } from './trial.events.js';
import type { TrialState } from './trial.state.js';
import { requireOpenTrial, trialDataOf } from './trial.validation.js';

/** Recurso de apelación: the ruling stops short of final until the appeal court rules again. */
export function appealRuling(command: AppealRuling, state: TrialState): RulingAppealed[] {
  const data = trialDataOf(command);
  const trial = requireOpenTrial(state, data.trialId);
  if (trial.status !== 'ruled') throw appealNotAllowed();

  const problems: Problems = [];
  const appealedAt = checkPastInstant(problems, 'appealedAt', data.appealedAt, command.metadata.now, {
    instant: trial.lastRuling.ruledAt,
    reason: 'No puede ser anterior a la sentencia apelada',
    reasonEn: 'Cannot be before the appealed ruling',
  });
  const appellant = checkOptionalText(problems, 'appellant', data.appellant, TRIAL_APPELLANT_MAX_LENGTH);
  throwIfProblems(problems);

  return [{ type: 'RulingAppealed', data: { trialId: trial.trialId, appealedAt: appealedAt!, appellant: appellant! } }];
}
