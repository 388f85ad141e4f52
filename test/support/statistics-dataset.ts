import type { NewEvent, PostgresEventStore } from '#event-store';
import { seededRandom } from './random.js';

/**
 * A multi-year log for the statistics tests: calls (some reclassified, corrected into another month, closed),
 * referrals in every state, denunciations with victims (some named again in another denunciation, linked by
 * their document hash), suspects and purposes, prosecutions and trials with appeals, with instants near month
 * ends so the Lima time zone matters. Events have the shapes the deciders
 * produce; they are appended stream by stream in causal order.
 */
export interface DatasetOptions {
  seed: number;
  years: readonly number[];
  calls: number;
  cases: number;
  departments: readonly string[];
}

type Stream = { streamId: string; events: NewEvent[] };

const SEXES = ['female', 'female', 'male', 'other', 'unknown'];
const NATIONALITIES = ['PE', 'PE', 'PE', 'VE', 'CO', 'BO', 'unknown'];
const PURPOSES = [
  'sexual_exploitation',
  'labour_exploitation',
  'forced_labour',
  'servitude',
  'begging',
  'sale_of_children',
  'organ_trafficking',
  'other',
];
const DESTINATIONS = ['PNP', 'MINISTERIO_PUBLICO', 'MIMP', 'DEMUNA', 'SHELTER', 'OTHER'];
const SOURCES = ['hotline_referral', 'walk_in', 'police_operation', 'other_institution', 'ex_officio'];
const PERSONAL = { fullName: null, documentType: null, documentNumber: null, phone: null, address: null };

const ageGroup = (age: number | null) =>
  age === null
    ? 'unknown'
    : age < 12
      ? '0-11'
      : age < 18
        ? '12-17'
        : age < 25
          ? '18-24'
          : age < 30
            ? '25-29'
            : age < 45
              ? '30-44'
              : age < 60
                ? '45-59'
                : '60+';

/** Groups of streams: each group in causal order (a call, then its referral; a denunciation, its prosecution, its trial). */
export function generateDataset(options: DatasetOptions): Stream[][] {
  const rng = seededRandom(options.seed);
  const groups: Stream[][] = [];
  const event = (type: string, data: Record<string, unknown>): NewEvent => ({
    eventId: rng.uuid(),
    type,
    data,
    metadata: { actor: 'test' },
  });
  // Instants spread over the years, a quarter of them within six hours of a month's end (UTC), where Lima differs.
  const instant = () => {
    const year = rng.pick(options.years);
    const month = rng.int(0, 11);
    if (rng.chance(0.25))
      return new Date(Date.UTC(year, month + 1, 1) - rng.int(-6, 6) * 3_600_000 - rng.int(0, 59) * 60_000).toISOString();
    return new Date(Date.UTC(year, month, rng.int(1, 28), rng.int(0, 23), rng.int(0, 59))).toISOString();
  };
  const later = (from: string, maxHours: number) =>
    new Date(Date.parse(from) + rng.int(1, maxHours) * 3_600_000 + rng.int(0, 3599) * 1000).toISOString();
  const ubigeo = () => `${rng.pick(options.departments)}0101`;
  const referral = (source: { kind: string; id: string }, at: string): Stream => {
    const referralId = rng.uuid();
    const referredAt = later(at, 72);
    const events = [
      event('ReferralSent', {
        referralId,
        source,
        to: rng.pick(DESTINATIONS),
        unitName: null,
        ubigeo: rng.chance(0.8) ? ubigeo() : null,
        referredAt,
      }),
    ];
    const roll = rng.next();
    if (roll < 0.55) {
      const acceptedAt = later(referredAt, 200);
      events.push(event('ReferralAccepted', { referralId, acceptedAt, linkedCaseId: null }));
      if (rng.chance(0.4))
        events.push(
          event('ReferralCompleted', { referralId, completedAt: later(acceptedAt, 300), successful: rng.chance(0.7), reason: null }),
        );
      else if (rng.chance(0.1))
        events.push(event('ReferralRevoked', { referralId, revokedAt: later(acceptedAt, 100), reason: 'duplicada' }));
    } else if (roll < 0.7)
      events.push(event('ReferralRejected', { referralId, rejectedAt: later(referredAt, 100), reason: 'fuera de competencia' }));
    else if (roll < 0.75) events.push(event('ReferralRevoked', { referralId, revokedAt: later(referredAt, 100), reason: 'error' }));
    return { streamId: `referral-${referralId}`, events };
  };

  for (let i = 0; i < options.calls; i++) {
    const callId = rng.uuid();
    const receivedAt = instant();
    const topic = rng.chance(0.45) ? 'trafficking' : rng.pick(['information', 'missing_person', 'labour_complaint', 'other']);
    const events = [
      event('HotlineCallReceived', {
        callId,
        receivedAt,
        channel: 'phone',
        language: 'es',
        callerUbigeo: rng.chance(0.85) ? ubigeo() : null,
        anonymous: rng.chance(0.3),
        topic,
        summary: null,
      }),
    ];
    let trafficking = topic === 'trafficking';
    if (rng.chance(0.2)) {
      const next = trafficking ? 'other' : 'trafficking';
      events.push(event('HotlineCallClassified', { callId, topic: next, previousTopic: topic, reason: null }));
      trafficking = next === 'trafficking';
    }
    if (rng.chance(0.12)) {
      const changes = rng.chance(0.5) ? { receivedAt: instant() } : { callerUbigeo: rng.chance(0.8) ? ubigeo() : null };
      events.push(event('HotlineCallCorrected', { callId, changes, reason: 'error de digitación' }));
    }
    if (rng.chance(0.5)) events.push(event('HotlineCallClosed', { callId, closedAt: later(receivedAt, 48), outcome: 'resolved' }));
    const group = [{ streamId: `hotline-call-${callId}`, events }];
    if (trafficking && rng.chance(0.5)) group.push(referral({ kind: 'hotline_call', id: callId }, receivedAt));
    groups.push(group);
  }

  // Documents (their random link ids) already reported: a victim sometimes reappears in another denunciation.
  const documents: string[] = [];
  const linkId = () => {
    if (documents.length > 0 && rng.chance(0.15)) return rng.pick(documents);
    if (rng.chance(0.4)) return null;
    documents.push(rng.uuid());
    return documents.at(-1)!;
  };
  for (let i = 0; i < options.cases; i++) groups.push(denunciation(rng, event, instant, later, ubigeo, referral, linkId));
  return groups;
}

function denunciation(
  rng: ReturnType<typeof seededRandom>,
  event: (type: string, data: Record<string, unknown>) => NewEvent,
  instant: () => string,
  later: (from: string, maxHours: number) => string,
  ubigeo: () => string,
  referral: (source: { kind: string; id: string }, at: string) => Stream,
  linkId: () => string | null,
): Stream[] {
  const caseId = rng.uuid();
  const registeredAt = instant();
  const purposes = PURPOSES.filter(() => rng.chance(0.2));
  const events = [
    event('CaseRegistered', {
      caseId,
      registeredAt,
      occurredAt: null,
      policeUnit: 'DIRCTPTIM',
      ubigeo: ubigeo(),
      source: rng.pick(SOURCES),
      referralId: null,
      purposes,
    }),
  ];
  for (let v = rng.int(0, 3); v > 0; v--) {
    const age = rng.chance(0.85) ? rng.int(3, 70) : null;
    events.push(
      event('VictimIdentified', {
        caseId,
        victimId: rng.uuid(),
        sex: rng.pick(SEXES),
        age,
        ageGroup: ageGroup(age),
        minor: age === null ? null : age < 18,
        nationality: rng.pick(NATIONALITIES),
        personal: PERSONAL,
        linkId: linkId(),
      }),
    );
  }
  for (let s = rng.int(0, 2); s > 0; s--) {
    events.push(
      event('SuspectIdentified', { caseId, suspectId: rng.uuid(), sex: rng.pick(SEXES), age: null, nationality: 'PE', role: null }),
    );
  }
  const streams: Stream[] = [{ streamId: `case-${caseId}`, events }];
  if (rng.chance(0.1)) streams.push(referral({ kind: 'case', id: caseId }, registeredAt));
  if (!rng.chance(0.6)) return streams;
  const prosecutionId = rng.uuid();
  const openedAt = later(registeredAt, 24 * 60);
  const steps = [event('ProsecutionOpened', { prosecutionId, caseId, office: 'FISTRAP Lima', openedAt })];
  const roll = rng.next();
  if (roll < 0.3)
    steps.push(event('ProsecutionArchived', { prosecutionId, occurredAt: later(openedAt, 24 * 90), reason: 'sin elementos' }));
  streams.push({ streamId: `prosecution-${prosecutionId}`, events: steps });
  if (roll < 0.3 || roll > 0.75) return streams;
  const formalizedAt = later(openedAt, 24 * 60);
  steps.push(event('InvestigationFormalized', { prosecutionId, occurredAt: formalizedAt }));
  if (rng.chance(0.2)) {
    steps.push(event('ProsecutionDismissed', { prosecutionId, occurredAt: later(formalizedAt, 24 * 60), reason: null }));
    return streams;
  }
  const accusedAt = later(formalizedAt, 24 * 60);
  steps.push(event('AccusationFiled', { prosecutionId, occurredAt: accusedAt }));
  if (rng.chance(0.3)) return streams;
  const trialId = rng.uuid();
  const openedTrial = later(accusedAt, 24 * 30);
  const ruledAt = later(openedTrial, 24 * 120);
  const verdict = rng.chance(0.6) ? 'conviction' : 'acquittal';
  const trial = [
    event('TrialOpened', {
      trialId,
      prosecutionId,
      caseId: rng.chance(0.5) ? caseId : null,
      openedAt: openedTrial,
      court: 'Juzgado Penal',
    }),
    event('RulingIssued', { trialId, ruledAt, verdict, sentenceYears: verdict === 'conviction' ? 15 : null, defendants: [], instance: 1 }),
  ];
  if (rng.chance(0.25)) {
    const appealedAt = later(ruledAt, 24 * 10);
    trial.push(event('RulingAppealed', { trialId, appealedAt, appellant: null }));
    trial.push(
      event('RulingIssued', {
        trialId,
        ruledAt: later(appealedAt, 24 * 90),
        verdict: rng.pick(['conviction', 'acquittal']),
        sentenceYears: null,
        defendants: [],
        instance: 2,
      }),
    );
  }
  streams.push({ streamId: `trial-${trialId}`, events: trial });
  return streams;
}

/** Appends each stream in one append; groups eight at a time, each group's streams one after the other. */
export async function appendDataset(store: PostgresEventStore, groups: readonly Stream[][]): Promise<void> {
  for (let i = 0; i < groups.length; i += 8) {
    await Promise.all(
      groups.slice(i, i + 8).map(async (group) => {
        for (const stream of group) await store.append(stream.streamId, stream.events, 0);
      }),
    );
  }
}
