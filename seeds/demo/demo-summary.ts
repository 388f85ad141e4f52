import { ageGroupOf, isTraffickingRelated, type HotlineCallTopic } from '#domain';
import type { DemoJourney, DemoRequest } from './demo-request.js';

type Counts = Record<string, number>;

/** What the demo requests amount to, counted from the requests alone (what the API will hold once they are sent). */
export interface DemoSummary {
  calls: number;
  traffickingCalls: number;
  referrals: number;
  referralsTo: Counts;
  /** case (accepted by a denunciation), completed, accepted (still under way), rejected, revoked, pending. */
  referralFates: Counts;
  casesBySource: Counts;
  victims: number;
  victimsBySex: Counts;
  victimsByAgeGroup: Counts;
  victimsByNationality: Counts;
  minors: number;
  purposes: Counts;
  casesWithoutPurpose: number;
  operations: number;
  prosecutions: number;
  prosecutionStages: Counts;
  trials: number;
  rulings: Counts;
  /** The last ruling of each trial. */
  verdicts: Counts;
  appeals: number;
  final: number;
  casesClosed: number;
  requests: number;
}

const add = (counts: Counts, key: string, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};
const segments = (request: DemoRequest) => request.path.split('/').slice(1);

export function summarize(journeys: readonly DemoJourney[]): DemoSummary {
  const s: DemoSummary = {
    calls: 0,
    traffickingCalls: 0,
    referrals: 0,
    referralsTo: {},
    referralFates: {},
    casesBySource: {},
    victims: 0,
    victimsBySex: {},
    victimsByAgeGroup: {},
    victimsByNationality: {},
    minors: 0,
    purposes: {},
    casesWithoutPurpose: 0,
    operations: 0,
    prosecutions: 0,
    prosecutionStages: {},
    trials: 0,
    rulings: {},
    verdicts: {},
    appeals: 0,
    final: 0,
    casesClosed: 0,
    requests: 0,
  };
  const fates = new Map<string, string>();
  const verdicts = new Map<string, string>();
  const countVictims = (victims: Array<Record<string, unknown>>) => {
    for (const v of victims) {
      s.victims++;
      add(s.victimsBySex, String(v.sex));
      add(s.victimsByAgeGroup, ageGroupOf(v.age as number | null));
      add(s.victimsByNationality, String(v.nationality));
      if (typeof v.age === 'number' && v.age < 18) s.minors++;
    }
  };
  for (const request of journeys.flatMap((j) => j.requests)) {
    s.requests++;
    const [root, id, action] = segments(request);
    const body = request.body;
    if (root === 'hotline-calls' && id === undefined) {
      s.calls++;
      if (isTraffickingRelated(body.topic as HotlineCallTopic)) s.traffickingCalls++;
    } else if (root === 'hotline-calls' && action === 'classification' && isTraffickingRelated(body.topic as HotlineCallTopic)) {
      s.traffickingCalls++;
    } else if (root === 'hotline-calls' && action === 'referrals') {
      s.referrals++;
      add(s.referralsTo, String(body.to));
      fates.set(String(body.referralId), 'pending');
    } else if (root === 'referrals') {
      const fate = { accept: 'accepted', complete: 'completed', reject: 'rejected', revoke: 'revoked' }[action as string];
      if (fate) fates.set(id, fate);
    } else if (root === 'cases' && id === undefined) {
      add(s.casesBySource, String(body.source));
      if (typeof body.referralId === 'string') fates.set(body.referralId, 'case');
      const purposes = body.purposes as string[];
      if (purposes.length === 0) s.casesWithoutPurpose++;
      purposes.forEach((p) => add(s.purposes, p));
      countVictims(body.victims as Array<Record<string, unknown>>);
    } else if (root === 'cases' && action === 'victims') {
      countVictims(body.victims as Array<Record<string, unknown>>);
    } else if (root === 'cases' && action === 'operations') {
      s.operations++;
    } else if (root === 'cases' && action === 'prosecutor-referral') {
      s.prosecutions++;
    } else if (root === 'cases' && action === 'closure') {
      s.casesClosed++;
    } else if (root === 'prosecutions') {
      add(s.prosecutionStages, action);
    } else if (root === 'trials' && id === undefined) {
      s.trials++;
    } else if (root === 'trials' && action === 'rulings') {
      add(s.rulings, String(body.verdict));
      verdicts.set(id, String(body.verdict));
    } else if (root === 'trials' && action === 'appeals') {
      s.appeals++;
    } else if (root === 'trials' && action === 'finality') {
      s.final++;
    }
  }
  fates.forEach((fate) => add(s.referralFates, fate));
  verdicts.forEach((verdict) => add(s.verdicts, verdict));
  return s;
}
