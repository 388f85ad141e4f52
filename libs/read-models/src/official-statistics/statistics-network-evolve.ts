import { departmentOfUbigeo, limaMonth } from '#domain';
import type { Recorded } from '../shared/registry-events.js';
import type { Cell } from './statistics-units.js';

/**
 * A criminal network as the statistics see it (Meta 13). Every act counts in the month of its own date (Lima) and
 * in the network's department (its ubigeo, which no event changes), also a case of another department linked to
 * it: the table says where networks operate, not where their cases were denounced.
 */
export interface NetworkUnit {
  kind: 'network';
  dept: string;
  identified: string;
  dismantled: string | null;
  /** caseId → month linked. */
  cases: Record<string, string>;
  /** suspectId → month linked and role code. */
  suspects: Record<string, { period: string; role: string }>;
}

interface NetworkUnits {
  get(kind: 'network', id: string | null | undefined): NetworkUnit | undefined;
  set(kind: 'network', id: string, unit: NetworkUnit): void;
}

const cell = (measure: string, period: string, dept: string, d1 = ''): Cell => ({ measure, period, dept, d1, d2: '', d3: '' });

export function networkCells(unit: NetworkUnit): Cell[] {
  const cells = [cell('network.identified', unit.identified, unit.dept)];
  if (unit.dismantled) cells.push(cell('network.dismantled', unit.dismantled, unit.dept));
  for (const period of Object.values(unit.cases)) cells.push(cell('network.case_linked', period, unit.dept));
  for (const { period, role } of Object.values(unit.suspects)) cells.push(cell('network.suspect_linked', period, unit.dept, role));
  return cells;
}

/** The unit keys a network's event changes, or null for an event of another stream. */
export function networkAffectedKeys(event: Recorded): string[] | null {
  switch (event.type) {
    case 'NetworkIdentified':
    case 'CaseLinkedToNetwork':
    case 'SuspectLinkedToNetwork':
    case 'NetworkDismantled':
      return [`network:${event.data.networkId}`];
    default:
      return null;
  }
}

/** Applies a network's event (true), or leaves other streams' events to the caller (false). Retried links count once. */
export function applyNetworkEvent(event: Recorded, units: NetworkUnits): boolean {
  switch (event.type) {
    case 'NetworkIdentified': {
      const d = event.data;
      if (!units.get('network', d.networkId)) {
        const unit: NetworkUnit = {
          kind: 'network',
          dept: departmentOfUbigeo(d.ubigeo),
          identified: limaMonth(d.identifiedAt),
          dismantled: null,
          cases: {},
          suspects: {},
        };
        units.set('network', d.networkId, unit);
      }
      return true;
    }
    case 'CaseLinkedToNetwork': {
      const d = event.data;
      const unit = units.get('network', d.networkId);
      if (unit && !(d.caseId in unit.cases))
        units.set('network', d.networkId, { ...unit, cases: { ...unit.cases, [d.caseId]: limaMonth(d.linkedAt) } });
      return true;
    }
    case 'SuspectLinkedToNetwork': {
      const d = event.data;
      const unit = units.get('network', d.networkId);
      if (unit && !(d.suspectId in unit.suspects)) {
        const suspects = { ...unit.suspects, [d.suspectId]: { period: limaMonth(d.linkedAt), role: d.role } };
        units.set('network', d.networkId, { ...unit, suspects });
      }
      return true;
    }
    case 'NetworkDismantled': {
      const d = event.data;
      const unit = units.get('network', d.networkId);
      if (unit && unit.dismantled === null) units.set('network', d.networkId, { ...unit, dismantled: limaMonth(d.dismantledAt) });
      return true;
    }
    default:
      return false;
  }
}
