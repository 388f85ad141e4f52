import {
  checkCode,
  checkOptionalText,
  checkRequiredText,
  checkUuid,
  problem,
  throwIfProblems,
  type Problems,
} from '../shared/validation.js';
import {
  PROTECTED_PERSON_KINDS,
  PROTECTION_MEASURES,
  PROTECTION_NOTES_MAX_LENGTH,
  WITNESS_REFERENCE_MAX_LENGTH,
} from './witness-protection.codes.js';
import type { GrantProtectionMeasure } from './witness-protection.commands.js';
import type { ProtectionMeasureGranted } from './witness-protection.events.js';
import type { WitnessProtectionState } from './witness-protection.state.js';
import { checkCaseVictim, checkSinceOpening, protectionDataOf } from './witness-protection.validation.js';

/** A measure for a victim of the case or for a witness; the same measure sent again (a retry) changes nothing. */
export function grantProtectionMeasure(command: GrantProtectionMeasure, state: WitnessProtectionState): ProtectionMeasureGranted[] {
  const data = protectionDataOf(command);
  const now = command.metadata.now;
  const problems: Problems = [];
  const prosecutionId = checkUuid(problems, 'prosecutionId', data.prosecutionId);
  const measureId = checkUuid(problems, 'measureId', data.measureId);
  const kind = checkCode(problems, 'protectedPerson', data.protectedPerson, PROTECTED_PERSON_KINDS);
  let personId: string | undefined;
  let witnessReference: string | null | undefined = null;
  if (kind === 'victim') {
    personId = checkCaseVictim(problems, 'victimId', data.victimId, data.caseVictimIds);
    if (data.witnessId != null || data.witnessReference != null) {
      problems.push(problem('witnessReference', 'Solo para un testigo', 'Only for a witness'));
    }
  } else if (kind === 'witness') {
    personId = checkUuid(problems, 'witnessId', data.witnessId);
    witnessReference = checkRequiredText(problems, 'witnessReference', data.witnessReference, WITNESS_REFERENCE_MAX_LENGTH);
    if (data.victimId != null) problems.push(problem('victimId', 'Solo para una víctima', 'Only for a victim'));
  }
  const measure = checkCode(problems, 'measure', data.measure, PROTECTION_MEASURES);
  const grantedAt = checkSinceOpening(problems, 'grantedAt', data.grantedAt, now, data.prosecutionOpenedAt);
  const endsAt = checkEnd(problems, data.endsAt, grantedAt);
  const notes = checkOptionalText(problems, 'notes', data.notes, PROTECTION_NOTES_MAX_LENGTH);
  throwIfProblems(problems);

  const granted: ProtectionMeasureGranted = {
    type: 'ProtectionMeasureGranted',
    data: {
      prosecutionId: prosecutionId!,
      measureId: measureId!,
      protectedPerson: kind!,
      personId: personId!,
      witnessReference: witnessReference!,
      measure: measure!,
      grantedAt: grantedAt!,
      endsAt: endsAt!,
      notes: notes!,
    },
  };
  const recorded = state.status === 'recorded' ? state.measures.find((m) => m.measureId === measureId) : undefined;
  if (recorded === undefined) return [granted];
  // A retry repeats what was counted; the same id with another person, measure or date would count one twice.
  const d = granted.data;
  const same =
    recorded.protectedPerson === d.protectedPerson &&
    recorded.personId === d.personId &&
    recorded.measure === d.measure &&
    recorded.grantedAt === d.grantedAt &&
    recorded.endsAt === d.endsAt;
  if (same) return [];
  throwIfProblems([
    problem('measureId', 'Esta medida ya está registrada con otros datos', 'This measure is already recorded with other data'),
  ]);
  return [];
}

/** An end date (the term the judge set) is optional, and may lie in the future; it cannot precede the grant. */
function checkEnd(problems: Problems, value: unknown, grantedAt: string | undefined): string | null | undefined {
  if (value === undefined || value === null) return null;
  const at = typeof value === 'string' ? Date.parse(value) : NaN;
  if (typeof value !== 'string' || !/T.*(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(at)) {
    problems.push(
      problem(
        'endsAt',
        'Debe ser una fecha y hora ISO 8601 con zona horaria, o nulo',
        'Must be an ISO 8601 date-time with an offset, or null',
      ),
    );
    return undefined;
  }
  if (grantedAt !== undefined && at < Date.parse(grantedAt)) {
    problems.push(problem('endsAt', 'No puede ser anterior al otorgamiento', 'Cannot be before the measure was granted'));
    return undefined;
  }
  return new Date(at).toISOString();
}
