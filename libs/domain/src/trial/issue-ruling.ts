import { checkPastInstant, isUuid, problem, throwIfProblems, type Problems } from '../shared/validation.js';
import { MAX_SENTENCE_YEARS, type Verdict } from './trial.codes.js';
import type { IssueRuling } from './trial.commands.js';
import { rulingNotAllowed } from './trial.errors.js';
import type { RulingIssued } from './trial.events.js';
import type { TrialState } from './trial.state.js';
import { requireOpenTrial, trialDataOf } from './trial.validation.js';

/** A first-instance sentence, or the one the appeal court (Sala Penal de Apelaciones) issues after an appeal. */
export function issueRuling(command: IssueRuling, state: TrialState): RulingIssued[] {
  const data = trialDataOf(command);
  const trial = requireOpenTrial(state, data.trialId);
  if (trial.status !== 'opened' && trial.status !== 'appealed') throw rulingNotAllowed();

  const notBefore =
    trial.status === 'appealed'
      ? { instant: trial.appealedAt, reason: 'No puede ser anterior a la apelación', reasonEn: 'Cannot be before the appeal' }
      : {
          instant: trial.openedAt,
          reason: 'No puede ser anterior a la apertura del juicio',
          reasonEn: 'Cannot be before the trial was opened',
        };
  const problems: Problems = [];
  const ruledAt = checkPastInstant(problems, 'ruledAt', data.ruledAt, command.metadata.now, notBefore);
  const verdict = data.verdict as Verdict;
  const sentenceYears = checkSentenceYears(problems, verdict, data.sentenceYears);
  const defendants = checkDefendants(problems, data.defendants);
  throwIfProblems(problems);

  return [
    {
      type: 'RulingIssued',
      data: {
        trialId: trial.trialId,
        ruledAt: ruledAt!,
        verdict: verdict!,
        sentenceYears: sentenceYears!,
        defendants: defendants!,
        instance: trial.rulings.length + 1,
      },
    },
  ];
}

const isSentence = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= MAX_SENTENCE_YEARS;

/** A conviction states its term; an acquittal has none, so a number sent with it is a contradiction, not noise. */
function checkSentenceYears(problems: Problems, verdict: Verdict | undefined, value: unknown): number | null | undefined {
  const absent = value === undefined || value === null;
  if (verdict === 'conviction' && isSentence(value)) return value;
  if (verdict === 'acquittal' && absent) return null;
  if (verdict === undefined && (absent || isSentence(value))) return absent ? null : value;
  problems.push(
    verdict === 'acquittal'
      ? problem('sentenceYears', 'Una absolución no lleva pena: deje el campo vacío', 'An acquittal carries no sentence: leave it empty')
      : problem(
          'sentenceYears',
          `Una condena requiere la pena en años: un número mayor que 0 y de hasta ${MAX_SENTENCE_YEARS}`,
          `A conviction requires the sentence in years: a number above 0 and at most ${MAX_SENTENCE_YEARS}`,
        ),
  );
  return undefined;
}

/** Defendants are suspect ids, lower-cased; a repeated one would count a person twice in the statistics. */
function checkDefendants(problems: Problems, value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push(
      problem(
        'defendants',
        'Indique al menos un procesado: una lista de UUID de sospechosos',
        'Give at least one defendant: a list of suspect UUIDs',
      ),
    );
    return undefined;
  }
  const before = problems.length;
  const ids: string[] = [];
  value.forEach((item: unknown, index) => {
    const field = `defendants[${index}]`;
    if (!isUuid(item)) {
      problems.push(problem(field, 'Debe ser un UUID', 'Must be a UUID'));
    } else if (ids.includes(item.toLowerCase())) {
      problems.push(problem(field, 'Procesado repetido', 'Repeated defendant'));
    } else {
      ids.push(item.toLowerCase());
    }
  });
  return problems.length === before ? ids : undefined;
}
