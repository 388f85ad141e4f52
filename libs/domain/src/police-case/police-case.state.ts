import { PERSONAL_FIELDS } from '../people/people.codes.js';
import { EXTERNAL_REFERENCE_KINDS, type ExternalReferenceKind } from './police-case.codes.js';
import type {
  CaseFactCorrections,
  CaseOperation,
  CasePersonalData,
  CaseQualificationData,
  CaseRegistered,
  CaseSuspect,
  CaseVictim,
  ExternalReferences,
  PoliceCaseEvent,
  VictimCorrected,
} from './police-case.events.js';

type Registration = Omit<CaseRegistered['data'], keyof CaseQualificationData | 'references'>;

/** What the registration recorded (as corrected since), plus everything identified and done since. */
export interface PoliceCaseFacts extends Registration, CaseQualificationData {
  references: ExternalReferences;
  /** `08-2025-000123`; null until assigned (cases registered before numbers, or a moment after registration). */
  registryNumber: string | null;
  /** Set when this case was marked as reporting the same facts as another: the statistics count the other one. */
  sameAsCaseId: string | null;
  /** Voided people stay listed (marked), counted nowhere and closed to corrections. */
  victims: Array<CaseVictim & { voided: boolean }>;
  suspects: Array<CaseSuspect & { voided: boolean }>;
  operations: CaseOperation[];
  /** Kept past closing: the link to the prosecution stream is what counts a case once across institutions. */
  prosecutionIds: string[];
}

export interface UnregisteredPoliceCase {
  status: 'unregistered';
}

export interface OpenPoliceCase extends PoliceCaseFacts {
  status: 'open';
}

/** Sent to the prosecutor; the police may still identify people and conduct operations. */
export interface ReferredPoliceCase extends PoliceCaseFacts {
  status: 'referred';
}

export interface ClosedPoliceCase extends PoliceCaseFacts {
  status: 'closed';
  closedAt: string;
  reason: string;
}

export type ActivePoliceCase = OpenPoliceCase | ReferredPoliceCase;
export type PoliceCaseState = UnregisteredPoliceCase | ActivePoliceCase | ClosedPoliceCase;

export function initialPoliceCaseState(): PoliceCaseState {
  return { status: 'unregistered' };
}

export const isActivePoliceCase = (state: PoliceCaseState): state is ActivePoliceCase =>
  state.status === 'open' || state.status === 'referred';

/**
 * Total and deterministic: an event that does not apply to the current state (a second registration, a person
 * already listed, a close of a closed case, an unknown type from a newer version) leaves the state unchanged
 * instead of throwing, so a stream can always be replayed. Rejecting is `decide`'s job. Fields are picked one
 * by one so that stray keys of a stored event never leak into the state.
 */
export function evolvePoliceCase(state: PoliceCaseState, event: PoliceCaseEvent): PoliceCaseState {
  switch (event.type) {
    case 'CaseRegistered': {
      if (state.status !== 'unregistered') return state;
      const { caseId, registeredAt, occurredAt, policeUnit, ubigeo, source, referralId, purposes } = event.data;
      const facts = { caseId, registeredAt, occurredAt, policeUnit, ubigeo, source, referralId };
      return {
        status: 'open',
        ...facts,
        purposes: [...purposes],
        ...qualificationOf(event.data),
        references: { ...event.data.references },
        registryNumber: null,
        sameAsCaseId: null,
        victims: [],
        suspects: [],
        operations: [],
        prosecutionIds: [],
      };
    }
    case 'VictimIdentified': {
      const { victimId, sex, age, ageGroup, minor, nationality, personal } = event.data;
      if (!isActivePoliceCase(state) || state.victims.some((victim) => victim.victimId === victimId)) return state;
      const victim = { victimId, sex, age, ageGroup, minor, nationality, personal: personalOf(personal), voided: false };
      return { ...state, victims: [...state.victims, victim] };
    }
    case 'SuspectIdentified': {
      const { suspectId, sex, age, nationality, role } = event.data;
      if (!isActivePoliceCase(state) || state.suspects.some((suspect) => suspect.suspectId === suspectId)) return state;
      return { ...state, suspects: [...state.suspects, { suspectId, sex, age, nationality, role, voided: false }] };
    }
    case 'OperationConducted': {
      const { operationId, conductedAt, rescued, detained } = event.data;
      if (!isActivePoliceCase(state) || state.operations.some((op) => op.operationId === operationId)) return state;
      return { ...state, operations: [...state.operations, { operationId, conductedAt, rescued, detained }] };
    }
    case 'CaseReferredToProsecutor':
      if (state.status !== 'open') return state;
      return { ...state, status: 'referred', prosecutionIds: [...state.prosecutionIds, event.data.prosecutionId] };
    case 'CaseClosed':
      if (!isActivePoliceCase(state)) return state;
      return { ...state, status: 'closed', closedAt: event.data.closedAt, reason: event.data.reason };
    // Corrections fix the record whatever the case's status: they apply to open, referred and closed cases alike.
    case 'CaseFactsCorrected':
      if (state.status === 'unregistered') return state;
      return { ...state, ...correctedFacts(event.data.changes) };
    case 'VictimCorrected': {
      if (state.status === 'unregistered') return state;
      const { victimId, changes } = event.data;
      return {
        ...state,
        victims: state.victims.map((victim) => (victim.victimId === victimId ? correctedVictim(victim, changes) : victim)),
      };
    }
    case 'VictimVoided':
      if (state.status === 'unregistered') return state;
      return {
        ...state,
        victims: state.victims.map((victim) => (victim.victimId === event.data.victimId ? { ...victim, voided: true } : victim)),
      };
    case 'SuspectVoided':
      if (state.status === 'unregistered') return state;
      return {
        ...state,
        suspects: state.suspects.map((suspect) => (suspect.suspectId === event.data.suspectId ? { ...suspect, voided: true } : suspect)),
      };
    case 'CaseReopened': {
      if (state.status !== 'closed') return state;
      const { closedAt: _closedAt, reason: _reason, ...facts } = state;
      return state.prosecutionIds.length > 0 ? { ...facts, status: 'referred' } : { ...facts, status: 'open' };
    }
    case 'CaseMarkedSameFacts':
      if (state.status === 'unregistered' || state.sameAsCaseId !== null) return state;
      return { ...state, sameAsCaseId: event.data.sameAsCaseId };
    case 'ExternalReferencesRecorded':
      if (state.status === 'unregistered') return state;
      return { ...state, references: mergedReferences(state.references, event.data.references) };
    case 'RegistryNumberAssigned':
      if (state.status === 'unregistered' || state.registryNumber !== null) return state;
      return { ...state, registryNumber: event.data.registryNumber };
    default:
      return state;
  }
}

/** The corrected facts only, picked one by one (in CASE_CORRECTABLE_FIELDS order), lists copied. */
function correctedFacts(changes: CaseFactCorrections | undefined): Partial<PoliceCaseFacts> {
  const facts: Partial<PoliceCaseFacts> = {};
  if (changes === undefined) return facts;
  if (changes.registeredAt !== undefined) facts.registeredAt = changes.registeredAt;
  if (changes.occurredAt !== undefined) facts.occurredAt = changes.occurredAt;
  if (changes.policeUnit !== undefined) facts.policeUnit = changes.policeUnit;
  if (changes.ubigeo !== undefined) facts.ubigeo = changes.ubigeo;
  if (changes.purposes !== undefined) facts.purposes = [...changes.purposes];
  const qualification = qualificationOf(changes);
  for (const field of QUALIFICATION_FIELDS) {
    if (changes[field] !== undefined) Object.assign(facts, { [field]: qualification[field] });
  }
  return facts;
}

const QUALIFICATION_FIELDS = [
  'offences',
  'aggravatingCircumstances',
  'places',
  'recruitment',
  'control',
  'labourSectors',
  'sexualExploitation',
] as const satisfies readonly (keyof CaseQualificationData)[];

type StateVictim = PoliceCaseFacts['victims'][number];

function correctedVictim(victim: StateVictim, changes: VictimCorrected['data']['changes'] | undefined): StateVictim {
  if (changes === undefined) return victim;
  const corrected = { ...victim, personal: { ...victim.personal } };
  if (changes.sex !== undefined) corrected.sex = changes.sex;
  if (changes.age !== undefined) corrected.age = changes.age;
  if (changes.ageGroup !== undefined) corrected.ageGroup = changes.ageGroup;
  if (changes.minor !== undefined) corrected.minor = changes.minor;
  if (changes.nationality !== undefined) corrected.nationality = changes.nationality;
  for (const field of PERSONAL_FIELDS) {
    const value = changes.personal?.[field];
    if (value !== undefined) corrected.personal[field] = value;
  }
  return corrected;
}

/** A given kind replaces the earlier value, null removes it; the result keeps EXTERNAL_REFERENCE_KINDS order. */
function mergedReferences(
  current: ExternalReferences,
  recorded: Partial<Record<ExternalReferenceKind, string | null>> | undefined,
): ExternalReferences {
  const merged: ExternalReferences = {};
  for (const kind of EXTERNAL_REFERENCE_KINDS) {
    const value = recorded?.[kind] === undefined ? current[kind] : recorded[kind];
    if (typeof value === 'string') merged[kind] = value;
  }
  return merged;
}

/** Events recorded before the qualification existed read as empty lists and unknown places. */
export function qualificationOf(data: Partial<CaseQualificationData>): CaseQualificationData {
  const places = data.places;
  return {
    offences: [...(data.offences ?? [])],
    aggravatingCircumstances: [...(data.aggravatingCircumstances ?? [])],
    places: { recruitment: places?.recruitment ?? null, transit: [...(places?.transit ?? [])], exploitation: places?.exploitation ?? null },
    recruitment: [...(data.recruitment ?? [])],
    control: [...(data.control ?? [])],
    labourSectors: [...(data.labourSectors ?? [])],
    sexualExploitation: [...(data.sexualExploitation ?? [])],
  };
}

// A missing key of a malformed stored event becomes null rather than undefined, so the state keeps its shape.
function personalOf(personal: Partial<CasePersonalData> | undefined): CasePersonalData {
  const picked: Record<string, string | null> = {};
  for (const field of PERSONAL_FIELDS) picked[field] = personal?.[field] ?? null;
  return picked as CasePersonalData;
}
