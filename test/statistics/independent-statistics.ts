/**
 * The statistics recomputed straight from the raw events, written for the tests and sharing no code with the
 * projection or the report builders: months by a fixed UTC−5 offset (Peru has had no daylight saving since
 * 1994), units replayed from their events, figures counted by plain filters.
 */
export interface RawEvent {
  type: string;
  data: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const lima = (instant: string) => new Date(Date.parse(instant) - 5 * 3_600_000).toISOString().slice(0, 7);
const dept = (ubigeo: string | null | undefined) => (ubigeo ? ubigeo.slice(0, 2) : 'unknown');

export interface Facts {
  calls: Array<{ period: string; dept: string; trafficking: boolean; closed: boolean }>;
  referrals: Array<{ period: string; dept: string; to: string; source: string; status: string; hours: number | null }>;
  cases: Array<{
    id: string;
    period: string;
    dept: string;
    source: string;
    purposes: string[];
    suspects: number;
    investigation: boolean;
    accusation: boolean;
    ruling: boolean;
  }>;
  victims: Array<{ period: string; dept: string; sex: string; ageGroup: string; nationality: string; purposes: string[] }>;
  /** The same, as a department counts them: one person once among that department's denunciations only. */
  departmentVictims: Array<{ period: string; dept: string; sex: string; ageGroup: string; nationality: string; purposes: string[] }>;
  /** Acts of the justice system, each in the month it happened and the department of its denunciation. */
  acts: Array<{ act: 'opened' | 'accused' | 'archived' | 'dismissed' | 'conviction' | 'acquittal'; period: string; dept: string }>;
}

export function computeFacts(events: readonly RawEvent[]): Facts {
  const calls = new Map<string, Facts['calls'][number] & { receivedAt: string }>();
  const referrals = new Map<string, Facts['referrals'][number] & { referredAt: string }>();
  const cases = new Map<string, Facts['cases'][number]>();
  const victims: Array<{ caseId: string; sex: string; ageGroup: string; nationality: string }> = [];
  const linked = new Set<string>();
  const departmentVictims: typeof victims = [];
  const linkedInDepartment = new Set<string>();
  const prosecutions = new Map<string, { caseId: string; opened: string; accused?: string; archived?: string; dismissed?: string }>();
  const trials = new Map<string, { caseId: string; ruled?: string; verdict?: string }>();
  for (const { type, data: d } of events) {
    if (type === 'HotlineCallReceived')
      calls.set(d.callId, {
        receivedAt: d.receivedAt,
        period: lima(d.receivedAt),
        dept: dept(d.callerUbigeo),
        trafficking: d.topic === 'trafficking',
        closed: false,
      });
    if (type === 'HotlineCallClassified') calls.get(d.callId)!.trafficking = d.topic === 'trafficking';
    if (type === 'HotlineCallCorrected') {
      const call = calls.get(d.callId)!;
      if (d.changes.receivedAt) call.period = lima(d.changes.receivedAt);
      if ('callerUbigeo' in d.changes) call.dept = dept(d.changes.callerUbigeo);
    }
    if (type === 'HotlineCallClosed') calls.get(d.callId)!.closed = true;
    // Its own place, else its source's as it stood at sending (README, department scope).
    const origin =
      type === 'ReferralSent'
        ? d.source.kind === 'hotline_call'
          ? calls.get(d.source.id)
          : d.source.kind === 'case'
            ? cases.get(d.source.id)
            : undefined
        : undefined;
    if (type === 'ReferralSent')
      referrals.set(d.referralId, {
        referredAt: d.referredAt,
        period: lima(d.referredAt),
        dept: d.ubigeo ? dept(d.ubigeo) : (origin?.dept ?? 'unknown'),
        to: d.to,
        source: d.source.kind,
        status: 'sent',
        hours: null,
      });
    if (type === 'ReferralAccepted') {
      const r = referrals.get(d.referralId)!;
      r.status = 'accepted';
      r.hours = (Date.parse(d.acceptedAt) - Date.parse(r.referredAt)) / 3_600_000;
    }
    if (type === 'ReferralRejected') referrals.get(d.referralId)!.status = 'rejected';
    if (type === 'ReferralCompleted') referrals.get(d.referralId)!.status = 'completed';
    if (type === 'ReferralRevoked') referrals.get(d.referralId)!.status = 'revoked';
    if (type === 'CaseRegistered')
      cases.set(d.caseId, {
        id: d.caseId,
        period: lima(d.registeredAt),
        dept: dept(d.ubigeo),
        source: d.source,
        purposes: d.purposes,
        suspects: 0,
        investigation: false,
        accusation: false,
        ruling: false,
      });
    if (type === 'SuspectIdentified') cases.get(d.caseId)!.suspects++;
    // One person named in several denunciations (same document) is one victim, as first registered.
    if (type === 'VictimIdentified' && !(d.linkId && linked.has(d.linkId))) {
      if (d.linkId) linked.add(d.linkId);
      victims.push({ caseId: d.caseId, sex: d.sex, ageGroup: d.ageGroup, nationality: d.nationality });
    }
    const inDepartment = d.documentHash && cases.has(d.caseId) ? `${cases.get(d.caseId)!.dept}/${d.documentHash}` : null;
    if (type === 'VictimIdentified' && !(inDepartment && linkedInDepartment.has(inDepartment))) {
      if (inDepartment) linkedInDepartment.add(inDepartment);
      departmentVictims.push({ caseId: d.caseId, sex: d.sex, ageGroup: d.ageGroup, nationality: d.nationality });
    }
    if (type === 'ProsecutionOpened') prosecutions.set(d.prosecutionId, { caseId: d.caseId, opened: lima(d.openedAt) });
    if (type === 'AccusationFiled') prosecutions.get(d.prosecutionId)!.accused ??= lima(d.occurredAt);
    if (type === 'ProsecutionArchived') prosecutions.get(d.prosecutionId)!.archived ??= lima(d.occurredAt);
    if (type === 'ProsecutionDismissed') prosecutions.get(d.prosecutionId)!.dismissed ??= lima(d.occurredAt);
    if (type === 'TrialOpened') trials.set(d.trialId, { caseId: d.caseId ?? prosecutions.get(d.prosecutionId)!.caseId });
    if (type === 'RulingIssued' && d.instance === 1) Object.assign(trials.get(d.trialId)!, { ruled: lima(d.ruledAt), verdict: d.verdict });
  }
  const acts: Facts['acts'] = [];
  for (const p of prosecutions.values()) {
    const c = cases.get(p.caseId)!;
    c.investigation = true;
    if (p.accused) c.accusation = true;
    for (const act of ['opened', 'accused', 'archived', 'dismissed'] as const)
      if (p[act]) acts.push({ act, period: p[act]!, dept: c.dept });
  }
  for (const t of trials.values()) {
    if (!t.ruled) continue;
    const c = cases.get(t.caseId)!;
    c.ruling = true;
    acts.push({ act: t.verdict as 'conviction' | 'acquittal', period: t.ruled, dept: c.dept });
  }
  return {
    calls: [...calls.values()],
    referrals: [...referrals.values()],
    cases: [...cases.values()],
    acts,
    victims: victims.map((v) => {
      const c = cases.get(v.caseId)!;
      return { ...v, period: c.period, dept: c.dept, purposes: c.purposes };
    }),
    departmentVictims: departmentVictims.map((v) => {
      const c = cases.get(v.caseId)!;
      return { ...v, period: c.period, dept: c.dept, purposes: c.purposes };
    }),
  };
}

export function median(values: number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  const m = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Math.round(m * 10) / 10;
}

export const hasPurpose = (purposes: string[], purpose: string) =>
  purpose === 'unknown' ? purposes.length === 0 : purposes.includes(purpose);
