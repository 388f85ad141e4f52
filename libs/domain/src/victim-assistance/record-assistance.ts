import { ageGroupOf } from '../people/people.codes.js';
import {
  checkBoolean,
  checkCode,
  checkOptionalText,
  checkOptionalUbigeo,
  checkPastInstant,
  checkRequiredText,
  checkUuid,
  problem,
  throwIfProblems,
  type Problems,
} from '../shared/validation.js';
import {
  ABROAD_KINDS,
  ASSISTANCE_KINDS,
  ASSISTANCE_NOTES_MAX_LENGTH,
  ASSISTANCE_SERVICES,
  FOREIGNER_KINDS,
  MIGRATORY_STATUSES,
  REINTEGRATION_KINDS,
  SHELTER_EXIT_REASONS,
  SHELTER_NAME_MAX_LENGTH,
  type AssistanceKind,
} from './victim-assistance.codes.js';
import type { AssistedVictim, RecordAssistance } from './victim-assistance.commands.js';
import {
  assistanceActIdInUse,
  assistanceConsentRequired,
  assistedVictimNotFound,
  assistedVictimVoided,
  shelterStayNotAllowed,
} from './victim-assistance.errors.js';
import type { AssistanceActData, VictimAssistanceEvent } from './victim-assistance.events.js';
import type { VictimAssistanceReference } from './victim-assistance.decider.js';
import type { VictimAssistanceState } from './victim-assistance.state.js';

const YEAR_MS = 365.2425 * 24 * 3_600_000;

/** Her age at the act: her age at the facts plus the whole years since (the case gives no birth date). */
function ageGroupAt(victim: AssistedVictim, occurredAt: string) {
  if (victim.age === null) return victim.ageGroup;
  const years = Math.max(0, Math.floor((Date.parse(occurredAt) - Date.parse(victim.notBefore)) / YEAR_MS));
  return ageGroupOf(victim.age + years);
}

/** Acts abroad are for Peruvians whose case has a place abroad; acts of migration for foreigners (known nationality). */
function applies(kind: AssistanceKind, victim: AssistedVictim): boolean {
  if (ABROAD_KINDS.includes(kind)) return victim.nationality === 'PE' && victim.abroad;
  if (FOREIGNER_KINDS.includes(kind)) return victim.nationality !== 'PE' && victim.nationality !== 'unknown';
  return true;
}

/**
 * One act of a victim's assistance. Order of refusals: the victim (404/422), then the form (400, every field at
 * once), then the state (consent, shelter stay), so a bad form never reveals more than a missing victim would.
 */
export function recordAssistance(
  command: RecordAssistance,
  state: VictimAssistanceState,
  reference: VictimAssistanceReference,
): VictimAssistanceEvent[] {
  const data = (typeof command.data === 'object' && command.data !== null ? command.data : {}) as Partial<RecordAssistance['data']>;
  const victim = data.victim ?? null;
  if (victim === null || !isSameCase(state, data.caseId)) throw assistedVictimNotFound();
  if (victim.voided) throw assistedVictimVoided();

  const problems: Problems = [];
  const victimId = checkUuid(problems, 'victimId', data.victimId);
  const caseId = checkUuid(problems, 'caseId', data.caseId);
  const actId = checkUuid(problems, 'actId', data.actId);
  const kind = checkCode(problems, 'kind', data.kind, ASSISTANCE_KINDS);
  const occurredAt = checkPastInstant(problems, 'occurredAt', data.occurredAt, command.metadata.now, {
    instant: victim.notBefore,
    reason: 'No puede ser anterior a la fecha de los hechos del caso (o a su registro si no se conoce)',
    reasonEn: "Cannot be before the date of the case's facts (or its registration when unknown)",
  });
  const notes = checkOptionalText(problems, 'notes', data.notes, ASSISTANCE_NOTES_MAX_LENGTH);
  const ubigeo = checkOptionalUbigeo(problems, 'ubigeo', data.ubigeo, reference.ubigeo);
  if (typeof ubigeo === 'string' && ubigeo.slice(0, 2) !== victim.department) {
    problems.push(problem('ubigeo', 'Debe estar en el departamento del caso', "Must be in the case's department"));
  }
  if (kind !== undefined && !applies(kind, victim)) {
    problems.push(
      problem(
        'kind',
        ABROAD_KINDS.includes(kind)
          ? 'Solo para víctimas peruanas de un caso con un lugar en el extranjero'
          : 'Solo para víctimas extranjeras (nacionalidad conocida distinta de PE)',
        ABROAD_KINDS.includes(kind)
          ? 'Only for Peruvian victims of a case with a place abroad'
          : 'Only for foreign victims (a known nationality other than PE)',
      ),
    );
  }
  const specific = kind === undefined ? {} : specificOf(problems, kind, data, reference);
  throwIfProblems(problems);

  const base: AssistanceActData = {
    victimId: victimId!,
    caseId: caseId!,
    actId: actId!,
    occurredAt: occurredAt!,
    department: victim.department,
    sex: victim.sex,
    ageGroup: ageGroupAt(victim, occurredAt!),
    notes: notes!,
  };
  const event = eventOf(kind!, base, specific);
  const earlier = state.status === 'assisted' ? state.acts.find((act) => act.actId === base.actId) : undefined;
  if (earlier) {
    // A retry of the same act is answered by what it recorded; another act under its id is a conflict.
    if (JSON.stringify({ type: event.type, ...event.data }) === JSON.stringify(earlier)) return [];
    throw assistanceActIdInUse();
  }
  checkState(event, state);
  return [event];
}

const isSameCase = (state: VictimAssistanceState, caseId: unknown) =>
  state.status === 'unassisted' || (typeof caseId === 'string' && caseId.toLowerCase() === state.caseId);

type Specific = Record<string, string | boolean>;

function specificOf(
  problems: Problems,
  kind: AssistanceKind,
  data: Partial<RecordAssistance['data']>,
  reference: VictimAssistanceReference,
): Specific {
  const country = (): Specific => {
    if (typeof data.country === 'string' && data.country !== 'PE' && reference.countries.isKnown(data.country))
      return { country: data.country };
    problems.push(
      problem(
        'country',
        'Debe ser un código ISO 3166-1 alfa-2 conocido, distinto de PE',
        'Must be a known ISO 3166-1 alpha-2 code other than PE',
      ),
    );
    return {};
  };
  const code = (field: string, value: unknown, codes: readonly string[]): Specific => {
    const checked = checkCode(problems, field, value, codes);
    return checked === undefined ? {} : { [field]: checked };
  };
  switch (kind) {
    case 'consent': {
      const given = checkBoolean(problems, 'given', data.given);
      return given === undefined ? {} : { given };
    }
    case 'shelter_admission': {
      const shelterName = checkRequiredText(problems, 'shelterName', data.shelterName, SHELTER_NAME_MAX_LENGTH);
      return shelterName === undefined ? {} : { shelterName };
    }
    case 'shelter_exit':
      return code('exitReason', data.exitReason, SHELTER_EXIT_REASONS);
    case 'service':
      return code('service', data.service, ASSISTANCE_SERVICES);
    case 'reintegration':
      return code('reintegration', data.reintegration, REINTEGRATION_KINDS);
    case 'migratory_status':
      return code('status', data.status, MIGRATORY_STATUSES);
    case 'regularization':
      return {};
    case 'consular_assistance':
    case 'repatriation':
    case 'voluntary_return':
      return country();
  }
}

const EVENT_TYPES = {
  consent: 'ConsentRecorded',
  shelter_admission: 'ShelterAdmitted',
  shelter_exit: 'ShelterExited',
  service: 'ServiceProvided',
  reintegration: 'ReintegrationRecorded',
  consular_assistance: 'ConsularAssistanceProvided',
  repatriation: 'Repatriated',
  migratory_status: 'MigratoryStatusRecorded',
  regularization: 'Regularized',
  voluntary_return: 'VoluntaryReturnAssisted',
} as const satisfies Record<AssistanceKind, VictimAssistanceEvent['type']>;

function eventOf(kind: AssistanceKind, base: AssistanceActData, specific: Specific): VictimAssistanceEvent {
  return { type: EVENT_TYPES[kind], data: { ...base, ...specific } } as VictimAssistanceEvent;
}

/** Consent first (a refusal may always be recorded); a shelter stay opens once and closes after it opened. */
function checkState(event: VictimAssistanceEvent, state: VictimAssistanceState): void {
  const consent = state.status === 'assisted' ? state.consent : null;
  const shelteredSince = state.status === 'assisted' ? state.shelteredSince : null;
  if (event.type === 'ConsentRecorded') return;
  if (consent !== true) throw assistanceConsentRequired();
  if (event.type === 'ShelterAdmitted' && shelteredSince !== null) throw shelterStayNotAllowed();
  if (event.type === 'ShelterExited') {
    if (shelteredSince === null) throw shelterStayNotAllowed();
    if (Date.parse(event.data.occurredAt) < Date.parse(shelteredSince)) {
      throwIfProblems([problem('occurredAt', 'El egreso no puede ser anterior al ingreso', 'The exit cannot be before the admission')]);
    }
  }
}

/**
 * The acts that may be recorded next for her, so a form offers only those (the decider still decides): consent
 * alone until it is given; a shelter admission or an exit as her stay stands; acts abroad or of migration only
 * where they apply.
 */
export function applicableKinds(state: VictimAssistanceState, victim: AssistedVictim): AssistanceKind[] {
  if (victim.voided) return [];
  if (state.status !== 'assisted' || state.consent !== true) return ['consent'];
  const sheltered = state.shelteredSince !== null;
  return ASSISTANCE_KINDS.filter(
    (kind) => applies(kind, victim) && !(kind === 'shelter_admission' && sheltered) && !(kind === 'shelter_exit' && !sheltered),
  );
}
