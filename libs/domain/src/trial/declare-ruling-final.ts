import { checkPastInstant, throwIfProblems, type Problems } from '../shared/validation.js';
import type { DeclareRulingFinal } from './trial.commands.js';
import { finalityNotAllowed } from './trial.errors.js';
import type { RulingBecameFinal } from './trial.events.js';
import type { TrialState } from './trial.state.js';
import { requireOpenTrial, trialDataOf } from './trial.validation.js';

/** Sentencia firme (consentida or ejecutoriada): an appeal pending must be ruled on before anything is final. */
export function declareRulingFinal(command: DeclareRulingFinal, state: TrialState): RulingBecameFinal[] {
  const data = trialDataOf(command);
  const trial = requireOpenTrial(state, data.trialId);
  if (trial.status !== 'ruled') throw finalityNotAllowed();

  const problems: Problems = [];
  const finalAt = checkPastInstant(problems, 'finalAt', data.finalAt, command.metadata.now, {
    instant: trial.lastRuling.ruledAt,
    reason: 'No puede ser anterior a la sentencia',
    reasonEn: 'Cannot be before the ruling',
  });
  throwIfProblems(problems);

  return [{ type: 'RulingBecameFinal', data: { trialId: trial.trialId, finalAt: finalAt!, verdict: trial.lastRuling.verdict } }];
}
