import type { UbigeoCatalog } from '#domain';
import { registerCase, type CaseOrigin } from './case-demo.js';
import { clockAt, createContext, DEMO_SEED, type DemoContext, type DemoJourney } from './demo-request.js';
import { DEPARTMENT_WEIGHTS, generateHotlineCalls, groupDistricts, randomInstant, TRAFFICKING_FACTOR } from './hotline-demo.js';
import { followCase } from './justice-demo.js';
import { callJourney } from './referral-demo.js';

const OTHER_SOURCES = [
  ['walk_in', 40],
  ['police_operation', 30],
  ['other_institution', 20],
  ['ex_officio', 10],
] as const;

/**
 * The demo year as HTTP requests: a year of hotline calls, each with whatever followed it (referral, police case,
 * prosecution, trial), and about as many police cases that did not come from the hotline. Each part draws from its
 * own random stream (seed, seed + 1, seed + 2), so adding to one never shifts another. Deterministic for a given
 * seed (and `now`, which only matters while the demo year is not over): ids, dates and bodies repeat exactly.
 */
export function generateDemoYear(ubigeo: UbigeoCatalog, now: string, seed = DEMO_SEED, calls = 6000): DemoJourney[] {
  const districts = groupDistricts(ubigeo);
  const people = { named: 0 };
  const followUps = createContext(ubigeo, districts, now, seed + 1, people);
  const journeys = generateHotlineCalls(ubigeo, now, calls, seed).map((call) => callJourney(followUps, call));
  const fromHotline = journeys.filter((j) => j.requests.some((r) => r.path === '/cases')).length;
  const others = createContext(ubigeo, districts, now, seed + 2, people);
  for (let i = 0; i < fromHotline; i++) journeys.push(otherCase(others));
  return journeys;
}

/** A denunciation made at a police station, after an operation, by another institution or ex officio. */
function otherCase(context: DemoContext): DemoJourney {
  const { random } = context;
  const start = Math.min(randomInstant(random).getTime(), context.limit);
  const clock = clockAt(context, new Date(start).toISOString());
  const department = random.weighted(DEPARTMENT_WEIGHTS.map(([code, w]) => [code, w * (TRAFFICKING_FACTOR[code] ?? 0.8)] as const));
  const place = random.chance(0.8) ? random.pick(context.districts.get(department)!) : department;
  const origin: CaseOrigin = { source: random.weighted(OTHER_SOURCES), place };
  const found = registerCase(context, clock, origin);
  return { id: found.caseId, requests: [...found.requests, ...followCase(context, clock, found)] };
}
