import { limaMonth } from '#domain';
import type { Recorded } from '../shared/registry-events.js';
import type { CaseUnit, UnitStates } from './statistics-units.js';

/**
 * Witness protection (Meta 15) as statistical units: a measure granted (`protection:<measureId>`), a protected
 * person (`protectedPerson:<personId>`, counted once in each month a measure was granted to them) and an interview
 * in a Gesell chamber (`gesell:<interviewId>`). Each counts as an act, in the Lima month of the act and the
 * department of the prosecution's case; the case remembers their keys so a correction of its department moves them.
 */
export function protectionAffectedKeys(event: Recorded, units: UnitStates): string[] | undefined {
  switch (event.type) {
    case 'ProtectionMeasureGranted': {
      const d = event.data;
      const caseKey = `case:${units.get('prosecution', d.prosecutionId)?.caseId}`;
      return [`protection:${d.measureId}`, `protectedPerson:${d.personId}`, caseKey];
    }
    case 'GesellInterviewHeld':
      return [`gesell:${event.data.interviewId}`, `case:${units.get('prosecution', event.data.prosecutionId)?.caseId}`];
    default:
      return undefined;
  }
}

/** True when the event was a protection event (applied or, for an unknown prosecution or a repeated id, ignored). */
export function applyProtectionEvent(event: Recorded, units: UnitStates): boolean {
  switch (event.type) {
    case 'ProtectionMeasureGranted': {
      const d = event.data;
      const prosecution = units.get('prosecution', d.prosecutionId);
      if (!prosecution || units.get('protection', d.measureId)) return true;
      const { caseId, dept } = prosecution;
      const period = limaMonth(d.grantedAt);
      units.set('protection', d.measureId, { kind: 'protection', caseId, period, dept, person: d.protectedPerson, measure: d.measure });
      const person = units.get('protectedPerson', d.personId);
      if (!person)
        units.set('protectedPerson', d.personId, { kind: 'protectedPerson', caseId, dept, person: d.protectedPerson, months: [period] });
      else if (!person.months.includes(period)) units.set('protectedPerson', d.personId, { ...person, months: [...person.months, period] });
      remember(units, caseId, [`protection:${d.measureId}`, `protectedPerson:${d.personId}`]);
      return true;
    }
    case 'GesellInterviewHeld': {
      const d = event.data;
      const prosecution = units.get('prosecution', d.prosecutionId);
      if (!prosecution || units.get('gesell', d.interviewId)) return true;
      const { caseId, dept } = prosecution;
      units.set('gesell', d.interviewId, { kind: 'gesell', caseId, period: limaMonth(d.heldAt), dept });
      remember(units, caseId, [`gesell:${d.interviewId}`]);
      return true;
    }
    default:
      return false;
  }
}

function remember(units: UnitStates, caseId: string, keys: string[]): void {
  const c = units.get('case', caseId);
  if (!c) return;
  const known = c.protections ?? [];
  const added = keys.filter((key) => !known.includes(key));
  if (added.length > 0) units.set('case', caseId, { ...c, protections: [...known, ...added] });
}

/** A case moved to another department takes its protection units along. */
export function moveProtections(units: UnitStates, after: CaseUnit): void {
  for (const key of after.protections ?? []) {
    const unit = units.states.get(key);
    if (unit && (unit.kind === 'protection' || unit.kind === 'protectedPerson' || unit.kind === 'gesell') && unit.dept !== after.dept) {
      units.set(unit.kind, key.slice(key.indexOf(':') + 1), { ...unit, dept: after.dept });
    }
  }
}
