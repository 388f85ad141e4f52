/**
 * Every counted unit (call, referral, denunciation, victim, prosecution, trial) as the statistics see it, and the
 * cells it contributes to. A change of a unit is the difference between its cells before and after the event;
 * the ledger records those differences with the event's log position, so a report "as of P" is the sum of
 * the ledger up to P, and corrections move a unit from one cell to another instead of rewriting history.
 */
export type Unit =
  | { kind: 'call'; period: string; dept: string; trafficking: boolean; closed: boolean }
  | {
      kind: 'referral';
      period: string;
      dept: string;
      to: string;
      source: string;
      status: string;
      referredAt: string;
      hours: number | null;
    }
  | {
      kind: 'case';
      period: string;
      dept: string;
      source: string;
      purposes: string[];
      suspects: number;
      investigation: boolean;
      accusation: boolean;
      ruling: boolean;
    }
  // Keyed by the identity document's random link id when there is one (`victim:link:<linkId>`), else by victimId.
  // `scope: 'department'`: the same person deduplicated within one department only (`victim:local:…`), counted
  // in the `victim.dept` measures that department reports read.
  | {
      kind: 'victim';
      period: string;
      dept: string;
      sex: string;
      ageGroup: string;
      nationality: string;
      purposes: string[];
      scope?: 'department';
    }
  | {
      kind: 'prosecution';
      caseId: string;
      dept: string;
      opened: string | null;
      accused: string | null;
      archived: string | null;
      dismissed: string | null;
    }
  | { kind: 'trial'; caseId: string | null; dept: string; ruled: string | null; verdict: string | null };

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
      return cells;
    }
    case 'case': {
      const cells = [cell('case.registered', unit.period, unit.dept, unit.source)];
      for (const purpose of orUnknown(unit.purposes)) cells.push(cell('case.purpose', unit.period, unit.dept, purpose));
      if (unit.suspects > 0) cells.push(cell('case.identified', unit.period, unit.dept));
      for (const stage of ['investigation', 'accusation', 'ruling'] as const) {
        if (unit[stage]) cells.push(cell('case.funnel', unit.period, unit.dept, stage));
      }
      return cells;
    }
    case 'victim': {
      const measure = unit.scope === 'department' ? 'victim.dept' : 'victim';
      const cells = [cell(measure, unit.period, unit.dept, unit.sex, unit.ageGroup, unit.nationality)];
      for (const purpose of orUnknown(unit.purposes)) cells.push(cell(`${measure}.purpose`, unit.period, unit.dept, purpose));
      return cells;
    }
    case 'prosecution': {
      const cells: Cell[] = [];
      for (const stage of ['opened', 'accused', 'archived', 'dismissed'] as const) {
        const month = unit[stage];
        if (month) cells.push(cell(`prosecution.${stage}`, month, unit.dept));
      }
      return cells;
    }
    case 'trial':
      return unit.ruled && unit.verdict ? [cell('trial.ruling', unit.ruled, unit.dept, unit.verdict)] : [];
  }
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
