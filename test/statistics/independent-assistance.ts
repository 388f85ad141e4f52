import { expect } from '@jest/globals';
import type { RawEvent } from './independent-statistics.js';

/**
 * The victims' assistance tables recomputed from the raw events, sharing no code with the projection: each act
 * once (by actId), in the Lima month of its date (fixed UTC−5), in its case's department as last corrected, by the
 * sex and age group it carries; a voided victim's acts and a refused consent are not counted.
 */
export interface AssistanceFact {
  period: string;
  dept: string;
  column: string;
  sex: string;
  ageGroup: string;
  service: string | null;
}

const COLUMN: Record<string, string> = {
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

const lima = (instant: string) => new Date(Date.parse(instant) - 5 * 3_600_000).toISOString().slice(0, 7);

export function assistanceFacts(events: readonly RawEvent[]): AssistanceFact[] {
  const caseDept = new Map<string, string>();
  const voided = new Set<string>();
  const acts = new Map<string, { victimId: string; caseId: string; fact: Omit<AssistanceFact, 'dept'>; dept: string }>();
  for (const { type, data: d } of events) {
    if (type === 'CaseRegistered') caseDept.set(d.caseId, d.ubigeo ? d.ubigeo.slice(0, 2) : 'unknown');
    if (type === 'CaseFactsCorrected' && d.changes.ubigeo) caseDept.set(d.caseId, d.changes.ubigeo.slice(0, 2));
    if (type === 'VictimVoided') voided.add(d.victimId);
    if (!(type in COLUMN) || acts.has(d.actId) || (type === 'ConsentRecorded' && !d.given)) continue;
    const fact = { period: lima(d.occurredAt), column: COLUMN[type], sex: d.sex, ageGroup: d.ageGroup, service: d.service ?? null };
    acts.set(d.actId, { victimId: d.victimId, caseId: d.caseId, fact, dept: d.department });
  }
  return [...acts.values()].filter((a) => !voided.has(a.victimId)).map((a) => ({ ...a.fact, dept: caseDept.get(a.caseId) ?? a.dept }));
}

type Expect = (row: string, column: string) => number | null;
const any = (key: string, value: string) => key === 'total' || key === value;

/** What each cell of the four assistance tables must say, for the facts in a report's scope. */
export function expectedAssistance(
  all: readonly AssistanceFact[],
  inScope: (f: { period: string; dept: string }) => boolean,
): Record<string, Expect> {
  const facts = all.filter(inScope);
  const count = (keep: (f: AssistanceFact) => boolean) => facts.filter(keep).length;
  return {
    victim_assistance_by_department: (row, col) => count((f) => any(row, f.dept) && f.column === col),
    victim_assistance_by_sex: (row, col) => count((f) => any(row, f.sex) && f.column === col),
    victim_assistance_by_age: (row, col) => count((f) => any(row, f.ageGroup) && f.column === col),
    victim_assistance_services: (row) => count((f) => f.service !== null && any(row, f.service)),
  };
}

/** The generated log exercises what the assistance tables must get right (assistance-dataset.ts). */
export function expectAssistanceExercised(log: readonly RawEvent[], facts: readonly AssistanceFact[]): void {
  const acts = log.filter((e) => e.type in COLUMN);
  const voided = new Set(log.filter((e) => e.type === 'VictimVoided').map((e) => e.data.victimId));
  const moved = new Set(log.filter((e) => e.type === 'CaseFactsCorrected' && e.data.changes.ubigeo).map((e) => e.data.caseId));
  const ids = acts.map((e) => e.data.actId);
  const exercised = {
    acts: facts.length > 1000,
    acrossMonthEnds: acts.filter((e) => lima(e.data.occurredAt) !== e.data.occurredAt.slice(0, 7)).length > 50,
    ofVoidedVictims: acts.filter((e) => voided.has(e.data.victimId)).length > 5,
    retriesSeenTwice: ids.length - new Set(ids).size > 10,
    refusedConsents: acts.filter((e) => e.type === 'ConsentRecorded' && !e.data.given).length > 20,
    inMovedCases: acts.filter((e) => moved.has(e.data.caseId)).length > 5,
    abroad: facts.filter((f) => f.column === 'repatriated').length > 10,
    foreigners: facts.filter((f) => f.column === 'voluntary_return').length > 5,
  };
  expect(exercised).toEqual(Object.fromEntries(Object.keys(exercised).map((k) => [k, true])));
}
