import { expect } from '@jest/globals';
import { NETWORK_ROLES } from '#domain';
import type { NewEvent } from '#event-store';
import { seededRandom } from './random.js';

type Stream = { streamId: string; events: NewEvent[] };
type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Issue 14: criminal networks over the generated denunciations (a generator of its own, so the other streams'
 * draws do not change): identified near month ends (Lima time matters), some before their cases' facts, linked to
 * cases of several departments, suspects with several roles, dismantled or not, and retried links and dismantlings
 * (the same event twice, counted once).
 */
export function networkGroups(
  seed: number,
  cases: ReadonlyArray<{ caseId: string; registeredAt: string; suspects: readonly string[] }>,
  options: { years: readonly number[]; departments: readonly string[] },
): Stream[][] {
  const rng = seededRandom(seed ^ 0x14ed);
  const event = (type: string, data: Data): NewEvent => ({ eventId: rng.uuid(), type, data, metadata: { actor: 'test' } });
  const hours = (from: string, max: number) =>
    new Date(Date.parse(from) + rng.int(1, max) * 3_600_000 + rng.int(0, 3599) * 1000).toISOString();
  const instant = () => {
    const year = rng.pick(options.years);
    const month = rng.int(0, 11);
    if (rng.chance(0.35))
      return new Date(Date.UTC(year, month + 1, 1) - rng.int(-6, 6) * 3_600_000 - rng.int(1, 59) * 60_000).toISOString();
    return new Date(Date.UTC(year, month, rng.int(1, 28), rng.int(0, 23), rng.int(0, 59))).toISOString();
  };
  const latest = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);
  const groups: Stream[][] = [];
  const count = Math.max(20, Math.floor(cases.length / 6));
  for (let n = 0; n < count; n++) {
    const networkId = rng.uuid();
    const identifiedAt = instant();
    const dept = rng.pick(options.departments);
    const events = [
      event('NetworkIdentified', { networkId, identifiedAt, ubigeo: rng.chance(0.5) ? dept : `${dept}01`, alias: null, policeUnit: null }),
    ];
    const linked = new Set<string>();
    for (let c = rng.int(0, 4); c > 0; c--) {
      const linkedCase = rng.pick(cases);
      if (linked.has(linkedCase.caseId)) continue;
      linked.add(linkedCase.caseId);
      // Intelligence often comes first: a link a few hours after the later of the identification and the denunciation.
      const linkedAt = hours(latest(identifiedAt, linkedCase.registeredAt), rng.chance(0.5) ? 12 : 24 * 40);
      const link = event('CaseLinkedToNetwork', { networkId, caseId: linkedCase.caseId, linkedAt });
      events.push(link);
      if (rng.chance(0.1)) events.push({ ...link, eventId: rng.uuid() });
      for (const suspectId of linkedCase.suspects.filter(() => rng.chance(0.7))) {
        const role = rng.pick(NETWORK_ROLES);
        const suspectLink = event('SuspectLinkedToNetwork', {
          networkId,
          caseId: linkedCase.caseId,
          suspectId,
          role,
          linkedAt: hours(linkedAt, 24 * 20),
        });
        events.push(suspectLink);
        if (rng.chance(0.1)) events.push({ ...suspectLink, eventId: rng.uuid() });
      }
    }
    if (rng.chance(0.5)) {
      const dismantling = event('NetworkDismantled', { networkId, dismantledAt: hours(identifiedAt, rng.chance(0.3) ? 8 : 24 * 120) });
      events.push(dismantling);
      if (rng.chance(0.1)) events.push({ ...dismantling, eventId: rng.uuid() });
    }
    groups.push([{ streamId: `criminal-network-${networkId}`, events }]);
  }
  return groups;
}

/** The generated log exercises every network figure: several departments, roles, month ends and retries. */
export function expectNetworkCoverage(log: ReadonlyArray<{ type: string; data: Data }>): void {
  const of = (type: string) => log.filter((e) => e.type === type);
  const month = (at: string) => new Date(Date.parse(at) - 5 * 3_600_000).toISOString().slice(0, 7);
  const utcMonth = (at: string) => at.slice(0, 7);
  expect(of('NetworkIdentified').length).toBeGreaterThanOrEqual(50);
  expect(of('NetworkDismantled').length).toBeGreaterThan(20);
  expect(new Set(of('NetworkIdentified').map((e) => String(e.data.ubigeo).slice(0, 2))).size).toBeGreaterThan(5);
  expect(new Set(of('SuspectLinkedToNetwork').map((e) => e.data.role)).size).toBe(NETWORK_ROLES.length);
  // Acts whose Lima month is not their UTC month: a fixed-offset bug would move them.
  const acts = [...of('NetworkIdentified').map((e) => e.data.identifiedAt), ...of('NetworkDismantled').map((e) => e.data.dismantledAt)];
  expect(acts.filter((at) => month(at) !== utcMonth(at)).length).toBeGreaterThan(5);
  // Retries: the same link twice in the log.
  const links = of('CaseLinkedToNetwork').map((e) => `${e.data.networkId}|${e.data.caseId}`);
  expect(links.length - new Set(links).size).toBeGreaterThan(2);
}
