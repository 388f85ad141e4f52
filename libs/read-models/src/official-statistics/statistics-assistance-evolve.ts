import { limaMonth, VICTIM_ASSISTANCE_EVENT_TYPES, type VictimAssistanceEvent } from '#domain';
import type { Recorded } from '../shared/registry-events.js';
import type { AssistanceAct, UnitStates } from './statistics-units.js';

/**
 * A victim's assistance as the statistics count it: acts, not people (a victim sheltered twice in a month is two
 * admissions), each in the Lima month of its date, in her case's department (moved with it by a correction), by
 * her sex and her age group at the act as recorded with it. A voided victim's acts count nowhere; a refused
 * consent is not an act of assistance.
 */
const COLUMN_OF: Record<VictimAssistanceEvent['type'], string> = {
  ConsentRecorded: 'consented',
  ShelterAdmitted: 'sheltered',
  ShelterExited: 'shelter_exits',
  ServiceProvided: 'services',
  ReintegrationRecorded: 'reintegrated',
  ConsularAssistanceProvided: 'consular_assisted',
  Repatriated: 'repatriated',
  MigratoryStatusRecorded: 'migratory_status',
  Regularized: 'regularized',
  VoluntaryReturnAssisted: 'voluntary_return',
};

const TYPES: ReadonlySet<string> = new Set(VICTIM_ASSISTANCE_EVENT_TYPES);
const isAssistanceEvent = (event: Recorded): event is Recorded<VictimAssistanceEvent> => TYPES.has(event.type);

export const assistanceKey = (victimId: string) => `assistance:${victimId}`;

/** The unit keys an assistance event changes (its victim's assistance); undefined for other events. */
export function assistanceAffectedKeys(event: Recorded): string[] | undefined {
  return isAssistanceEvent(event) ? [assistanceKey(event.data.victimId)] : undefined;
}

/** Applies an assistance event (true), or leaves it to the caller (false). */
export function applyAssistanceEvent(event: Recorded, units: UnitStates): boolean {
  if (!isAssistanceEvent(event)) return false;
  const d = event.data;
  const unit = units.get('assistance', d.victimId) ?? {
    kind: 'assistance' as const,
    caseId: d.caseId,
    dept: units.get('case', d.caseId)?.dept ?? d.department,
    voided: false,
    acts: [],
  };
  if (unit.acts.some((act) => act.actId === d.actId)) return true;
  const column = event.type === 'ConsentRecorded' && !event.data.given ? null : COLUMN_OF[event.type];
  const act: AssistanceAct = {
    actId: d.actId,
    period: limaMonth(d.occurredAt),
    column,
    sex: d.sex,
    ageGroup: d.ageGroup,
    service: event.type === 'ServiceProvided' ? event.data.service : null,
  };
  units.set('assistance', d.victimId, { ...unit, acts: [...unit.acts, act] });
  return true;
}

/** A voided victim's assistance counts nowhere. */
export function voidAssistance(units: UnitStates, victimId: string): void {
  const unit = units.get('assistance', victimId);
  if (unit && !unit.voided) units.set('assistance', victimId, { ...unit, voided: true });
}

/** Her assistance follows her case's department when it is corrected. */
export function moveAssistance(units: UnitStates, victimIds: readonly string[], dept: string): void {
  for (const victimId of victimIds) {
    const unit = units.get('assistance', victimId);
    if (unit && unit.dept !== dept) units.set('assistance', victimId, { ...unit, dept });
  }
}
