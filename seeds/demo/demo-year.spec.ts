import { describe, expect, it } from '@jest/globals';
import { AGE_GROUPS, EXPLOITATION_PURPOSES, limaMonth, SEXES } from '#domain';
import { loadCatalogs, projectRoot } from '#platform';
import { DEMO_YEAR, stepDate, type DemoRequest } from './demo-request.js';
import { summarize } from './demo-summary.js';
import { generateDemoYear } from './demo-year.js';

const { ubigeo } = loadCatalogs(`${projectRoot()}/seeds`);
const NOW = '2026-11-27T12:00:00.000Z';
const CREATES = /^\/(hotline-calls|cases|trials)$|^\/hotline-calls\/[^/]+\/referrals$/;

/** Every id a request creates: the record's own, its people, its operation, the prosecution it opens. */
function createdIds(request: DemoRequest): string[] {
  const b = request.body as Record<string, unknown> & { victims?: Array<{ victimId: string }>; suspects?: Array<{ suspectId: string }> };
  const key = { '/hotline-calls': 'callId', '/cases': 'caseId', '/trials': 'trialId' }[request.path] ?? 'referralId';
  const own = CREATES.test(request.path) ? [b[key]] : [];
  const made = [b.operationId, request.path.endsWith('/prosecutor-referral') ? b.prosecutionId : undefined];
  const people = [...(b.victims ?? []).map((v) => v.victimId), ...(b.suspects ?? []).map((s) => s.suspectId)];
  return [...own, ...made, ...people].filter((id): id is string => typeof id === 'string');
}

describe('demo year of full journeys', () => {
  const journeys = generateDemoYear(ubigeo, NOW);
  const requests = journeys.flatMap((j) => j.requests);
  const s = summarize(journeys);

  it('registers cases only from referrals addressed to the police (the API refuses any other)', () => {
    const to = new Map(
      requests
        .filter((r) => /^\/hotline-calls\/[^/]+\/referrals$/.test(r.path))
        .map((r) => [String((r.body as Record<string, unknown>).referralId), String((r.body as Record<string, unknown>).to)]),
    );
    const named = requests.filter((r) => r.path === '/cases' && typeof (r.body as Record<string, unknown>).referralId === 'string');
    expect(named.length).toBeGreaterThan(0);
    for (const r of named) expect(to.get(String((r.body as Record<string, unknown>).referralId))).toBe('PNP');
  });

  it('is the same on every run', () => {
    expect(generateDemoYear(ubigeo, NOW)).toEqual(journeys);
  });

  it('gives every created record its own id, and every later step its own Idempotency-Key', () => {
    const ids = requests.flatMap(createdIds);
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(s.calls + s.referrals + s.victims);
    for (const request of requests) {
      if (CREATES.test(request.path)) expect(request.idempotencyKey).toBeUndefined();
      else expect(request.idempotencyKey).toMatch(/^demo-[0-9a-f-]{36}-[a-z0-9-]+$/);
    }
    const keys = requests.flatMap((r) => (r.idempotencyKey ? [r.idempotencyKey] : []));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('dates every journey in order, within the demo year and before now', () => {
    for (const journey of journeys) {
      const dates = journey.requests
        .map(stepDate)
        .filter((d): d is string => d !== undefined)
        .map((d) => Date.parse(d));
      dates.forEach((date, i) => {
        if (i > 0) expect(date).toBeGreaterThan(dates[i - 1]);
      });
      expect(limaMonth(new Date(dates[0]).toISOString()).startsWith(`${DEMO_YEAR}-`)).toBe(true);
      expect(limaMonth(new Date(dates.at(-1)!).toISOString()).startsWith(`${DEMO_YEAR}-`)).toBe(true);
      expect(dates.at(-1)!).toBeLessThan(Date.parse(NOW));
    }
    const facts = requests.filter((r) => r.path === '/cases' && r.body.occurredAt);
    expect(facts.every((r) => Date.parse(r.body.occurredAt as string) <= Date.parse(r.body.registeredAt as string))).toBe(true);
    expect(facts.every((r) => limaMonth(r.body.occurredAt as string).startsWith(`${DEMO_YEAR}-`))).toBe(true);
  });

  it('refers about 45% of trafficking calls, mostly to the police, and leaves some referrals unanswered', () => {
    const share = (n: number, of: number) => n / of;
    expect(share(s.referrals, s.traffickingCalls)).toBeGreaterThan(0.35);
    expect(share(s.referrals, s.traffickingCalls)).toBeLessThan(0.55);
    expect(share(s.referralsTo.PNP, s.referrals)).toBeGreaterThan(0.55);
    expect(Object.keys(s.referralsTo).sort()).toEqual(['DEMUNA', 'MIMP', 'MINISTERIO_PUBLICO', 'PNP', 'SHELTER']);
    expect(share(s.referralFates.case, s.referrals)).toBeGreaterThan(0.45);
    expect(share(s.referralFates.case, s.referrals)).toBeLessThan(0.65);
    expect(share(s.referralFates.pending, s.referrals)).toBeGreaterThan(0.1);
    expect(share(s.referralFates.pending, s.referrals)).toBeLessThan(0.3);
    for (const fate of ['completed', 'rejected', 'revoked']) {
      expect(share(s.referralFates[fate], s.referrals)).toBeGreaterThan(0.02);
      expect(share(s.referralFates[fate], s.referrals)).toBeLessThan(0.18);
    }
  });

  it('registers about as many cases outside the hotline as from it, each with several people', () => {
    const fromHotline = s.casesBySource.hotline_referral;
    expect(fromHotline).toBe(s.referralFates.case);
    const others = ['walk_in', 'police_operation', 'other_institution', 'ex_officio'].map((source) => s.casesBySource[source]);
    expect(others.every((n) => n > 0)).toBe(true);
    expect(others.reduce((a, b) => a + b, 0)).toBe(fromHotline);
    const cases = 2 * fromHotline;
    expect(s.victims / cases).toBeGreaterThan(1.5);
    expect(s.operations).toBeGreaterThanOrEqual(s.casesBySource.police_operation);
  });

  it('covers every sex, age group, purpose and several nationalities, unknown included; about 40% minors', () => {
    expect(Object.keys(s.victimsBySex).sort()).toEqual([...SEXES].sort());
    expect(Object.keys(s.victimsByAgeGroup).sort()).toEqual([...AGE_GROUPS].sort());
    expect(Object.keys(s.purposes).sort()).toEqual([...EXPLOITATION_PURPOSES].sort());
    expect(s.casesWithoutPurpose).toBeGreaterThan(0);
    expect(s.purposes.sexual_exploitation).toBe(Math.max(...Object.values(s.purposes)));
    expect(Object.keys(s.victimsByNationality)).toEqual(expect.arrayContaining(['PE', 'VE', 'CO', 'EC', 'BO', 'unknown']));
    expect(s.victimsBySex.female / s.victims).toBeGreaterThan(0.6);
    expect(s.minors / s.victims).toBeGreaterThan(0.3);
    expect(s.minors / s.victims).toBeLessThan(0.5);
  });

  it('fills fictitious personal data for about 70% of victims', () => {
    const victims = requests.flatMap((r) => (r.body.victims ?? []) as Array<Record<string, unknown>>);
    const named = victims.filter((v) => v.fullName !== undefined);
    expect(named.length / victims.length).toBeGreaterThan(0.6);
    expect(named.length / victims.length).toBeLessThan(0.8);
    expect(named.every((v) => /^Persona Demo \d{4}$/.test(v.fullName as string) && /^\d{8}$/.test(v.documentNumber as string))).toBe(true);
    expect(new Set(named.map((v) => v.fullName)).size).toBe(named.length);
  });

  it('sends most cases to the prosecutor, archives most prosecutions, and convicts few', () => {
    const cases = 2 * s.casesBySource.hotline_referral;
    expect(s.prosecutions / cases).toBeGreaterThan(0.6);
    expect(s.prosecutions / cases).toBeLessThan(0.8);
    const stages = s.prosecutionStages;
    expect(stages['preliminary-investigation'] / s.prosecutions).toBeGreaterThan(0.9);
    expect(stages.archive / s.prosecutions).toBeGreaterThan(0.45);
    expect(stages.archive / s.prosecutions).toBeLessThan(0.75);
    expect(stages.accusation).toBeGreaterThan(stages.dismissal);
    expect(s.trials).toBeGreaterThan(0);
    expect(s.trials).toBeLessThanOrEqual(stages.accusation);
    expect(s.verdicts.conviction).toBeGreaterThan(0);
    expect(s.verdicts.conviction).toBeLessThan(s.verdicts.acquittal + stages.archive);
    expect(s.rulings.conviction + s.rulings.acquittal).toBeGreaterThan(s.trials / 2);
    expect(s.appeals).toBeGreaterThan(0);
    expect(s.final).toBeGreaterThan(0);
    expect(s.casesClosed).toBeGreaterThan(0);
  });

  it('convicts with a sentence of 8 to 25 years the suspects of the case', () => {
    const convictions = requests.filter((r) => r.path.endsWith('/rulings') && r.body.verdict === 'conviction');
    expect(convictions.every((r) => (r.body.sentenceYears as number) >= 8 && (r.body.sentenceYears as number) <= 25)).toBe(true);
    const suspects = new Set(requests.flatMap((r) => ((r.body.suspects ?? []) as Array<{ suspectId: string }>).map((x) => x.suspectId)));
    const rulings = requests.filter((r) => r.path.endsWith('/rulings'));
    expect(
      rulings.every((r) => (r.body.defendants as string[]).length > 0 && (r.body.defendants as string[]).every((d) => suspects.has(d))),
    ).toBe(true);
  });
});
