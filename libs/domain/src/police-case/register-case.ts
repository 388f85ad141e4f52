import { checkPastInstant, checkRequiredText, checkUuid, problem, throwIfProblems, type Problems } from '../shared/validation.js';
import { POLICE_CASE_LIMITS, type CaseSource } from './police-case.codes.js';
import type { RegisterCase } from './police-case.commands.js';
import { caseAlreadyRegistered } from './police-case.errors.js';
import type { PoliceCaseEvent } from './police-case.events.js';
import { checkSuspects, checkVictims } from './police-case.people.js';
import type { PoliceCaseState } from './police-case.state.js';
import { checkOccurredAt, checkPurposes, checkQualification, checkReferences, lawDateOf } from './police-case.qualification.js';
import { checkPlace, dataOf, type PoliceCaseReference } from './police-case.validation.js';

/**
 * A denunciation, then one event per person it names, in the order given. The event always carries the
 * qualification and references (empty when not given), so readers need the defaults only for older events.
 */
export function registerCase(command: RegisterCase, state: PoliceCaseState, reference: PoliceCaseReference): PoliceCaseEvent[] {
  if (state.status !== 'unregistered') throw caseAlreadyRegistered();

  const data = dataOf(command);
  const problems: Problems = [];
  const caseId = checkUuid(problems, 'caseId', data.caseId);
  const registeredAt = checkPastInstant(problems, 'registeredAt', data.registeredAt, command.metadata.now);
  const occurredAt = checkOccurredAt(problems, 'occurredAt', data.occurredAt, registeredAt);
  const policeUnit = checkRequiredText(problems, 'policeUnit', data.policeUnit, POLICE_CASE_LIMITS.policeUnit);
  const ubigeo = checkPlace(problems, 'ubigeo', data.ubigeo, reference);
  const source = data.source as CaseSource;
  const referralId = checkReferralId(problems, data.referralId, source);
  const purposes = checkPurposes(problems, 'purposes', data.purposes);
  const rules = { atLeastOne: false, known: [], reference };
  const victims = checkVictims(problems, 'victims', data.victims, rules);
  const suspects = checkSuspects(problems, 'suspects', data.suspects, rules);
  const lawDate = registeredAt === undefined || occurredAt === undefined ? null : lawDateOf(occurredAt, registeredAt);
  const qualification = checkQualification(problems, data, lawDate, reference);
  const references = checkReferences(problems, 'references', data.references);
  throwIfProblems(problems);

  // Every value is defined here: each check returns undefined only after recording a problem.
  const id = caseId!;
  return [
    {
      type: 'CaseRegistered',
      data: {
        caseId: id,
        registeredAt: registeredAt!,
        occurredAt: occurredAt!,
        policeUnit: policeUnit!,
        ubigeo: ubigeo!,
        source: source!,
        referralId: referralId!,
        purposes,
        ...qualification,
        references,
      },
    },
    ...victims.map((victim) => ({ type: 'VictimIdentified' as const, data: { caseId: id, ...victim } })),
    ...suspects.map((suspect) => ({ type: 'SuspectIdentified' as const, data: { caseId: id, ...suspect } })),
  ];
}

/** A case coming from the hotline must name the referral, or the hotline-to-police chain cannot be counted. */
function checkReferralId(problems: Problems, value: unknown, source: CaseSource | undefined): string | null | undefined {
  if (value !== undefined && value !== null) return checkUuid(problems, 'referralId', value);
  if (source !== 'hotline_referral') return null;
  problems.push(
    problem(
      'referralId',
      'Es obligatorio cuando la denuncia proviene de una derivación de la línea',
      'Required when the case comes from a hotline referral',
    ),
  );
  return undefined;
}
