import type { NewEvent } from '#event-store';
import type { seededRandom } from './random.js';

type Stream = { streamId: string; events: NewEvent[] };

/**
 * Issue 14, reconciliation: records one institution has and another has not — prosecutions whose denunciation is
 * absent (some taken to trial: a trial with its prosecution but no denunciation), trials whose prosecution and
 * denunciation are both absent, and trials naming a registered denunciation but no prosecution recorded. Drawn
 * after everything else, so the rest of the log is the same draw for draw; appended after the denunciations.
 */
export function unlinkedRecords(
  rng: ReturnType<typeof seededRandom>,
  event: (type: string, data: Record<string, unknown>) => NewEvent,
  instant: () => string,
  later: (from: string, maxHours: number) => string,
  cases: ReadonlyArray<{ caseId: string; registeredAt: string }>,
  count: number,
): Stream[][] {
  const groups: Stream[][] = [];
  const trial = (prosecutionId: string, caseId: string | null, after: string): Stream => {
    const trialId = rng.uuid();
    const openedAt = later(after, 24 * 40);
    const events = [event('TrialOpened', { trialId, prosecutionId, caseId, openedAt, court: 'Juzgado Penal' })];
    if (rng.chance(0.6)) {
      const verdict = rng.chance(0.6) ? 'conviction' : 'acquittal';
      const ruledAt = later(openedAt, 24 * 60);
      events.push(
        event('RulingIssued', {
          trialId,
          ruledAt,
          verdict,
          sentenceYears: verdict === 'conviction' ? 12 : null,
          defendants: [],
          instance: 1,
        }),
      );
    }
    return { streamId: `trial-${trialId}`, events };
  };
  for (let i = 0; i < count; i++) {
    const roll = rng.next();
    if (roll < 0.45) {
      // Prosecution-only: the denunciation was never registered here.
      const prosecutionId = rng.uuid();
      const openedAt = instant();
      const streams: Stream[] = [
        {
          streamId: `prosecution-${prosecutionId}`,
          events: [event('ProsecutionOpened', { prosecutionId, caseId: rng.uuid(), office: 'FISTRAP Cusco', openedAt })],
        },
      ];
      if (rng.chance(0.4)) streams.push(trial(prosecutionId, null, openedAt));
      groups.push(streams);
    } else if (roll < 0.7) {
      // A court's record alone.
      groups.push([trial(rng.uuid(), null, instant())]);
    } else {
      // A trial naming a registered denunciation, its prosecution never recorded.
      // Not one of the last denunciations: those may be appended in the same batch, after the trial.
      const c = rng.pick(cases.slice(0, Math.max(1, cases.length - 16)));
      groups.push([trial(rng.uuid(), c.caseId, c.registeredAt)]);
    }
  }
  return groups;
}
