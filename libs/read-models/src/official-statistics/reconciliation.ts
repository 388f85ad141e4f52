import type { CaseUnit, Cell, UnitOf, UnitStates } from './statistics-units.js';

/**
 * Reconciliation of institutions (issue 14): each act of the police (denunciation registered), prosecutors
 * (prosecution opened) and courts (trial opened, first-instance ruling) counts in the month of its own act, as
 * linked to the other institutions' records, partly linked or standing alone — links as known at the log
 * position — with the victims recorded in its denunciation.
 *
 * The link is a breakdown of the cells the other tables already count (case.registered d2, prosecution.opened d1,
 * trial.ruling d2): the reconciliation's totals are then the very same statistics cells as the denunciations,
 * investigations and rulings published elsewhere, and the cross-answer control (answer-family.ts) sees them as one.
 */
export type ReconciliationLink = 'linked' | 'partial' | 'alone';

/** What a prosecution or trial remembers of its links, fixed when it is opened. */
export interface ActLinks {
  /** Its denunciation was registered when the act was recorded. */
  denunciation: boolean;
  /** A trial's prosecution was recorded when the trial was opened (always true for a prosecution). */
  prosecution: boolean;
  /** Victims recorded in its denunciation (not voided; none when that denunciation is marked as the same facts). */
  victims: number;
}

const cell = (measure: string, period: string, dept: string, d1: string, d2 = ''): Cell => ({ measure, period, dept, d1, d2, d3: '' });

/** Victims an act takes from its denunciation. */
export const actVictims = (c: CaseUnit | undefined): number => (c && c.sameAs === null ? Object.keys(c.victims).length : 0);

/** A denunciation is linked once a prosecution was opened for it (the funnel's "with a prosecution"). */
export const denunciationLink = (c: CaseUnit): ReconciliationLink => (c.prosecutions.length > 0 ? 'linked' : 'alone');

/** A trial is linked when both its prosecution and its denunciation are found, partial when one of them is. */
export const actLink = (links: ActLinks | undefined): ReconciliationLink | '' =>
  !links ? '' : links.denunciation && links.prosecution ? 'linked' : links.denunciation || links.prosecution ? 'partial' : 'alone';

/** A prosecution: linked when its denunciation is found, else alone ('' for a unit stored before the links). */
export const prosecutionLink = (links: ActLinks | undefined): ReconciliationLink | '' =>
  !links ? '' : links.denunciation ? 'linked' : 'alone';

/** `recon.victims`: one contribution per victim of the act's denunciation, by stage and link. */
const victimCells = (stage: string, period: string, dept: string, link: string, victims: number): Cell[] =>
  Array.from({ length: victims }, () => cell('recon.victims', period, dept, stage, link));

/** The reconciliation's own cells of a denunciation counted (its `case.registered` carries the link). */
export const denunciationReconciliationCells = (c: CaseUnit): Cell[] =>
  victimCells('denunciations', c.period, c.dept, denunciationLink(c), actVictims(c));

export function prosecutionReconciliationCells(p: UnitOf<'prosecution'>): Cell[] {
  if (!p.links || !p.opened) return [];
  return victimCells('prosecutions', p.opened, p.dept, prosecutionLink(p.links), p.links.victims);
}

/** A trial opened (`trial.opened`), its victims, and at a first-instance ruling the victims of the ruling. */
export function trialReconciliationCells(t: UnitOf<'trial'>): Cell[] {
  if (!t.links || !t.opened) return [];
  const link = actLink(t.links);
  const cells = [cell('trial.opened', t.opened, t.dept, link), ...victimCells('trials', t.opened, t.dept, link, t.links.victims)];
  if (t.ruled) cells.push(...victimCells('rulings', t.ruled, t.dept, link, t.links.victims));
  return cells;
}

/** The unit keys of a case's acts, whose victims follow the case's. */
export const actKeysOf = (c: CaseUnit | undefined): string[] =>
  c ? [...c.prosecutions.map((id) => `prosecution:${id}`), ...c.trials.map((id) => `trial:${id}`)] : [];

/** After a change of a case's victims (or its marking as the same facts), its acts' victims follow. */
export function syncActVictims(units: UnitStates, caseId: string): void {
  const c = units.get('case', caseId);
  if (!c) return;
  const victims = actVictims(c);
  for (const id of c.prosecutions) {
    const p = units.get('prosecution', id);
    if (p?.links && p.links.victims !== victims) units.set('prosecution', id, { ...p, links: { ...p.links, victims } });
  }
  for (const id of c.trials) {
    const t = units.get('trial', id);
    if (t?.links && t.links.victims !== victims) units.set('trial', id, { ...t, links: { ...t.links, victims } });
  }
}
