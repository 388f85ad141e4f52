import { PERSONAL_FIELDS } from '../people/people.codes.js';
import type {
  CaseOperation,
  CasePersonalData,
  CaseQualificationData,
  CaseRegistered,
  CaseSuspect,
  CaseVictim,
  ExternalReferences,
  PoliceCaseEvent,
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
    default:
      return state;
  }
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
