import { expectedReconciliation } from './independent-reconciliation.js';
import { expectedNetworkAnnual, expectedNetworkMonthly } from './independent-networks.js';
import { expectedProtectionInei, expectedProtectionMonthly } from './independent-protection.js';
import { expectedDeadlines } from './independent-deadlines.js';
import { expectedAssistance } from './independent-assistance.js';
import { hasPurpose, median, type Facts } from './independent-statistics.js';

/**
 * What each cell of the monthly report and of the INEI tables must say, from the independently computed facts.
 * `inScope` selects the period(s) and department; row and column keys are the published ones, `total` included.
 */
type Scope = { periods: Set<string>; dept: string | null };
type Expect = (row: string, column: string) => number | null;

const T = 'total';
const any = (key: string, value: string) => key === T || key === value;

export function expectedMonthly(facts: Facts, scope: Scope): Record<string, Expect> {
  const inScope = (f: { period: string; dept: string }) => scope.periods.has(f.period) && (scope.dept === null || f.dept === scope.dept);
  const calls = facts.calls.filter(inScope);
  const referrals = facts.referrals.filter(inScope);
  const cases = facts.cases.filter(inScope);
  const acts = facts.acts.filter(inScope);
  const count = <X>(items: X[], keep: (x: X) => boolean) => items.filter(keep).length;
  const accepted = (to: string) => referrals.filter((r) => any(to, r.to) && r.hours !== null).map((r) => r.hours!);
  return {
    hotline_calls: (row) => count(calls, (c) => row === 'received' || (row === 'closed' ? c.closed : c.trafficking)),
    hotline_referrals: (row) => count(referrals, (r) => r.source === 'hotline_call' && any(row, r.to)),
    referrals_by_status: (row, col) => count(referrals, (r) => any(row, r.to) && any(col, r.status)),
    referral_speed: (row, col) => (col === 'accepted' ? accepted(row).length : median(accepted(row))),
    denunciations_by_source: (row) => count(cases, (c) => any(row, c.source)),
    denunciations_by_department: (row) =>
      count(facts.cases, (c) => scope.periods.has(c.period) && (row === T ? scope.dept === null || c.dept === scope.dept : c.dept === row)),
    denunciations_by_purpose: (row) => count(cases, (c) => hasPurpose(c.purposes, row)),
    ...denunciationTables(cases),
    justice_activity: (row) => {
      if (row === 'identified') return count(cases, (c) => c.suspects > 0);
      const act = { investigated: 'opened', sanctioned: 'conviction', acquitted: 'acquittal' }[row] ?? row;
      return count(acts, (a) => a.act === act);
    },
    // A department's report counts each person once among its own denunciations; the national one once in Peru.
    ...victimTables(scope.dept === null ? facts.victims : facts.departmentVictims, inScope),
    funnel: (row) => count(cases, (c) => row === 'denunciation' || c[row as 'investigation' | 'accusation' | 'ruling']),
    police_operations: operationsTable(facts.operations.filter(inScope)),
    ...expectedReconciliation(facts.reconciliation, inScope),
    ...expectedNetworkMonthly(facts.networks, scope),
    ...expectedProtectionMonthly(facts.protection, inScope),
    ...expectedDeadlines(facts.deadlines, scope),
    ...expectedAssistance(facts.assistance, inScope),
  };
}

/** Operations by department: how many, and the sums of people rescued and detained. */
function operationsTable(operations: Facts['operations']): Expect {
  return (row, col) => {
    const inRow = operations.filter((o) => any(row, o.dept));
    if (col === 'operations') return inRow.length;
    return inRow.reduce((sum, o) => sum + (col === 'rescued' ? o.rescued : o.detained), 0);
  };
}

/** Lists read like purposes: a code counts the units that list it, 'unknown' those with an empty list. */
function denunciationTables(cases: Facts['cases']): Record<string, Expect> {
  return {
    denunciations_by_offence_category: (row) => cases.filter((c) => hasPurpose(c.offences, row)).length,
    denunciations_by_aggravating_circumstance: (row) => cases.filter((c) => hasPurpose(c.aggravating, row)).length,
  };
}

const nationalityClass = (nationality: string) => (nationality === 'PE' ? 'peruvian' : nationality === 'unknown' ? 'unknown' : 'foreign');
const labour = (v: Facts['victims'][number]) =>
  v.labourSectors.length > 0 || v.purposes.includes('labour_exploitation') || v.purposes.includes('forced_labour');

function victimTables(all: Facts['victims'], inScope: (f: { period: string; dept: string }) => boolean): Record<string, Expect> {
  const victims = all.filter(inScope);
  return {
    victims_by_sex_age: (row, col) => victims.filter((v) => any(row, v.sex) && any(col, v.ageGroup)).length,
    victims_by_nationality: (row) => victims.filter((v) => any(row, v.nationality)).length,
    victims_by_place_of_exploitation: (row, col) =>
      victims.filter((v) => any(row, v.place) && any(col, nationalityClass(v.nationality))).length,
    victims_by_purpose: (row) => victims.filter((v) => hasPurpose(v.purposes, row)).length,
    victims_by_recruitment_method: (row) => victims.filter((v) => hasPurpose(v.recruitment, row)).length,
    victims_by_economic_sector: (row) => victims.filter((v) => labour(v) && hasPurpose(v.labourSectors, row)).length,
  };
}

export function expectedIneiAnnual(facts: Facts, year: number): Record<string, Expect> {
  const inYear = (f: { period: string }) => f.period.startsWith(`${year}-`);
  const cases = facts.cases.filter(inYear);
  const victims = facts.victims.filter(inYear);
  const acts = facts.acts.filter(inYear);
  const calls = facts.calls.filter(inYear);
  const referrals = facts.referrals.filter((r) => inYear(r) && r.source === 'hotline_call');
  const stageAct: Record<string, string> = {
    investigated: 'opened',
    accused: 'accused',
    convicted: 'conviction',
    acquitted: 'acquittal',
    archived: 'archived',
  };
  return {
    denunciations_by_department_month: (row, col) => cases.filter((c) => any(row, c.dept) && any(col, c.period)).length,
    ...victimTables(facts.victims, inYear),
    by_purpose: (row, col) => (col === 'victims' ? victims : cases).filter((x) => hasPurpose(x.purposes, row)).length,
    ...denunciationTables(cases),
    cases_by_stage: (row, col) =>
      col === 'registered'
        ? cases.filter((c) => any(row, c.dept)).length
        : acts.filter((a) => any(row, a.dept) && a.act === stageAct[col]).length,
    police_operations_by_department: operationsTable(facts.operations.filter(inYear)),
    ...expectedNetworkAnnual(facts.networks, year),
    ...expectedProtectionInei(facts.protection, year),
    ...expectedAssistance(facts.assistance, inYear),
    hotline_by_department: (row, col) => {
      if (col === 'calls_received') return calls.filter((c) => any(row, c.dept)).length;
      if (col === 'calls_trafficking') return calls.filter((c) => any(row, c.dept) && c.trafficking).length;
      return referrals.filter((r) => any(row, r.dept) && (col === 'referrals_sent' || r.hours !== null)).length;
    },
  };
}
