import type { RawEvent } from './independent-statistics.js';

/**
 * The reconciliation of institutions recomputed from the raw events, sharing no code with the projection: every
 * denunciation counted, prosecution opened, trial opened and first-instance ruling, in the month of its own act
 * (fixed UTC−5), in the department of its denunciation as last corrected ('unknown' without one), with its links
 * and the victims recorded in its denunciation. The generated log records every act after what it names, so "found
 * when recorded" is "found in the log".
 */
export interface ReconciliationFact {
  stage: 'denunciations' | 'prosecutions' | 'trials' | 'rulings';
  period: string;
  dept: string;
  link: 'linked' | 'partial' | 'alone';
  victims: number;
}

const lima = (instant: string) => new Date(Date.parse(instant) - 5 * 3_600_000).toISOString().slice(0, 7);

export function reconciliationFacts(events: readonly RawEvent[]): ReconciliationFact[] {
  const cases = new Map<string, { period: string; dept: string; duplicate: boolean; victims: Set<string>; prosecuted: boolean }>();
  const prosecutions = new Map<string, { caseId: string; period: string }>();
  const trials = new Map<string, { caseId: string | null; prosecution: boolean; period: string; ruled?: string }>();
  for (const { type, data: d } of events) {
    if (type === 'CaseRegistered')
      cases.set(d.caseId, {
        period: lima(d.registeredAt),
        dept: d.ubigeo.slice(0, 2),
        duplicate: false,
        victims: new Set(),
        prosecuted: false,
      });
    if (type === 'CaseFactsCorrected') {
      const c = cases.get(d.caseId)!;
      if (d.changes.registeredAt) c.period = lima(d.changes.registeredAt);
      if (d.changes.ubigeo) c.dept = d.changes.ubigeo.slice(0, 2);
    }
    if (type === 'CaseMarkedSameFacts') cases.get(d.caseId)!.duplicate = true;
    if (type === 'VictimIdentified') cases.get(d.caseId)!.victims.add(d.victimId);
    if (type === 'VictimVoided') cases.get(d.caseId)!.victims.delete(d.victimId);
    if (type === 'ProsecutionOpened') prosecutions.set(d.prosecutionId, { caseId: d.caseId, period: lima(d.openedAt) });
    if (type === 'TrialOpened') {
      const prosecution = prosecutions.get(d.prosecutionId);
      trials.set(d.trialId, {
        caseId: d.caseId ?? prosecution?.caseId ?? null,
        prosecution: prosecution !== undefined,
        period: lima(d.openedAt),
      });
    }
    if (type === 'RulingIssued' && d.instance === 1) trials.get(d.trialId)!.ruled ??= lima(d.ruledAt);
  }
  const facts: ReconciliationFact[] = [];
  const victimsOf = (c: { duplicate: boolean; victims: Set<string> } | undefined) => (c && !c.duplicate ? c.victims.size : 0);
  for (const p of prosecutions.values()) {
    const c = cases.get(p.caseId);
    if (c) c.prosecuted = true;
    facts.push({
      stage: 'prosecutions',
      period: p.period,
      dept: c?.dept ?? 'unknown',
      link: c ? 'linked' : 'alone',
      victims: victimsOf(c),
    });
  }
  for (const c of cases.values())
    if (!c.duplicate)
      facts.push({
        stage: 'denunciations',
        period: c.period,
        dept: c.dept,
        link: c.prosecuted ? 'linked' : 'alone',
        victims: c.victims.size,
      });
  for (const t of trials.values()) {
    const c = t.caseId === null ? undefined : cases.get(t.caseId);
    const link = c && t.prosecution ? 'linked' : c || t.prosecution ? 'partial' : 'alone';
    const fact = { period: t.period, dept: c?.dept ?? 'unknown', link, victims: victimsOf(c) } as const;
    facts.push({ stage: 'trials', ...fact });
    if (t.ruled) facts.push({ stage: 'rulings', ...fact, period: t.ruled });
  }
  return facts;
}

/** The two tables' cells: acts, and victims, by stage (row) and link (column, `total` their sum). */
export function expectedReconciliation(
  facts: readonly ReconciliationFact[],
  inScope: (f: { period: string; dept: string }) => boolean,
): Record<string, (row: string, column: string) => number> {
  const cell = (row: string, column: string) =>
    facts.filter((f) => inScope(f) && f.stage === row && (column === 'total' || f.link === column));
  return {
    reconciliation: (row, column) => cell(row, column).length,
    reconciliation_victims: (row, column) => cell(row, column).reduce((sum, f) => sum + f.victims, 0),
  };
}
