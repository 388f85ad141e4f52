import { checkOptionalText, checkPastInstant, checkRequiredText, problem, throwIfProblems, type Problems } from '../shared/validation.js';
import { PROSECUTION_REASON_MAX_LENGTH, type ProsecutionStage } from './prosecution.codes.js';
import type { RecordProsecutionStage } from './prosecution.commands.js';
import { prosecutionStageOutOfOrder } from './prosecution.errors.js';
import type { ProsecutionEvent } from './prosecution.events.js';
import type { ProsecutionState } from './prosecution.state.js';
import { PROSECUTION_NEXT_STAGES } from './prosecution.transitions.js';
import { prosecutionDataOf, requireActiveProsecution } from './prosecution.validation.js';

export function recordProsecutionStage(command: RecordProsecutionStage, state: ProsecutionState): ProsecutionEvent[] {
  const data = prosecutionDataOf(command);
  const prosecution = requireActiveProsecution(state, data.prosecutionId);

  const problems: Problems = [];
  const stage = data.stage as ProsecutionStage;
  // The legal order is a refusal of the state (422), reported before the date or reason of a stage that cannot
  // happen anyway.
  if (stage !== undefined && !PROSECUTION_NEXT_STAGES[prosecution.status].includes(stage)) {
    throw prosecutionStageOutOfOrder(stage, prosecution.status);
  }
  const occurredAt = checkPastInstant(problems, 'occurredAt', data.occurredAt, command.metadata.now, {
    instant: prosecution.lastOccurredAt,
    reason: 'No puede ser anterior a la etapa anterior de la investigación fiscal',
    reasonEn: "Cannot be before the prosecution's previous stage",
  });
  const reason = checkStageReason(problems, stage, data.reason);
  throwIfProblems(problems);

  const { prosecutionId } = prosecution;
  const at = occurredAt!;
  switch (stage!) {
    case 'preliminary-investigation':
      return [{ type: 'PreliminaryInvestigationOpened', data: { prosecutionId, occurredAt: at } }];
    case 'archive':
      return [{ type: 'ProsecutionArchived', data: { prosecutionId, occurredAt: at, reason: reason! } }];
    case 'formalization':
      return [{ type: 'InvestigationFormalized', data: { prosecutionId, occurredAt: at } }];
    case 'accusation':
      return [{ type: 'AccusationFiled', data: { prosecutionId, occurredAt: at } }];
    case 'dismissal':
      return [{ type: 'ProsecutionDismissed', data: { prosecutionId, occurredAt: at, reason: reason ?? null } }];
  }
}

/**
 * An archive must say why (the victim may challenge it before the superior prosecutor, CPP art. 334.5); a
 * dismissal may. Other stages record no reason, so one sent with them is refused rather than silently lost.
 */
function checkStageReason(problems: Problems, stage: ProsecutionStage | undefined, value: unknown): string | null | undefined {
  switch (stage) {
    case 'archive':
      return checkRequiredText(problems, 'reason', value, PROSECUTION_REASON_MAX_LENGTH);
    case 'dismissal':
    case undefined:
      return checkOptionalText(problems, 'reason', value, PROSECUTION_REASON_MAX_LENGTH);
    default:
      if (value === undefined || value === null) return null;
      problems.push(
        problem(
          'reason',
          'Esta etapa no registra un motivo; solo el archivo y el sobreseimiento lo hacen',
          'This stage records no reason; only archive and dismissal do',
        ),
      );
      return undefined;
  }
}
