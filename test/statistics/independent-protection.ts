import { expect } from '@jest/globals';
/**
 * Witness protection (issue 14 item 4) recomputed straight from the raw events, sharing no code with the
 * projection: each act in its Lima month (fixed UTC−5) and in the department of its prosecution's case as last
 * corrected; a person counts once in each month a measure was granted to them.
 */
type RawEvent = { type: string; data: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
type Expect = (row: string, column: string) => number | null;

const lima = (instant: string) => new Date(Date.parse(instant) - 5 * 3_600_000).toISOString().slice(0, 7);
const T = 'total';
const any = (key: string, value: string) => key === T || key === value;

export interface ProtectionFacts {
  measures: Array<{ period: string; dept: string; measure: string; person: string }>;
  /** One per person and month with a measure granted. */
  persons: Array<{ period: string; dept: string; person: string }>;
  interviews: Array<{ period: string; dept: string }>;
}

export function computeProtectionFacts(events: readonly RawEvent[]): ProtectionFacts {
  const caseDept = new Map<string, string>();
  const caseOf = new Map<string, string>();
  const measures = new Map<string, { period: string; caseId: string; measure: string; person: string }>();
  const persons = new Map<string, { caseId: string; person: string; months: Set<string> }>();
  const interviews = new Map<string, { period: string; caseId: string }>();
  for (const { type, data: d } of events) {
    if (type === 'CaseRegistered') caseDept.set(d.caseId, d.ubigeo ? d.ubigeo.slice(0, 2) : 'unknown');
    if (type === 'CaseFactsCorrected' && typeof d.changes.ubigeo === 'string') caseDept.set(d.caseId, d.changes.ubigeo.slice(0, 2));
    if (type === 'ProsecutionOpened') caseOf.set(d.prosecutionId, d.caseId);
    if (type === 'ProtectionMeasureGranted' && caseOf.has(d.prosecutionId) && !measures.has(d.measureId)) {
      const caseId = caseOf.get(d.prosecutionId)!;
      const period = lima(d.grantedAt);
      measures.set(d.measureId, { period, caseId, measure: d.measure, person: d.protectedPerson });
      if (!persons.has(d.personId)) persons.set(d.personId, { caseId, person: d.protectedPerson, months: new Set() });
      persons.get(d.personId)!.months.add(period);
    }
    if (type === 'GesellInterviewHeld' && caseOf.has(d.prosecutionId) && !interviews.has(d.interviewId))
      interviews.set(d.interviewId, { period: lima(d.heldAt), caseId: caseOf.get(d.prosecutionId)! });
  }
  const deptOf = (caseId: string) => caseDept.get(caseId) ?? 'unknown';
  return {
    measures: [...measures.values()].map((m) => ({ period: m.period, dept: deptOf(m.caseId), measure: m.measure, person: m.person })),
    persons: [...persons.values()].flatMap((p) => [...p.months].map((period) => ({ period, dept: deptOf(p.caseId), person: p.person }))),
    interviews: [...interviews.values()].map((i) => ({ period: i.period, dept: deptOf(i.caseId) })),
  };
}

/** The monthly report's protection tables (national or one department's). */
export function expectedProtectionMonthly(
  facts: ProtectionFacts,
  inScope: (f: { period: string; dept: string }) => boolean,
): Record<string, Expect> {
  const measures = facts.measures.filter(inScope);
  const persons = facts.persons.filter(inScope);
  const interviews = facts.interviews.filter(inScope);
  return {
    protection_measures: (row, col) => {
      if (col === 'measures') return measures.filter((m) => any(row, m.dept)).length;
      if (col === 'gesell_interviews') return interviews.filter((i) => any(row, i.dept)).length;
      const person = col === 'victims' ? 'victim' : 'witness';
      return persons.filter((p) => any(row, p.dept) && p.person === person).length;
    },
    protection_measures_by_measure: (row, col) => measures.filter((m) => any(row, m.measure) && any(col, m.person)).length,
  };
}

/** The INEI annual table: Gesell interviews by department and month of the year. */
export function expectedProtectionInei(facts: ProtectionFacts, year: number): Record<string, Expect> {
  const interviews = facts.interviews.filter((i) => i.period.startsWith(`${year}-`));
  return {
    gesell_interviews_by_department: (row, col) => interviews.filter((i) => any(row, i.dept) && any(col, i.period)).length,
  };
}

/** The generated log exercises every protection figure: victims and witnesses, people in several months, month ends, moves. */
export function expectProtectionExercised(log: readonly RawEvent[], facts: ProtectionFacts): void {
  const granted = log.filter((e) => e.type === 'ProtectionMeasureGranted');
  const held = log.filter((e) => e.type === 'GesellInterviewHeld');
  const check = (what: string, ok: boolean) => expect({ what, ok }).toEqual({ what, ok: true });
  check('measures for victims', facts.measures.filter((m) => m.person === 'victim').length > 100);
  check('measures for witnesses', facts.measures.filter((m) => m.person === 'witness').length > 50);
  check('every measure code', new Set(facts.measures.map((m) => m.measure)).size === 8);
  check('people with several measures in a month', facts.persons.length < facts.measures.length - 50);
  check('people protected in several months', new Set(granted.map((e) => e.data.personId)).size < facts.persons.length - 20);
  check('interviews', facts.interviews.length > 100);
  // Lima's month differs from UTC's for acts within five hours after a UTC month start.
  const utcMonth = (at: string) => at.slice(0, 7);
  check(
    'acts across month ends',
    [...granted.map((e) => e.data.grantedAt), ...held.map((e) => e.data.heldAt)].filter((at) => lima(at) !== utcMonth(at)).length > 20,
  );
  const moved = new Set(
    log.filter((e) => e.type === 'CaseFactsCorrected' && typeof e.data.changes.ubigeo === 'string').map((e) => e.data.caseId),
  );
  const caseOf = new Map(log.filter((e) => e.type === 'ProsecutionOpened').map((e) => [e.data.prosecutionId, e.data.caseId]));
  check('acts of moved cases', [...granted, ...held].filter((e) => moved.has(caseOf.get(e.data.prosecutionId))).length > 5);
}
