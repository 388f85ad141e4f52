import {
  actLink,
  denunciationLink,
  denunciationReconciliationCells,
  prosecutionLink,
  prosecutionReconciliationCells,
  trialReconciliationCells,
  type ActLinks,
} from './reconciliation.js';
import { networkCells, type NetworkUnit } from './statistics-network-evolve.js';
import { referralDeadlineCells } from './referral-deadline-cells.js';

/**
 * Every counted unit (call, referral, denunciation, victim, prosecution, trial, police operation) as the statistics
 * see it, and the cells it contributes to. A change of a unit is the difference between its cells before and after the event;
 * the ledger records those differences with the event's log position, so a report "as of P" is the sum of
 * the ledger up to P, and corrections move a unit from one cell to another instead of rewriting history.
 */
export type Unit =
  | { kind: 'call'; period: string; dept: string; trafficking: boolean; closed: boolean }
  | ({
      kind: 'referral';
      period: string;
      dept: string;
      to: string;
      source: string;
      status: string;
      referredAt: string;
      hours: number | null;
    } & ReferralDeadline)
  | CaseUnit
  // Keyed by the identity document's random link id when there is one (`victim:link:<linkId>`), else by victimId.
  // `scope: 'department'`: the same person deduplicated within one department only (`victim:local:…`), counted
  // in the `victim.dept` measures that department reports read.
  | { kind: 'victim'; records: VictimRecord[]; scope?: 'department' }
  | {
      kind: 'prosecution';
      caseId: string;
      dept: string;
      opened: string | null;
      accused: string | null;
      archived: string | null;
      dismissed: string | null;
      /** Reconciliation (reconciliation.ts); absent in units stored before it, which then count there nowhere. */
      links?: ActLinks;
    }
  | { kind: 'trial'; caseId: string | null; dept: string; ruled: string | null; verdict: string | null; opened?: string; links?: ActLinks }
  // A police operation: in the month it was conducted (Lima), in its denunciation's department.
  | { kind: 'operation'; caseId: string; period: string; dept: string; rescued: number; detained: number }
  | NetworkUnit
  // Witness protection (statistics-protection-evolve.ts): in the Lima month of the act, the prosecution's case's department.
  | { kind: 'protection'; caseId: string; period: string; dept: string; person: string; measure: string }
  | { kind: 'protectedPerson'; caseId: string; dept: string; person: string; months: string[] }
  | { kind: 'gesell'; caseId: string; period: string; dept: string }
  // A victim's assistance acts (statistics-assistance-evolve.ts), keyed by her victimId.
  | { kind: 'assistance'; caseId: string; dept: string; voided: boolean; acts: AssistanceAct[] };

/**
 * A referral's deadline and answer (referral-deadline-cells.ts). Absent in units stored before deadlines were
 * counted: such a unit adds no deadline cell until the rebuild (migration 1764201601440) recomputes it.
 */
export interface ReferralDeadline {
  /** referredAt plus the deadline in force (recorded on the ReferralSent, else the destination's default). */
  deadlineAt?: string;
  /** The first answer, acceptance or rejection; null while unanswered. */
  answeredAt?: string | null;
  /** A revocation before any answer: the referral stops waiting. */
  revokedAt?: string | null;
}

/** One act of a victim's assistance: its Lima month, its column in the tables (null: not counted), her sex and age at it. */
export interface AssistanceAct {
  actId: string;
  period: string;
  column: string | null;
  sex: string;
  ageGroup: string;
  service: string | null;
}

/**
 * A denunciation. Its qualification as the statistics read it: offence categories (offenceCategoryOf of each code),
 * the department of the place of exploitation (`abroad:<country>` abroad, 'unknown' when not recorded). It also
 * remembers the units that take its facts — its victims (victimId → link id), prosecutions, trials and police
 * operations — so that a correction of its facts moves them too.
 */
export interface CaseUnit {
  kind: 'case';
  period: string;
  dept: string;
  source: string;
  purposes: string[];
  suspects: number;
  investigation: boolean;
  accusation: boolean;
  ruling: boolean;
  offences: string[];
  aggravating: string[];
  place: string;
  recruitment: string[];
  labourSectors: string[];
  sexualExploitation: string[];
  /** The case it was marked as the same facts as: then it, and its victims' records, count nowhere. */
  sameAs: string | null;
  victims: Record<string, string | null>;
  prosecutions: string[];
  trials: string[];
  operations: string[];
  /** Unit keys of its prosecutions' protection measures, protected people and Gesell interviews. */
  protections?: string[];
}

/** What a victim's record takes from its denunciation. */
export type VictimCaseFacts = Pick<CaseUnit, 'period' | 'dept' | 'purposes' | 'place' | 'recruitment' | 'labourSectors'> & {
  counted: boolean;
};

/**
 * One VictimIdentified of the person, in log order (`seq`: its log position). The person counts once, as her first
 * record that still counts (not voided: voiding removes the record; its case not marked as the same facts).
 */
export interface VictimRecord {
  seq: number;
  caseId: string;
  victimId: string;
  sex: string;
  ageGroup: string;
  nationality: string;
  facts: VictimCaseFacts;
}

export const victimFactsOf = (c: CaseUnit): VictimCaseFacts => ({
  period: c.period,
  dept: c.dept,
  purposes: c.purposes,
  place: c.place,
  recruitment: c.recruitment,
  labourSectors: c.labourSectors,
  counted: c.sameAs === null,
});

export type UnitKind = Unit['kind'];
export type UnitOf<K extends UnitKind> = Extract<Unit, { kind: K }>;

/** A cell: measure, month (YYYY-MM, Lima), department, up to three breakdown codes. */
export interface Cell {
  measure: string;
  period: string;
  dept: string;
  d1: string;
  d2: string;
  d3: string;
}

export const cellKey = (c: Cell) => `${c.measure}|${c.period}|${c.dept}|${c.d1}|${c.d2}|${c.d3}`;

export function parseCellKey(key: string): Cell {
  const [measure, period, dept, d1, d2, d3] = key.split('|');
  return { measure, period, dept, d1, d2, d3 };
}

const cell = (measure: string, period: string, dept: string, d1 = '', d2 = '', d3 = ''): Cell => ({ measure, period, dept, d1, d2, d3 });

const orUnknown = (purposes: string[]) => (purposes.length > 0 ? purposes : ['unknown']);

export function contributions(unit: Unit | undefined): Cell[] {
  if (!unit) return [];
  switch (unit.kind) {
    case 'call': {
      const cells = [cell('call.received', unit.period, unit.dept)];
      if (unit.trafficking) cells.push(cell('call.trafficking', unit.period, unit.dept));
      if (unit.closed) cells.push(cell('call.closed', unit.period, unit.dept));
      return cells;
    }
    case 'referral': {
      const cells = [
        cell('referral.sent', unit.period, unit.dept, unit.to, unit.source),
        cell('referral.status', unit.period, unit.dept, unit.to, unit.source, unit.status),
      ];
      // Hours as text in the cell: the median needs the values themselves, and both read paths see the same ones.
      if (unit.hours !== null) cells.push(cell('referral.hours', unit.period, unit.dept, unit.to, unit.source, String(unit.hours)));
      return [...cells, ...referralDeadlineCells(unit)];
    }
    case 'case':
      return caseCells(unit);
    case 'victim':
      return victimCells(unit);
    case 'prosecution': {
      const cells: Cell[] = [];
      for (const stage of ['opened', 'accused', 'archived', 'dismissed'] as const) {
        const month = unit[stage];
        // The opening carries its link to the denunciation (reconciliation.ts).
        if (month) cells.push(cell(`prosecution.${stage}`, month, unit.dept, stage === 'opened' ? prosecutionLink(unit.links) : ''));
      }
      return [...cells, ...prosecutionReconciliationCells(unit)];
    }
    case 'trial': {
      const ruling = unit.ruled && unit.verdict ? [cell('trial.ruling', unit.ruled, unit.dept, unit.verdict, actLink(unit.links))] : [];
      return [...ruling, ...trialReconciliationCells(unit)];
    }
    case 'operation': {
      // Each person rescued or detained is a contribution of its own (the ledger's cells are multisets): the
      // sums of people are then counts like any other, under the same disclosure control (docs/statistics.md).
      const cells = [cell('operation.conducted', unit.period, unit.dept)];
      for (let i = 0; i < unit.rescued; i++) cells.push(cell('operation.rescued', unit.period, unit.dept));
      for (let i = 0; i < unit.detained; i++) cells.push(cell('operation.detained', unit.period, unit.dept));
      return cells;
    }
    case 'network':
      return networkCells(unit);
    case 'protection':
      return [cell('protection.granted', unit.period, unit.dept, unit.measure, unit.person)];
    case 'protectedPerson':
      return unit.months.map((period) => cell('protection.person', period, unit.dept, unit.person));
    case 'gesell':
      return [cell('protection.gesell', unit.period, unit.dept)];
    case 'assistance':
      return unit.voided ? [] : unit.acts.flatMap((a) => assistanceCells(a, unit.dept));
  }
}

function assistanceCells(act: AssistanceAct, dept: string): Cell[] {
  if (act.column === null) return [];
  const cells = [cell('assistance.act', act.period, dept, act.column, act.sex, act.ageGroup)];
  if (act.service !== null) cells.push(cell('assistance.service', act.period, dept, act.service));
  return cells;
}

function caseCells(unit: CaseUnit): Cell[] {
  if (unit.sameAs !== null) return [];
  const { period, dept } = unit;
  const cells = [cell('case.registered', period, dept, unit.source, denunciationLink(unit))];
  for (const purpose of orUnknown(unit.purposes)) cells.push(cell('case.purpose', period, dept, purpose));
  if (unit.suspects > 0) cells.push(cell('case.identified', period, dept));
  for (const stage of ['investigation', 'accusation', 'ruling'] as const) {
    if (unit[stage]) cells.push(cell('case.funnel', period, dept, stage));
  }
  for (const category of orUnknown(unit.offences)) cells.push(cell('case.offence', period, dept, category));
  for (const circumstance of orUnknown(unit.aggravating)) cells.push(cell('case.aggravating', period, dept, circumstance));
  return [...cells, ...denunciationReconciliationCells(unit)];
}

/** Purposes whose denunciations the table by economic sector counts (with no sector recorded: 'unknown'). */
export const LABOUR_PURPOSES: readonly string[] = ['labour_exploitation', 'forced_labour'];

/** Peruvian, foreign or unknown: the columns of the victims by place of exploitation (plan objectives OE8, OE9). */
export const nationalityClass = (nationality: string) =>
  nationality === 'PE' ? 'peruvian' : nationality === 'unknown' || nationality === '' ? 'unknown' : 'foreign';

function victimCells(unit: UnitOf<'victim'>): Cell[] {
  const record = unit.records.find((r) => r.facts.counted);
  if (!record) return [];
  const measure = unit.scope === 'department' ? 'victim.dept' : 'victim';
  const { period, dept, purposes, labourSectors } = record.facts;
  const cells = [cell(measure, period, dept, record.sex, record.ageGroup, record.nationality)];
  for (const purpose of orUnknown(purposes)) cells.push(cell(`${measure}.purpose`, period, dept, purpose));
  cells.push(cell(`${measure}.place`, period, dept, record.facts.place, nationalityClass(record.nationality)));
  for (const method of orUnknown(record.facts.recruitment)) cells.push(cell(`${measure}.recruitment`, period, dept, method));
  const labour = labourSectors.length > 0 || purposes.some((p) => LABOUR_PURPOSES.includes(p));
  if (labour) for (const section of orUnknown(labourSectors)) cells.push(cell(`${measure}.sector`, period, dept, section));
  return cells;
}

type OldCaseUnit = Pick<
  CaseUnit,
  'kind' | 'period' | 'dept' | 'source' | 'purposes' | 'suspects' | 'investigation' | 'accusation' | 'ruling'
>;

/**
 * A unit as stored by an earlier version (without the qualification, or a victim without records): the missing
 * lists empty, places unknown, so old units count as 'unknown' like old events. A victim stored before records
 * keeps its cells but no case can move it: rebuilding the projection gives every unit its current shape.
 */
export function upgradeUnit(stored: Unit): Unit {
  if (stored.kind === 'case') {
    const defaults: Omit<CaseUnit, keyof OldCaseUnit> = {
      offences: [],
      aggravating: [],
      place: 'unknown',
      recruitment: [],
      labourSectors: [],
      sexualExploitation: [],
      sameAs: null,
      victims: {},
      prosecutions: [],
      trials: [],
      operations: [],
    };
    // Stored keys first, in their order, then only the missing defaults: a unit read back serializes as it was written.
    const missing = Object.entries(defaults).filter(([key]) => !(key in stored));
    return { ...stored, ...Object.fromEntries(missing) } as Unit;
  }
  if (stored.kind === 'victim' && !Array.isArray(stored.records)) {
    const old = stored as unknown as {
      period: string;
      dept: string;
      sex: string;
      ageGroup: string;
      nationality: string;
      purposes: string[];
    };
    const facts = {
      period: old.period,
      dept: old.dept,
      purposes: old.purposes,
      place: 'unknown',
      recruitment: [],
      labourSectors: [],
      counted: true,
    };
    const record = { seq: 0, caseId: '', victimId: '', sex: old.sex, ageGroup: old.ageGroup, nationality: old.nationality, facts };
    return { kind: 'victim', records: [record], ...(stored.scope ? { scope: stored.scope } : {}) };
  }
  return stored;
}

/** The units' current states, keyed `kind:id`, as loaded for a batch and changed by its events. */
export class UnitStates {
  readonly changed = new Set<string>();
  constructor(readonly states: Map<string, Unit>) {}

  get<K extends UnitKind>(kind: K, id: string | null | undefined): UnitOf<K> | undefined {
    return id ? (this.states.get(`${kind}:${id}`) as UnitOf<K> | undefined) : undefined;
  }

  set(kind: UnitKind, id: string, unit: Unit): void {
    this.states.set(`${kind}:${id}`, unit);
    this.changed.add(`${kind}:${id}`);
  }
}
