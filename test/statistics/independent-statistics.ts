import { computeNetworkFacts, type NetworkFacts } from './independent-networks.js';

/**
 * The statistics recomputed straight from the raw events, written for the tests and sharing no code with the
 * projection or the report builders: months by a fixed UTC−5 offset (Peru has had no daylight saving since
 * 1994), units replayed from their events, figures counted by plain filters.
 */
import { reconciliationFacts, type ReconciliationFact } from './independent-reconciliation.js';
import { computeProtectionFacts, type ProtectionFacts } from './independent-protection.js';
import { deadlineFacts, type DeadlineFact } from './independent-deadlines.js';
import { assistanceFacts, type AssistanceFact } from './independent-assistance.js';

export interface RawEvent {
  type: string;
  data: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const lima = (instant: string) => new Date(Date.parse(instant) - 5 * 3_600_000).toISOString().slice(0, 7);
const dept = (ubigeo: string | null | undefined) => (ubigeo ? ubigeo.slice(0, 2) : 'unknown');

/** Offence codes by statistical category, as docs/legal-catalog.md maps them (written out here, not imported). */
const CATEGORY: Record<string, string> = {
  'cp153-l28950': 'trafficking',
  'cp153-l30251': 'trafficking',
  'cp129a-l31146': 'trafficking',
  'cp153a-l28950': 'trafficking_aggravated',
  'cp129b-l31146': 'trafficking_aggravated',
  'cp153b-dl1323': 'sexual_exploitation',
  'cp153b-l30963': 'sexual_exploitation',
  'cp153h-l30963': 'sexual_exploitation',
  'cp129c-l31146': 'sexual_exploitation',
  'cp129h-l31146': 'sexual_exploitation',
  'cp153c-dl1323': 'slavery_and_other_exploitation',
  'cp129n-l31146': 'slavery_and_other_exploitation',
  'cp168b-dl1323': 'forced_labour',
  'cp129o-l31146': 'forced_labour',
  'cp303a-l28950': 'migrant_smuggling',
  'cp303b-l28950': 'migrant_smuggling_aggravated',
};
const categories = (codes: string[] | undefined) => [...new Set((codes ?? []).map((code) => CATEGORY[code] ?? 'unknown'))];
/** The department of the place of exploitation, `abroad:XX` for a country, 'unknown' when none. */
const exploitationPlace = (places: { exploitation?: { ubigeo?: string; country?: string } | null } | undefined) => {
  const p = places?.exploitation;
  return p?.ubigeo ? p.ubigeo.slice(0, 2) : p?.country ? `abroad:${p.country}` : 'unknown';
};

/** A victim as counted, with what it takes from its denunciation. */
export interface VictimFact {
  period: string;
  dept: string;
  sex: string;
  ageGroup: string;
  nationality: string;
  purposes: string[];
  place: string;
  recruitment: string[];
  labourSectors: string[];
}

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
    offences: string[];
    aggravating: string[];
    place: string;
    recruitment: string[];
    labourSectors: string[];
    /** Marked as the same facts as another case: counted nowhere (its acts still are). */
    sameAs: string | null;
  }>;
  victims: VictimFact[];
  /** The same, as a department counts them: one person once among that department's denunciations only. */
  departmentVictims: VictimFact[];
  /** Acts of the justice system, each in the month it happened and the department of its denunciation. */
  acts: Array<{ act: 'opened' | 'accused' | 'archived' | 'dismissed' | 'conviction' | 'acquittal'; period: string; dept: string }>;
  /** Police operations, in the month conducted and the department of their denunciation as last corrected. */
  operations: Array<{ period: string; dept: string; rescued: number; detained: number }>;
  /** Issue 14: every act of each institution with its links (independent-reconciliation.ts). */
  reconciliation: ReconciliationFact[];
  networks: NetworkFacts;
  protection: ProtectionFacts;
  /** Referral deadlines (independent-deadlines.ts). */
  deadlines: DeadlineFact[];
  /** Victims' assistance acts (independent-assistance.ts). */
  assistance: AssistanceFact[];
}

export function computeFacts(events: readonly RawEvent[]): Facts {
  const calls = new Map<string, Facts['calls'][number] & { receivedAt: string }>();
  const referrals = new Map<string, Facts['referrals'][number] & { referredAt: string }>();
  const cases = new Map<string, Facts['cases'][number]>();
  // Every VictimIdentified, in log order, as corrected since; voided ones stay, marked.
  const records = new Map<
    string,
    { caseId: string; sex: string; ageGroup: string; nationality: string; linkId: string | null; voided: boolean }
  >();
  const prosecutions = new Map<string, { caseId: string; opened: string; accused?: string; archived?: string; dismissed?: string }>();
  const trials = new Map<string, { caseId: string | null; ruled?: string; verdict?: string }>();
  const operations = new Map<string, { caseId: string; period: string; rescued: number; detained: number }>();
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
        offences: categories(d.offences),
        aggravating: d.aggravatingCircumstances ?? [],
        place: exploitationPlace(d.places),
        recruitment: d.recruitment ?? [],
        labourSectors: d.labourSectors ?? [],
        sameAs: null,
      });
    if (type === 'SuspectIdentified') cases.get(d.caseId)!.suspects++;
    if (type === 'SuspectVoided') cases.get(d.caseId)!.suspects--;
    if (type === 'CaseFactsCorrected') {
      const c = cases.get(d.caseId)!;
      const x = d.changes;
      if (x.registeredAt) c.period = lima(x.registeredAt);
      if (x.ubigeo) c.dept = dept(x.ubigeo);
      if (x.purposes) c.purposes = x.purposes;
      if (x.offences) c.offences = categories(x.offences);
      if (x.aggravatingCircumstances) c.aggravating = x.aggravatingCircumstances;
      if (x.places) c.place = exploitationPlace(x.places);
      if (x.recruitment) c.recruitment = x.recruitment;
      if (x.labourSectors) c.labourSectors = x.labourSectors;
    }
    if (type === 'CaseMarkedSameFacts') cases.get(d.caseId)!.sameAs ??= d.sameAsCaseId;
    if (type === 'VictimIdentified')
      records.set(d.victimId, {
        caseId: d.caseId,
        sex: d.sex,
        ageGroup: d.ageGroup,
        nationality: d.nationality,
        linkId: d.linkId || null,
        voided: false,
      });
    if (type === 'VictimCorrected') {
      const r = records.get(d.victimId)!;
      for (const field of ['sex', 'ageGroup', 'nationality'] as const) if (d.changes[field] !== undefined) r[field] = d.changes[field];
      if ('linkId' in d) r.linkId = d.linkId || null;
    }
    if (type === 'VictimVoided') records.get(d.victimId)!.voided = true;
    if (type === 'OperationConducted' && !operations.has(d.operationId))
      operations.set(d.operationId, { caseId: d.caseId, period: lima(d.conductedAt), rescued: d.rescued, detained: d.detained });
    if (type === 'ProsecutionOpened') prosecutions.set(d.prosecutionId, { caseId: d.caseId, opened: lima(d.openedAt) });
    if (type === 'AccusationFiled') prosecutions.get(d.prosecutionId)!.accused ??= lima(d.occurredAt);
    if (type === 'ProsecutionArchived') prosecutions.get(d.prosecutionId)!.archived ??= lima(d.occurredAt);
    if (type === 'ProsecutionDismissed') prosecutions.get(d.prosecutionId)!.dismissed ??= lima(d.occurredAt);
    if (type === 'TrialOpened') trials.set(d.trialId, { caseId: d.caseId ?? prosecutions.get(d.prosecutionId)?.caseId ?? null });
    if (type === 'RulingIssued' && d.instance === 1) Object.assign(trials.get(d.trialId)!, { ruled: lima(d.ruledAt), verdict: d.verdict });
  }
  const acts: Facts['acts'] = [];
  // The denunciations counted; a duplicate's prosecutions and trials still count as acts, in its department.
  const counted = [...cases.values()].filter((c) => c.sameAs === null);
  // A prosecution or trial whose denunciation is absent counts in the department 'unknown'.
  for (const p of prosecutions.values()) {
    const c = cases.get(p.caseId);
    if (c) c.investigation = true;
    if (c && p.accused) c.accusation = true;
    for (const act of ['opened', 'accused', 'archived', 'dismissed'] as const)
      if (p[act]) acts.push({ act, period: p[act]!, dept: c?.dept ?? 'unknown' });
  }
  for (const t of trials.values()) {
    if (!t.ruled) continue;
    const c = t.caseId === null ? undefined : cases.get(t.caseId);
    if (c) c.ruling = true;
    acts.push({ act: t.verdict as 'conviction' | 'acquittal', period: t.ruled, dept: c?.dept ?? 'unknown' });
  }
  return {
    calls: [...calls.values()],
    referrals: [...referrals.values()],
    deadlines: deadlineFacts(events, (id) => referrals.get(id)!.dept),
    cases: counted,
    acts,
    // Acts like prosecutions: a duplicate's operations still count.
    operations: [...operations.values()].map((o) => ({
      period: o.period,
      dept: cases.get(o.caseId)!.dept,
      rescued: o.rescued,
      detained: o.detained,
    })),
    ...countedVictims(records, cases),
    reconciliation: reconciliationFacts(events),
    networks: computeNetworkFacts(events),
    protection: computeProtectionFacts(events),
    assistance: assistanceFacts(events),
  };
}

/**
 * One person named in several denunciations (same document, as last corrected) is one victim, as first
 * identified among her records that count (not voided, in a case not marked as the same facts); in a department,
 * once among that department's denunciations.
 */
function countedVictims(
  records: Map<string, { caseId: string; sex: string; ageGroup: string; nationality: string; linkId: string | null; voided: boolean }>,
  cases: Map<string, Facts['cases'][number]>,
): Pick<Facts, 'victims' | 'departmentVictims'> {
  const national = new Map<string, VictimFact>();
  const local = new Map<string, VictimFact>();
  for (const [victimId, r] of records) {
    const c = cases.get(r.caseId)!;
    if (r.voided || c.sameAs !== null) continue;
    const fact: VictimFact = {
      period: c.period,
      dept: c.dept,
      sex: r.sex,
      ageGroup: r.ageGroup,
      nationality: r.nationality,
      purposes: c.purposes,
      place: c.place,
      recruitment: c.recruitment,
      labourSectors: c.labourSectors,
    };
    const person = r.linkId ? `document ${r.linkId}` : `victim ${victimId}`;
    if (!national.has(person)) national.set(person, fact);
    if (!local.has(`${c.dept} ${person}`)) local.set(`${c.dept} ${person}`, fact);
  }
  return { victims: [...national.values()], departmentVictims: [...local.values()] };
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
