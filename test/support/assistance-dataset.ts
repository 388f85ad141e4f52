import type { NewEvent } from '#event-store';
import { seededRandom } from './random.js';

type Stream = { streamId: string; events: NewEvent[]; expectedVersion?: number };

const SERVICES = ['health', 'psychological', 'legal', 'education', 'work', 'social'];
const HOUR = 3_600_000;

/**
 * Issue 14: victims' assistance streams added to a generated log (statistics-dataset.ts), each in its case's group
 * after the case stream, drawn from a generator of its own so the rest of the log stays draw for draw. About half
 * the victims are assisted: consent (some refused, and then nothing else), shelter stays, services, reintegration;
 * Peruvians consular assistance and repatriation, foreigners migratory acts; a quarter of the acts within hours of
 * a month's end (UTC), where Lima's month differs; some acts duplicated (a retry seen twice); some victims voided
 * later by the dataset's corrections, which the statistics must then drop.
 */
export function withAssistance<G extends Stream[][]>(groups: G, seed: number): G {
  const rng = seededRandom(seed);
  const at = (from: string) => {
    const base = Date.parse(from) + rng.int(1, 24 * 80) * HOUR;
    if (!rng.chance(0.25)) return new Date(base).toISOString();
    const d = new Date(base);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) + rng.int(-6, 6) * HOUR - rng.int(1, 59) * 60_000).toISOString();
  };
  for (const group of groups) {
    const caseStream = group.find((s) => s.streamId.startsWith('case-') && s.expectedVersion === undefined);
    const registered = caseStream?.events.find((e) => e.type === 'CaseRegistered');
    if (!caseStream || !registered) continue;
    const { caseId, ubigeo, registeredAt } = registered.data as { caseId: string; ubigeo: string; registeredAt: string };
    for (const victim of caseStream.events.filter((e) => e.type === 'VictimIdentified')) {
      if (!rng.chance(0.5)) continue;
      const v = victim.data as { victimId: string; sex: string; ageGroup: string; nationality: string };
      const events: NewEvent[] = [];
      const act = (type: string, occurredAt: string, extra: Record<string, unknown> = {}) => {
        const data = { victimId: v.victimId, caseId, actId: rng.uuid(), occurredAt, department: ubigeo.slice(0, 2) };
        events.push({
          eventId: rng.uuid(),
          type,
          data: { ...data, sex: v.sex, ageGroup: v.ageGroup, notes: null, ...extra },
          metadata: { actor: 'test' },
        });
        if (rng.chance(0.05)) events.push({ ...events.at(-1)!, eventId: rng.uuid() });
      };
      const consentAt = at(registeredAt);
      const given = rng.chance(0.85);
      act('ConsentRecorded', consentAt, { given });
      if (given) {
        if (rng.chance(0.5)) {
          const admitted = at(consentAt);
          act('ShelterAdmitted', admitted, { shelterName: 'Hogar' });
          if (rng.chance(0.6))
            act('ShelterExited', at(admitted), { exitReason: rng.pick(['voluntary', 'family_reintegration', 'transfer']) });
        }
        for (let s = rng.int(0, 4); s > 0; s--) act('ServiceProvided', at(consentAt), { service: rng.pick(SERVICES) });
        if (rng.chance(0.3)) act('ReintegrationRecorded', at(consentAt), { reintegration: rng.pick(['family', 'work', 'education']) });
        if (v.nationality === 'PE' && rng.chance(0.3)) {
          const country = rng.pick(['CL', 'AR', 'EC']);
          act('ConsularAssistanceProvided', at(consentAt), { country });
          if (rng.chance(0.5)) act('Repatriated', at(consentAt), { country });
        }
        if (!['PE', 'unknown'].includes(v.nationality) && rng.chance(0.6)) {
          act('MigratoryStatusRecorded', at(consentAt), { status: rng.pick(['irregular', 'tourist', 'refugee_applicant']) });
          if (rng.chance(0.5)) act('Regularized', at(consentAt));
          if (rng.chance(0.3)) act('VoluntaryReturnAssisted', at(consentAt), { country: v.nationality });
        }
      } else if (rng.chance(0.3)) {
        act('ConsentRecorded', at(consentAt), { given: true });
        act('ServiceProvided', at(consentAt), { service: rng.pick(SERVICES) });
      }
      group.push({ streamId: `victim-assistance-${v.victimId}`, events });
    }
  }
  return groups;
}
