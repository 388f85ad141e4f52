/**
 * Valid request bodies for the commands the e2e and browser specs send, and the time helpers they use.
 *
 * Each builder answers a body the API accepts as it stands; a spec passes as `overrides` only what matters to it.
 * The defaults form one consistent story in Lima (call on 3 March 2025, referral two hours later, case on 5 March,
 * sent to the prosecutor on 6 March), so a spec that relies on a date, a place or a time offset names it.
 *
 * A builder's answer has the overrides' own types (a `callId` given is a `string`, not `string | undefined`).
 * An override of `undefined` leaves the field out of the JSON body (supertest sends `JSON.stringify` of it).
 * A hostile or invalid body is not built here: a spec spreads a valid one and states the bad field itself.
 */

/** What a builder called without overrides adds to its body's type: nothing. */
type NoOverrides = Record<never, never>;

/** The instant `hours` hours before now, as ISO 8601. */
export const hoursAgo = (hours: number): string => new Date(Date.now() - hours * 3_600_000).toISOString();

/** POST /hotline-calls. */
export interface HotlineCallBody {
  callId?: string;
  receivedAt: string;
  channel: string;
  language: string;
  callerUbigeo?: string | null;
  anonymous: boolean;
  topic: string;
  summary?: string;
}

/** An anonymous phone call in Spanish from Lima about trafficking. */
export const hotlineCall = <O extends Partial<HotlineCallBody> = NoOverrides>(overrides: O = {} as O): HotlineCallBody & O => ({
  receivedAt: '2025-03-03T09:00:00-05:00',
  channel: 'phone',
  language: 'es',
  callerUbigeo: '150101',
  anonymous: true,
  topic: 'trafficking',
  ...overrides,
});

/** POST /hotline-calls/{callId}/referrals. */
export interface CallReferralBody {
  referralId?: string;
  to: string;
  referredAt: string;
  ubigeo?: string;
  unitName?: string;
  deadlineMinutes?: number;
}

/** A referral of the default call to the police, two hours after it was received. */
export const callReferral = <O extends Partial<CallReferralBody> = NoOverrides>(overrides: O = {} as O): CallReferralBody & O => ({
  to: 'PNP',
  referredAt: '2025-03-03T11:00:00-05:00',
  ...overrides,
});

/** A victim in POST /cases. */
export interface VictimBody {
  victimId?: string;
  sex: string;
  age?: number;
  nationality: string;
  fullName?: string;
  documentType?: string;
  documentNumber?: string;
  phone?: string;
  address?: string;
}

/** A Peruvian girl of 17, not identified. */
export const victim = <O extends Partial<VictimBody> = NoOverrides>(overrides: O = {} as O): VictimBody & O => ({
  sex: 'female',
  age: 17,
  nationality: 'PE',
  ...overrides,
});

/** A suspect in POST /cases and POST /cases/{caseId}/suspects. */
export interface SuspectBody {
  suspectId?: string;
  sex: string;
  age?: number;
  nationality: string;
  role?: string | null;
}

/** A Peruvian man, age and role unknown. */
export const suspect = <O extends Partial<SuspectBody> = NoOverrides>(overrides: O = {} as O): SuspectBody & O => ({
  sex: 'male',
  nationality: 'PE',
  ...overrides,
});

/** POST /cases. */
export interface CaseRegistrationBody {
  caseId?: string;
  registeredAt: string;
  occurredAt?: string | null;
  policeUnit: string;
  ubigeo: string;
  source: string;
  referralId?: string;
  purposes: string[];
  victims: VictimBody[];
  suspects: SuspectBody[];
}

/** A walk-in denunciation in Lima for labour exploitation, one victim (`victim()`) and no suspect. */
export const caseRegistration = <O extends Partial<CaseRegistrationBody> = NoOverrides>(
  overrides: O = {} as O,
): CaseRegistrationBody & O => ({
  registeredAt: '2025-03-05T10:00:00-05:00',
  policeUnit: 'Comisaría',
  ubigeo: '150101',
  source: 'walk_in',
  purposes: ['labour_exploitation'],
  victims: [victim()],
  suspects: [],
  ...overrides,
});

/** POST /cases/{caseId}/prosecutor-referral. */
export interface ProsecutorReferralBody {
  prosecutionId?: string;
  referredAt: string;
  office: string;
}

/** The default case sent to the FISTRAP the day after its registration. */
export const prosecutorReferral = <O extends Partial<ProsecutorReferralBody> = NoOverrides>(
  overrides: O = {} as O,
): ProsecutorReferralBody & O => ({
  referredAt: '2025-03-06T10:00:00-05:00',
  office: 'FISTRAP',
  ...overrides,
});

/** POST /trials. */
export interface TrialOpeningBody {
  trialId?: string;
  prosecutionId: string;
  openedAt: string;
  court: string;
}

/** A trial opened on `prosecutionId` (the prosecution must be at the accusation stage). */
export const trialOpening = <O extends Partial<Omit<TrialOpeningBody, 'prosecutionId'>> = NoOverrides>(
  prosecutionId: string,
  overrides: O = {} as O,
): TrialOpeningBody & O => ({
  prosecutionId,
  openedAt: '2025-03-11T10:00:00-05:00',
  court: 'Juzgado',
  ...overrides,
});

/** POST /trials/{trialId}/rulings. */
export interface RulingBody {
  ruledAt: string;
  verdict: string;
  sentenceYears?: number;
  defendants: string[];
}

/** A conviction of `defendants`. */
export const ruling = <O extends Partial<Omit<RulingBody, 'defendants'>> = NoOverrides>(
  defendants: string[],
  overrides: O = {} as O,
): RulingBody & O => ({
  ruledAt: '2025-04-01T10:00:00-05:00',
  verdict: 'conviction',
  sentenceYears: 8,
  defendants,
  ...overrides,
});
