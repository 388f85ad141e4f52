import type { NewEvent } from '#event-store';
import { seededRandom } from './random.js';

type Stream = { streamId: string; events: NewEvent[]; expectedVersion?: number };

const MEASURES = [
  'identity_reserve',
  'address_reserve',
  'police_protection',
  'residence_change',
  'voice_image_distortion',
  'separate_waiting',
  'gesell_testimony',
  'other',
];

/**
 * Issue 14 item 4: the witness protection of some prosecutions of a generated log, each stream placed right after
 * its prosecution's in the same group (so it is appended after it, in causal order). Measures go to the case's
 * victims and to witnesses, some people get several (in the same month and in later ones), interviews in a Gesell
 * chamber are held; a third of the instants fall within six hours of a month's end (UTC), where Lima differs.
 */
export function withProtection(groups: Stream[][], seed = 20261202): Stream[][] {
  const rng = seededRandom(seed);
  const event = (type: string, data: Record<string, unknown>): NewEvent => ({
    eventId: rng.uuid(),
    type,
    data,
    metadata: { actor: 'test' },
  });
  const near = (from: string, maxDays: number) => {
    const base = Date.parse(from) + rng.int(1, maxDays * 24) * 3_600_000;
    if (!rng.chance(0.33)) return new Date(base).toISOString();
    const d = new Date(base);
    const monthEnd = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    return new Date(Math.max(Date.parse(from) + 60_000, monthEnd - rng.int(-6, 6) * 3_600_000 - rng.int(1, 59) * 60_000)).toISOString();
  };
  return groups.map((group) => {
    const victims = group
      .flatMap((s) => s.events)
      .filter((e) => e.type === 'VictimIdentified')
      .map((e) => String(e.data.victimId));
    const out: Stream[] = [];
    for (const stream of group) {
      out.push(stream);
      const opened = stream.events.find((e) => e.type === 'ProsecutionOpened');
      if (!opened || !rng.chance(0.45)) continue;
      const prosecutionId = String(opened.data.prosecutionId);
      const openedAt = String(opened.data.openedAt);
      const people = [
        ...victims.map((id) => ({ kind: 'victim', id })),
        ...Array.from({ length: rng.int(0, 2) }, () => ({ kind: 'witness', id: rng.uuid() })),
      ];
      const events: NewEvent[] = [];
      for (const person of people) {
        if (!rng.chance(0.7)) continue;
        let at = near(openedAt, 40);
        for (let m = rng.int(1, 3); m > 0; m--) {
          events.push(
            event('ProtectionMeasureGranted', {
              prosecutionId,
              measureId: rng.uuid(),
              protectedPerson: person.kind,
              personId: person.id,
              witnessReference: person.kind === 'witness' ? 'Testigo reservado' : null,
              measure: rng.pick(MEASURES),
              grantedAt: at,
              endsAt: rng.chance(0.3) ? near(at, 180) : null,
              notes: null,
            }),
          );
          at = rng.chance(0.5) ? near(at, 2) : near(at, 60);
        }
      }
      for (const victimId of victims) {
        if (!rng.chance(0.5)) continue;
        for (let i = rng.int(1, 2); i > 0; i--) {
          events.push(event('GesellInterviewHeld', { prosecutionId, interviewId: rng.uuid(), victimId, heldAt: near(openedAt, 60) }));
        }
      }
      if (events.length > 0) out.push({ streamId: `witness-protection-${prosecutionId}`, events });
    }
    return out;
  });
}
