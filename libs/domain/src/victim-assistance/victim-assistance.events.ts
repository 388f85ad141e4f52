/**
 * Every act carries what the statistics count it by, as the case knew it when the act was recorded: the case's
 * department, the victim's sex and her age group at the act. So a projection needs no other stream, and an act is
 * counted in the Lima month of its `occurredAt`.
 */
import type { AgeGroup, Sex } from '../people/people.codes.js';
import type { DomainEvent } from '../shared/decider.js';
import type { AssistanceService, MigratoryStatus, ReintegrationKind, ShelterExitReason } from './victim-assistance.codes.js';

export interface AssistanceActData {
  victimId: string;
  caseId: string;
  actId: string;
  occurredAt: string;
  department: string;
  sex: Sex;
  ageGroup: AgeGroup;
  /** Free text, sealed under the victim's key: erasing her erases it. */
  notes: string | null;
}

/** Ley 29733 (protección de datos personales): her consent, given or refused, before any other act. */
export type ConsentRecorded = DomainEvent<'ConsentRecorded', AssistanceActData & { given: boolean }>;
export type ShelterAdmitted = DomainEvent<'ShelterAdmitted', AssistanceActData & { shelterName: string }>;
export type ShelterExited = DomainEvent<'ShelterExited', AssistanceActData & { exitReason: ShelterExitReason }>;
export type ServiceProvided = DomainEvent<'ServiceProvided', AssistanceActData & { service: AssistanceService }>;
export type ReintegrationRecorded = DomainEvent<'ReintegrationRecorded', AssistanceActData & { reintegration: ReintegrationKind }>;
export type ConsularAssistanceProvided = DomainEvent<'ConsularAssistanceProvided', AssistanceActData & { country: string }>;
export type Repatriated = DomainEvent<'Repatriated', AssistanceActData & { country: string }>;
export type MigratoryStatusRecorded = DomainEvent<'MigratoryStatusRecorded', AssistanceActData & { status: MigratoryStatus }>;
export type Regularized = DomainEvent<'Regularized', AssistanceActData>;
export type VoluntaryReturnAssisted = DomainEvent<'VoluntaryReturnAssisted', AssistanceActData & { country: string }>;

export type VictimAssistanceEvent =
  | ConsentRecorded
  | ShelterAdmitted
  | ShelterExited
  | ServiceProvided
  | ReintegrationRecorded
  | ConsularAssistanceProvided
  | Repatriated
  | MigratoryStatusRecorded
  | Regularized
  | VoluntaryReturnAssisted;

export const VICTIM_ASSISTANCE_EVENT_TYPES = [
  'ConsentRecorded',
  'ShelterAdmitted',
  'ShelterExited',
  'ServiceProvided',
  'ReintegrationRecorded',
  'ConsularAssistanceProvided',
  'Repatriated',
  'MigratoryStatusRecorded',
  'Regularized',
  'VoluntaryReturnAssisted',
] as const satisfies readonly VictimAssistanceEvent['type'][];
