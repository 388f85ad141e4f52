/**
 * Criminal networks recomputed straight from the raw events, sharing no code with the projection or the report
 * builders: months by a fixed UTC−5 offset, each act once (a repeated event is a retry), every act in the
 * network's department (the first two digits of the ubigeo it was identified with).
 */
type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Expect = (row: string, column: string) => number | null;
type Scope = { periods: Set<string>; dept: string | null };

export interface NetworkFacts {
  /** One per act: identified, dismantled, a case linked, a suspect linked (with its role). */
  acts: Array<{ act: 'identified' | 'dismantled' | 'cases_linked' | 'suspects_linked'; period: string; dept: string; role?: string }>;
}

const lima = (instant: string) => new Date(Date.parse(instant) - 5 * 3_600_000).toISOString().slice(0, 7);

export function computeNetworkFacts(events: ReadonlyArray<{ type: string; data: Data }>): NetworkFacts {
  const networks = new Map<string, { dept: string; dismantled: boolean; cases: Set<string>; suspects: Set<string> }>();
  const acts: NetworkFacts['acts'] = [];
  for (const { type, data: d } of events) {
    if (type === 'NetworkIdentified' && !networks.has(d.networkId)) {
      const dept = String(d.ubigeo).slice(0, 2);
      networks.set(d.networkId, { dept, dismantled: false, cases: new Set(), suspects: new Set() });
      acts.push({ act: 'identified', period: lima(d.identifiedAt), dept });
    }
    const network = networks.get(d.networkId);
    if (!network) continue;
    if (type === 'NetworkDismantled' && !network.dismantled) {
      network.dismantled = true;
      acts.push({ act: 'dismantled', period: lima(d.dismantledAt), dept: network.dept });
    }
    if (type === 'CaseLinkedToNetwork' && !network.cases.has(d.caseId)) {
      network.cases.add(d.caseId);
      acts.push({ act: 'cases_linked', period: lima(d.linkedAt), dept: network.dept });
    }
    if (type === 'SuspectLinkedToNetwork' && !network.suspects.has(d.suspectId)) {
      network.suspects.add(d.suspectId);
      acts.push({ act: 'suspects_linked', period: lima(d.linkedAt), dept: network.dept, role: d.role });
    }
  }
  return { acts };
}

const T = 'total';
const any = (key: string, value: string | undefined) => key === T || key === value;

function tables(acts: NetworkFacts['acts'], ids: { byDepartment: string; byRole: string }): Record<string, Expect> {
  return {
    [ids.byDepartment]: (row, col) => acts.filter((a) => any(row, a.dept) && a.act === col).length,
    [ids.byRole]: (row) => acts.filter((a) => a.act === 'suspects_linked' && any(row, a.role)).length,
  };
}

/** The monthly report's network tables (a department's report: its own row and the total). */
export function expectedNetworkMonthly(facts: NetworkFacts, scope: Scope): Record<string, Expect> {
  const acts = facts.acts.filter((a) => scope.periods.has(a.period) && (scope.dept === null || a.dept === scope.dept));
  return tables(acts, { byDepartment: 'criminal_networks', byRole: 'network_suspects_by_role' });
}

export function expectedNetworkAnnual(facts: NetworkFacts, year: number): Record<string, Expect> {
  const acts = facts.acts.filter((a) => a.period.startsWith(`${year}-`));
  return tables(acts, { byDepartment: 'criminal_networks_by_department', byRole: 'network_suspects_by_role' });
}
