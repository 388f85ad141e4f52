import { checkOptionalText, checkPastInstant, checkUuid, problem, throwIfProblems, type Problems } from '../shared/validation.js';
import {
  DEFAULT_REFERRAL_DEADLINE_MINUTES,
  REFERRAL_DEADLINE_MAX_MINUTES,
  REFERRAL_UNIT_NAME_MAX_LENGTH,
  type ReferralDestination,
  type ReferralSourceKind,
} from './referral.codes.js';
import type { SendReferral } from './referral.commands.js';
import { callNotTraffickingRelated, referralAlreadySent } from './referral.errors.js';
import type { ReferralSent } from './referral.events.js';
import type { ReferralState } from './referral.state.js';
import { checkUbigeo, dataOf, objectOrEmpty, type ReferralReference } from './referral.validation.js';

export function sendReferral(command: SendReferral, state: ReferralState, reference: ReferralReference): ReferralSent[] {
  if (state.status !== 'unsent') throw referralAlreadySent();

  const data = dataOf(command);
  const source = objectOrEmpty(data.source);
  const problems: Problems = [];
  const referralId = checkUuid(problems, 'referralId', data.referralId);
  const sourceKind = source.kind as ReferralSourceKind;
  const sourceId = checkUuid(problems, 'source.id', source.id);
  const to = data.to as ReferralDestination;
  const unitName = checkOptionalText(problems, 'unitName', data.unitName, REFERRAL_UNIT_NAME_MAX_LENGTH);
  const ubigeo = checkUbigeo(problems, 'ubigeo', data.ubigeo, reference);
  const referredAt = checkPastInstant(problems, 'referredAt', data.referredAt, command.metadata.now);
  const deadlineMinutes = checkDeadline(problems, data.deadlineMinutes, to);
  throwIfProblems(problems);

  // Checked after the fields, so the operator first fixes the form, then learns the call itself is not eligible.
  // Only a literal `true` counts: an unknown classification (null, absent) is not trafficking-related.
  if (sourceKind === 'hotline_call' && data.sourceTraffickingRelated !== true) throw callNotTraffickingRelated();

  // Every value is defined here: each check returns undefined only after recording a problem.
  return [
    {
      type: 'ReferralSent',
      data: {
        referralId: referralId!,
        source: { kind: sourceKind!, id: sourceId! },
        to: to!,
        unitName: unitName!,
        ubigeo: ubigeo!,
        referredAt: referredAt!,
        deadlineMinutes: deadlineMinutes!,
      },
    },
  ];
}

/** The deadline in force, written into the event: a whole number of minutes from 1 to a year; absent, the default. */
function checkDeadline(problems: Problems, value: unknown, to: ReferralDestination): number | undefined {
  if (value === undefined || value === null) return DEFAULT_REFERRAL_DEADLINE_MINUTES[to];
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= REFERRAL_DEADLINE_MAX_MINUTES) return value;
  problems.push(
    problem(
      'deadlineMinutes',
      `Debe ser un número entero de minutos entre 1 y ${REFERRAL_DEADLINE_MAX_MINUTES} (un año)`,
      `Must be a whole number of minutes from 1 to ${REFERRAL_DEADLINE_MAX_MINUTES} (a year)`,
    ),
  );
  return undefined;
}
