import type { NewEvent, PostgresEventStore } from '#event-store';
import { networkGroups } from './network-dataset.js';
import { deadlineDataset } from './deadline-dataset.js';
import { seededRandom } from './random.js';
import { unlinkedRecords } from './reconciliation-dataset.js';

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
  /**
   * Issue 13: qualification on most registrations (offences in force, aggravating circumstances, places abroad
   * too, recruitment, control, sectors) and, recorded after everything else, corrections of facts and victims
   * (new documents too), voided victims and suspects, reopened cases and cases marked as the same facts.
   * Off: the log of earlier versions, draw for draw.
   */
  qualification?: boolean;
  /**
   * Issue 14: police operations on some denunciations (none, one or several, up to two months after registration,
   * people rescued and detained from 0 to 12). Off: the log of earlier versions, draw for draw.
   */
  operations?: boolean;
  /** Issue 14: this many prosecutions and trials without a denunciation or prosecution (reconciliation-dataset.ts). */
  unlinked?: number;
  /** Issue 14: criminal networks over the denunciations (test/support/network-dataset.ts), appended after them. */
  networks?: boolean;
  /** Issue 14: that many more referrals around Lima month ends with recorded deadlines (deadline-dataset.ts). */
  deadlines?: number;
}

/** `expectedVersion`: a later append to a stream already written (the corrections). */
type Stream = { streamId: string; events: NewEvent[]; expectedVersion?: number };

/** What the corrections need to know of a generated denunciation. */
interface GeneratedCase {
  caseId: string;
  events: number;
  registeredAt: string;
  /** The date of the facts, when known: the law in force is that of this date, else of registeredAt's. */
  occurredAt: string | null;
  victims: Array<{ victimId: string }>;
  suspects: string[];
}

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
  const generated: GeneratedCase[] = [];
  const qualify = options.qualification ? (at: string, purposes: string[]) => qualification(rng, at, purposes, options.departments) : null;
  for (let i = 0; i < options.cases; i++) {
    groups.push(denunciation(rng, event, instant, later, ubigeo, referral, linkId, qualify, generated, options.operations ?? false));
  }
  if (options.qualification) groups.push(...corrections(rng, event, instant, ubigeo, linkId, generated, options.departments));
  if (options.unlinked) groups.push(...unlinkedRecords(rng, event, instant, later, generated, options.unlinked));
  if (options.networks) groups.push(...networkGroups(options.seed, generated, options));
  if (options.deadlines) groups.push(...deadlineDataset({ ...options, referrals: options.deadlines }));
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
  qualify: ((at: string, purposes: string[]) => Record<string, unknown>) | null,
  generated: GeneratedCase[],
  operations: boolean,
): Stream[] {
  const caseId = rng.uuid();
  const registeredAt = instant();
  const purposes = PURPOSES.filter(() => rng.chance(0.2));
  const generatedCase: GeneratedCase = { caseId, events: 0, registeredAt, occurredAt: null, victims: [], suspects: [] };
  generated.push(generatedCase);
  const qualified = qualify && rng.chance(0.8) ? qualify(registeredAt, purposes) : {};
  generatedCase.occurredAt = (qualified.occurredAt as string | null | undefined) ?? null;
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
      ...qualified,
    }),
  ];
  for (let v = rng.int(0, 3); v > 0; v--) {
    const age = rng.chance(0.85) ? rng.int(3, 70) : null;
    const victimId = rng.uuid();
    generatedCase.victims.push({ victimId });
    events.push(
      event('VictimIdentified', {
        caseId,
        victimId,
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
    const suspectId = rng.uuid();
    generatedCase.suspects.push(suspectId);
    events.push(event('SuspectIdentified', { caseId, suspectId, sex: rng.pick(SEXES), age: null, nationality: 'PE', role: null }));
  }
  if (operations && rng.chance(0.35)) {
    for (let o = rng.int(1, 3); o > 0; o--) {
      const rescued = rng.chance(0.2) ? 0 : rng.int(1, 12);
      const detained = rng.int(0, 12);
      events.push(
        event('OperationConducted', { caseId, operationId: rng.uuid(), conductedAt: later(registeredAt, 24 * 60), rescued, detained }),
      );
    }
  }
  generatedCase.events = events.length;
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

/**
 * Appends each stream in one append; groups eight at a time, each group's streams one after the other; the later
 * appends (corrections) after all the others.
 */
export async function appendDataset(store: PostgresEventStore, groups: readonly Stream[][]): Promise<void> {
  const isLater = (group: Stream[]) => group.some((stream) => stream.expectedVersion !== undefined);
  for (const phase of [groups.filter((g) => !isLater(g)), groups.filter(isLater)]) {
    for (let i = 0; i < phase.length; i += 8) {
      await Promise.all(
        phase.slice(i, i + 8).map(async (group) => {
          for (const stream of group) await store.append(stream.streamId, stream.events, stream.expectedVersion ?? 0);
        }),
      );
    }
  }
}

/** The codes as the contract lists them, in catalog order (a decider records lists deduplicated in that order). */
const OFFENCES: Array<[code: string, from: string, until: string | null]> = [
  ['cp153-l28950', '2007-01-17', '2014-10-21'],
  ['cp153a-l28950', '2007-01-17', '2021-03-30'],
  ['cp153-l30251', '2014-10-22', '2021-03-30'],
  ['cp153b-dl1323', '2017-01-07', '2019-06-18'],
  ['cp153c-dl1323', '2017-01-07', '2021-03-30'],
  ['cp168b-dl1323', '2017-01-07', '2021-03-30'],
  ['cp153b-l30963', '2019-06-19', '2021-03-30'],
  ['cp153h-l30963', '2019-06-19', '2021-03-30'],
  ['cp129a-l31146', '2021-03-31', null],
  ['cp129b-l31146', '2021-03-31', null],
  ['cp129c-l31146', '2021-03-31', null],
  ['cp129h-l31146', '2021-03-31', null],
  ['cp129n-l31146', '2021-03-31', null],
  ['cp129o-l31146', '2021-03-31', null],
  ['cp303a-l28950', '2007-01-17', null],
  ['cp303b-l28950', '2007-01-17', null],
];
const AGGRAVATING = [
  'public_official',
  'organization_member',
  'several_victims',
  'victim_minor',
  'victim_older_adult',
  'victim_disability',
  'victim_pregnant',
  'family_or_care_tie',
  'several_perpetrators',
  'criminal_organization',
  'victim_death',
  'serious_harm',
];
const RECRUITMENT = [
  'job_offer',
  'study_or_travel_offer',
  'relative',
  'intimate_partner',
  'friend_or_acquaintance',
  'internet_or_app',
  'abduction',
];
const CONTROL = ['debt_bondage', 'withheld_documents', 'threats', 'physical_violence', 'isolation'];
const SECTORS = ['A', 'B', 'C', 'G', 'I', 'T'];
const SEXUAL = ['prostitution', 'pornography', 'remote_interactive_services', 'sexual_tourism'];
const COUNTRIES = ['AR', 'BO', 'BR', 'CL', 'CO', 'EC', 'ES', 'US'];

const limaDate = (instant: string) => new Date(Date.parse(instant) - 5 * 3_600_000).toISOString().slice(0, 10);

type Rng = ReturnType<typeof seededRandom>;

function offencesOn(rng: Rng, date: string): string[] {
  const inForce = OFFENCES.filter(([, from, until]) => from <= date && (until === null || date <= until)).map(([code]) => code);
  const chosen = new Set([rng.pick(inForce), ...(rng.chance(0.3) ? [rng.pick(inForce)] : [])]);
  return inForce.filter((code) => chosen.has(code));
}

function place(rng: Rng, departments: readonly string[]) {
  const roll = rng.next();
  if (roll < 0.3) return { country: rng.pick(COUNTRIES) };
  if (roll < 0.8) return { ubigeo: rng.chance(0.5) ? `${rng.pick(departments)}0101` : rng.pick(departments) };
  return null;
}

const subset = (rng: Rng, codes: readonly string[], p: number) => codes.filter(() => rng.chance(p));

/** CaseRegistered's qualification fields; for a third of the cases, facts before the 2021 reform. */
function qualification(rng: Rng, registeredAt: string, purposes: string[], departments: readonly string[]): Record<string, unknown> {
  const occurredAt = rng.chance(0.3) ? new Date(Date.UTC(rng.int(2015, 2020), rng.int(0, 11), rng.int(1, 28), 15)).toISOString() : null;
  return {
    occurredAt,
    offences: rng.chance(0.85) ? offencesOn(rng, limaDate(occurredAt ?? registeredAt)) : [],
    aggravatingCircumstances: subset(rng, AGGRAVATING, 0.12),
    places: {
      recruitment: place(rng, departments),
      transit: rng.chance(0.3) ? [{ ubigeo: rng.pick(departments) }] : [],
      exploitation: place(rng, departments),
    },
    recruitment: subset(rng, RECRUITMENT, 0.2),
    control: subset(rng, CONTROL, 0.2),
    labourSectors: purposes.includes('labour_exploitation') || rng.chance(0.1) ? subset(rng, SECTORS, 0.3) : [],
    sexualExploitation: purposes.includes('sexual_exploitation') ? subset(rng, SEXUAL, 0.4) : [],
  };
}

/** What a case correction may change, in the event's field order; never empty. */
function factChanges(rng: Rng, c: GeneratedCase, instant: () => string, ubigeo: () => string, departments: readonly string[]) {
  const changes: Record<string, unknown> = {};
  if (rng.chance(0.35)) changes.registeredAt = instant();
  if (rng.chance(0.35) || Object.keys(changes).length === 0) changes.ubigeo = ubigeo();
  if (rng.chance(0.3)) changes.purposes = PURPOSES.filter(() => rng.chance(0.25));
  // The law in force is re-checked on a corrected date: with no date of the facts, a new registration date gets
  // offences in force on it.
  if (rng.chance(0.3) || (changes.registeredAt && c.occurredAt === null))
    changes.offences = offencesOn(rng, limaDate(c.occurredAt ?? (changes.registeredAt as string | undefined) ?? c.registeredAt));
  if (rng.chance(0.3)) changes.aggravatingCircumstances = subset(rng, AGGRAVATING, 0.2);
  if (rng.chance(0.35)) changes.places = { recruitment: null, transit: [], exploitation: place(rng, departments) };
  if (rng.chance(0.3)) changes.recruitment = subset(rng, RECRUITMENT, 0.25);
  if (rng.chance(0.25)) changes.labourSectors = subset(rng, SECTORS, 0.3);
  return changes;
}

/**
 * Corrections recorded after the whole log: each case's in one later append, as the deciders emit them (a victim
 * corrected before it is voided, never after; a case marked as the same facts as one not itself marked).
 */
function corrections(
  rng: Rng,
  event: (type: string, data: Record<string, unknown>) => NewEvent,
  instant: () => string,
  ubigeo: () => string,
  linkId: () => string | null,
  generated: readonly GeneratedCase[],
  departments: readonly string[],
): Stream[][] {
  const reason = 'corrección de registro';
  const marked = new Set<string>();
  const groups: Stream[][] = [];
  for (const c of generated) {
    const { caseId } = c;
    const events: NewEvent[] = [];
    if (rng.chance(0.15))
      events.push(event('CaseFactsCorrected', { caseId, changes: factChanges(rng, c, instant, ubigeo, departments), reason }));
    for (const { victimId } of c.victims) {
      if (rng.chance(0.15)) {
        const changes: Record<string, unknown> = {};
        if (rng.chance(0.4)) changes.sex = rng.pick(SEXES);
        if (rng.chance(0.4)) {
          const age = rng.int(3, 70);
          Object.assign(changes, { age, ageGroup: ageGroup(age), minor: age < 18 });
        }
        if (rng.chance(0.4) || Object.keys(changes).length === 0) changes.nationality = rng.pick(NATIONALITIES);
        const document = rng.chance(0.35);
        // A new document is recorded whole; the store seals it and adds its link id (null: no document any more).
        if (document) changes.personal = { documentType: 'DNI', documentNumber: 'sellado' };
        events.push(event('VictimCorrected', { caseId, victimId, changes, reason, ...(document ? { linkId: linkId() } : {}) }));
      }
      if (rng.chance(0.07)) events.push(event('VictimVoided', { caseId, victimId, reason }));
    }
    for (const suspectId of c.suspects) if (rng.chance(0.1)) events.push(event('SuspectVoided', { caseId, suspectId, reason }));
    if (rng.chance(0.05)) {
      const closedAt = instant();
      events.push(event('CaseClosed', { caseId, closedAt, reason: 'archivo' }));
      events.push(event('CaseReopened', { caseId, reopenedAt: new Date(Date.parse(closedAt) + 86_400_000).toISOString(), reason }));
    }
    const other = rng.pick(generated);
    if (rng.chance(0.05) && other.caseId !== caseId && !marked.has(other.caseId) && !marked.has(caseId)) {
      marked.add(caseId);
      events.push(event('CaseMarkedSameFacts', { caseId, sameAsCaseId: other.caseId, reason }));
    }
    if (events.length > 0) groups.push([{ streamId: `case-${caseId}`, events, expectedVersion: c.events }]);
  }
  return groups;
}
