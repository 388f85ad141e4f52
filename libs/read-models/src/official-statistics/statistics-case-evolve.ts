import {
  departmentOfUbigeo,
  limaMonth,
  OFFENCE_CATEGORIES,
  offenceCategoryOf,
  type CasePlace,
  type CaseRegistered,
  type OperationConducted,
  type VictimCorrected,
  type VictimIdentified,
  type VictimVoided,
} from '#domain';
import { moveProtections } from './statistics-protection-evolve.js';
import type { Recorded } from '../shared/registry-events.js';
import { actKeysOf } from './reconciliation.js';
import { assistanceKey, moveAssistance, voidAssistance } from './statistics-assistance-evolve.js';
import { victimFactsOf, type CaseUnit, type UnitStates, type VictimRecord } from './statistics-units.js';

/**
 * How the events of a denunciation change its unit and those of its victims. A victim's unit holds a record per
 * VictimIdentified of the person (one document, several denunciations), each with its denunciation's facts: a
 * correction of the facts rewrites them in every record of the case, a victim's correction or void changes or
 * removes its record (a new document moves it to the unit of that document), and the person counts as her first
 * record still counted — so each count moves by exactly what the correction changed.
 */

/** What identifies a victim in an event (VictimIdentified's data). */
interface VictimIds {
  victimId: string;
  linkId?: string | null;
}

/**
 * A victim is one person however many denunciations name them: with an identity document, the unit is keyed by
 * its random link id, else by the victimId. An event's `documentHash` (recorded before link ids) is never a key:
 * the projection maps it to its link id first (statistics-ledger.projection.ts).
 */
export const victimUnitId = (d: VictimIds) => (typeof d.linkId === 'string' && d.linkId !== '' ? `link:${d.linkId}` : d.victimId);

/**
 * The same person as a department's reports count them: deduplicated only among that department's denunciations,
 * so a department's figures never depend on whether the document was registered in another department (else a
 * regional user could register a throw-away case with a document and learn from its own exact count whether that
 * document exists anywhere in Peru).
 */
export const departmentVictimUnitId = (d: VictimIds, department: string) =>
  typeof d.linkId === 'string' && d.linkId !== '' ? `local:link:${d.linkId}:${department}` : `local:id:${d.victimId}`;

/** Department of a place in Peru, `abroad:<country>` abroad, 'unknown' when not recorded. */
export const placeKey = (place: CasePlace | null | undefined): string =>
  !place ? 'unknown' : 'ubigeo' in place ? departmentOfUbigeo(place.ubigeo) : `abroad:${place.country}`;

/** The statistical categories of the offence codes, once each, in their catalog's order. */
export const offenceCategories = (codes: readonly string[] | undefined): string[] => {
  const categories = new Set<string>((codes ?? []).map(offenceCategoryOf));
  return [...OFFENCE_CATEGORIES, 'unknown'].filter((c) => categories.has(c));
};

/** Both units of each of the case's victims: all of Peru's and its department's. */
function victimKeysOf(c: CaseUnit, dept = c.dept): string[] {
  return Object.entries(c.victims).flatMap(([victimId, linkId]) => [
    `victim:${victimUnitId({ victimId, linkId })}`,
    `victim:${departmentVictimUnitId({ victimId, linkId }, dept)}`,
  ]);
}

/** The unit keys a case event changes; undefined for other events. */
export function caseAffectedKeys(event: Recorded, units: UnitStates): string[] | undefined {
  switch (event.type) {
    case 'CaseRegistered':
    case 'SuspectIdentified':
    case 'SuspectVoided':
      return [`case:${event.data.caseId}`];
    case 'VictimIdentified':
    case 'VictimVoided':
    case 'VictimCorrected': {
      const d = event.data;
      const c = units.get('case', d.caseId);
      if (!c) return [];
      const known = event.type === 'VictimIdentified' ? d : { victimId: d.victimId, linkId: c.victims[d.victimId] };
      const keys = [`case:${d.caseId}`, `victim:${victimUnitId(known)}`, `victim:${departmentVictimUnitId(known, c.dept)}`];
      // Its acts count its victims in the reconciliation.
      if (event.type !== 'VictimCorrected') keys.push(...actKeysOf(c));
      if (event.type === 'VictimVoided') keys.push(assistanceKey(d.victimId));
      if (event.type === 'VictimCorrected' && 'linkId' in d) {
        const moved = { victimId: d.victimId, linkId: d.linkId ?? null };
        keys.push(`victim:${victimUnitId(moved)}`, `victim:${departmentVictimUnitId(moved, c.dept)}`);
      }
      return [...new Set(keys)];
    }
    case 'CaseFactsCorrected':
    case 'CaseMarkedSameFacts': {
      const c = units.get('case', event.data.caseId);
      if (!c) return [];
      const changes = event.type === 'CaseFactsCorrected' ? event.data.changes : {};
      const moved = typeof changes.ubigeo === 'string' ? victimKeysOf(c, departmentOfUbigeo(changes.ubigeo)) : [];
      return [
        ...new Set([
          `case:${event.data.caseId}`,
          ...victimKeysOf(c),
          ...moved,
          ...c.prosecutions.map((id) => `prosecution:${id}`),
          ...c.trials.map((id) => `trial:${id}`),
          ...c.operations.map((id) => `operation:${id}`),
          ...(c.protections ?? []),
          ...Object.keys(c.victims).map(assistanceKey),
        ]),
      ];
    }
    case 'OperationConducted':
      return [`operation:${event.data.operationId}`, `case:${event.data.caseId}`];
    // A reopened case counts as it did: no figure depends on whether a case is open or closed.
    case 'CaseReopened':
      return [];
    default:
      return undefined;
  }
}

/** Applies a case event (true), or leaves it to the caller (false). */
export function applyCaseEvent(event: Recorded, units: UnitStates, position: number): boolean {
  switch (event.type) {
    case 'CaseRegistered': {
      const d = event.data;
      if (!units.get('case', d.caseId)) units.set('case', d.caseId, registered(d));
      return true;
    }
    case 'SuspectIdentified':
      updateCase(units, event.data.caseId, (c) => ({ ...c, suspects: c.suspects + 1 }));
      return true;
    case 'SuspectVoided':
      updateCase(units, event.data.caseId, (c) => ({ ...c, suspects: Math.max(0, c.suspects - 1) }));
      return true;
    case 'VictimIdentified':
      identify(event.data, units, position);
      return true;
    case 'VictimCorrected':
      correctVictim(event.data, units);
      return true;
    case 'VictimVoided':
      voidVictim(event.data, units);
      return true;
    case 'CaseFactsCorrected': {
      const { changes } = event.data;
      moveCase(units, event.data.caseId, (c) => ({
        ...c,
        ...(typeof changes.registeredAt === 'string' ? { period: limaMonth(changes.registeredAt) } : {}),
        ...(typeof changes.ubigeo === 'string' ? { dept: departmentOfUbigeo(changes.ubigeo) } : {}),
        ...(changes.purposes ? { purposes: changes.purposes } : {}),
        ...(changes.offences ? { offences: offenceCategories(changes.offences) } : {}),
        ...(changes.aggravatingCircumstances ? { aggravating: changes.aggravatingCircumstances } : {}),
        ...(changes.places ? { place: placeKey(changes.places.exploitation) } : {}),
        ...(changes.recruitment ? { recruitment: changes.recruitment } : {}),
        ...(changes.labourSectors ? { labourSectors: changes.labourSectors } : {}),
        ...(changes.sexualExploitation ? { sexualExploitation: changes.sexualExploitation } : {}),
      }));
      return true;
    }
    case 'CaseMarkedSameFacts': {
      const { sameAsCaseId } = event.data;
      moveCase(units, event.data.caseId, (c) => (c.sameAs === null ? { ...c, sameAs: sameAsCaseId } : c));
      return true;
    }
    case 'OperationConducted':
      conducted(event.data, units);
      return true;
    case 'CaseReopened':
      return true;
    default:
      return false;
  }
}

function registered(d: CaseRegistered['data']): CaseUnit {
  return {
    kind: 'case',
    period: limaMonth(d.registeredAt),
    dept: departmentOfUbigeo(d.ubigeo),
    source: d.source,
    purposes: d.purposes ?? [],
    suspects: 0,
    investigation: false,
    accusation: false,
    ruling: false,
    offences: offenceCategories(d.offences),
    aggravating: d.aggravatingCircumstances ?? [],
    place: placeKey(d.places?.exploitation),
    recruitment: d.recruitment ?? [],
    labourSectors: d.labourSectors ?? [],
    sexualExploitation: d.sexualExploitation ?? [],
    sameAs: null,
    victims: {},
    prosecutions: [],
    trials: [],
    operations: [],
  };
}

/**
 * An operation counts once (the decider never records an id twice), as an act: in the month it was conducted and
 * its denunciation's department, also when that denunciation is later marked as the same facts as another (like
 * its prosecutions, the operation took place).
 */
function conducted(d: OperationConducted['data'], units: UnitStates): void {
  const c = units.get('case', d.caseId);
  if (!c || units.get('operation', d.operationId)) return;
  units.set('operation', d.operationId, {
    kind: 'operation',
    caseId: d.caseId,
    period: limaMonth(d.conductedAt),
    dept: c.dept,
    rescued: d.rescued,
    detained: d.detained,
  });
  units.set('case', d.caseId, { ...c, operations: [...c.operations, d.operationId] });
}

function updateCase(units: UnitStates, caseId: string, change: (c: CaseUnit) => CaseUnit): void {
  const c = units.get('case', caseId);
  if (c) units.set('case', caseId, change(c));
}

/** A record added to a unit in log order; the unit is created with it. */
function addRecord(units: UnitStates, id: string, record: VictimRecord, scope?: 'department'): void {
  const unit = units.get('victim', id);
  const records = [...(unit?.records ?? []).filter((r) => r.victimId !== record.victimId), record].sort((a, b) => a.seq - b.seq);
  units.set('victim', id, { kind: 'victim', records, ...(scope ? { scope } : {}) });
}

/** The victim's record removed from a unit (which stays, empty, counting nothing). */
function removeRecord(units: UnitStates, id: string, victimId: string): VictimRecord | undefined {
  const unit = units.get('victim', id);
  const record = unit?.records.find((r) => r.victimId === victimId);
  if (unit && record) units.set('victim', id, { ...unit, records: unit.records.filter((r) => r !== record) });
  return record;
}

function changeRecord(units: UnitStates, id: string, victimId: string, change: (r: VictimRecord) => VictimRecord): void {
  const unit = units.get('victim', id);
  if (unit?.records.some((r) => r.victimId === victimId))
    units.set('victim', id, { ...unit, records: unit.records.map((r) => (r.victimId === victimId ? change(r) : r)) });
}

function identify(d: VictimIdentified['data'], units: UnitStates, position: number): void {
  const c = units.get('case', d.caseId);
  if (!c || d.victimId in c.victims) return;
  const linkId = typeof d.linkId === 'string' && d.linkId !== '' ? d.linkId : null;
  const record: VictimRecord = {
    seq: position,
    caseId: d.caseId,
    victimId: d.victimId,
    sex: d.sex,
    ageGroup: d.ageGroup,
    nationality: d.nationality,
    facts: victimFactsOf(c),
  };
  units.set('case', d.caseId, { ...c, victims: { ...c.victims, [d.victimId]: linkId } });
  addRecord(units, victimUnitId({ victimId: d.victimId, linkId }), record);
  addRecord(units, departmentVictimUnitId({ victimId: d.victimId, linkId }, c.dept), record, 'department');
}

function correctVictim(d: VictimCorrected['data'], units: UnitStates): void {
  const c = units.get('case', d.caseId);
  if (!c || !(d.victimId in c.victims)) return;
  const before = { victimId: d.victimId, linkId: c.victims[d.victimId] };
  const after = 'linkId' in d ? { victimId: d.victimId, linkId: d.linkId ?? null } : before;
  const { sex, ageGroup, nationality } = d.changes;
  const change = (r: VictimRecord): VictimRecord => ({
    ...r,
    ...(sex !== undefined ? { sex } : {}),
    ...(ageGroup !== undefined ? { ageGroup } : {}),
    ...(nationality !== undefined ? { nationality } : {}),
  });
  const national = removeRecord(units, victimUnitId(before), d.victimId);
  const local = removeRecord(units, departmentVictimUnitId(before, c.dept), d.victimId);
  if (national) addRecord(units, victimUnitId(after), change(national));
  if (local) addRecord(units, departmentVictimUnitId(after, c.dept), change(local), 'department');
  units.set('case', d.caseId, { ...c, victims: { ...c.victims, [d.victimId]: after.linkId } });
}

function voidVictim(d: VictimVoided['data'], units: UnitStates): void {
  const c = units.get('case', d.caseId);
  if (!c || !(d.victimId in c.victims)) return;
  const ids = { victimId: d.victimId, linkId: c.victims[d.victimId] };
  removeRecord(units, victimUnitId(ids), d.victimId);
  removeRecord(units, departmentVictimUnitId(ids, c.dept), d.victimId);
  voidAssistance(units, d.victimId);
  const { [d.victimId]: _voided, ...victims } = c.victims;
  units.set('case', d.caseId, { ...c, victims });
}

/**
 * A change of the case's facts, carried to the units that take them: its victims' records (into the department
 * units of a new department), its prosecutions', trials' and operations' department.
 */
function moveCase(units: UnitStates, caseId: string, change: (c: CaseUnit) => CaseUnit): void {
  const before = units.get('case', caseId);
  if (!before) return;
  const after = change(before);
  units.set('case', caseId, after);
  const facts = victimFactsOf(after);
  for (const [victimId, linkId] of Object.entries(after.victims)) {
    const ids = { victimId, linkId };
    changeRecord(units, victimUnitId(ids), victimId, (r) => ({ ...r, facts }));
    const local = removeRecord(units, departmentVictimUnitId(ids, before.dept), victimId);
    if (local) addRecord(units, departmentVictimUnitId(ids, after.dept), { ...local, facts }, 'department');
  }
  for (const id of after.prosecutions) {
    const p = units.get('prosecution', id);
    if (p) units.set('prosecution', id, { ...p, dept: after.dept });
  }
  for (const id of after.trials) {
    const t = units.get('trial', id);
    if (t) units.set('trial', id, { ...t, dept: after.dept });
  }
  for (const id of after.operations) {
    const o = units.get('operation', id);
    if (o && o.dept !== after.dept) units.set('operation', id, { ...o, dept: after.dept });
  }
  moveProtections(units, after);
  moveAssistance(units, Object.keys(after.victims), after.dept);
}
