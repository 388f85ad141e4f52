/**
 * The public contract of the integration events: which event types are published, on which topic, and which of
 * their fields. An explicit allow-list: a field added to an event is not published until it is listed here, and
 * only ids, codes, dates, counts, flags and UBIGEO may be listed (never a personal field, a sealed value or free
 * text). Within v1 changes are additive only; a breaking change is a new `.v2` type published side by side.
 *
 * People inside a record (victims, suspects, protected persons) are never described: no per-person sex, age group,
 * nationality, country or migratory status, because with a district and a date they single out one person in a
 * small department. A victim's or suspect's identification is published as the bare fact (its case id: consumers
 * count), and demographic breakdowns stay in the published reports, under disclosure control.
 * docs/integration-events.md lists, per kind, what is deliberately not published and why.
 */
export type FieldKind = 'id' | 'code' | 'codes' | 'date-time' | 'count' | 'boolean' | 'ubigeo';

export interface PublishedField {
  kind: FieldKind;
  nullable?: boolean;
  /**
   * Where the value comes from when not the field of the same name: a dotted path, `path.length` for a count, or
   * `path.keys` for the names of an object's fields (which fields a correction changed, never their values).
   */
  from?: string;
}

export interface PublishedEventType {
  topic: string;
  fields: Readonly<Record<string, PublishedField>>;
}

const id = { kind: 'id' } as const;
const code = { kind: 'code' } as const;
const time = { kind: 'date-time' } as const;
const optional = <F extends PublishedField>(field: F, from?: string): PublishedField => ({
  ...field,
  nullable: true,
  ...(from === undefined ? {} : { from }),
});

const calls = (fields: PublishedEventType['fields']) => ({ topic: 'registro.hotline-calls', fields });
const referrals = (fields: PublishedEventType['fields']) => ({ topic: 'registro.referrals', fields });
const trials = (fields: PublishedEventType['fields']) => ({ topic: 'registro.trials', fields });
const cases = (fields: PublishedEventType['fields']) => ({ topic: 'registro.cases', fields: { caseId: id, ...fields } });
const prosecutions = (fields: PublishedEventType['fields'] = { occurredAt: time }) => ({
  topic: 'registro.prosecutions',
  fields: { prosecutionId: id, ...fields },
});
const networks = (fields: PublishedEventType['fields']) => ({ topic: 'registro.criminal-networks', fields: { networkId: id, ...fields } });
/** The stream (the message key and subject) is the victim's: her acts in order. Her sex, age group and department are not sent. */
const assistance = (fields: PublishedEventType['fields'] = {}) => ({
  topic: 'registro.victim-assistance',
  fields: { actId: id, caseId: id, occurredAt: time, ...fields },
});
const protection = (fields: PublishedEventType['fields']) => ({
  topic: 'registro.witness-protection',
  fields: { prosecutionId: id, ...fields },
});

export const INTEGRATION_EVENTS: Readonly<Record<string, PublishedEventType>> = {
  HotlineCallReceived: calls({
    callId: id,
    receivedAt: time,
    channel: code,
    language: code,
    topic: code,
    anonymous: { kind: 'boolean' },
    callerUbigeo: optional({ kind: 'ubigeo' }),
  }),
  HotlineCallClassified: calls({ callId: id, topic: code, previousTopic: code }),
  HotlineCallCorrected: calls({ callId: id }),
  HotlineCallClosed: calls({ callId: id, closedAt: time, outcome: code }),
  ReferralSent: referrals({
    referralId: id,
    sourceKind: { kind: 'code', from: 'source.kind' },
    sourceId: { kind: 'id', from: 'source.id' },
    to: code,
    ubigeo: optional({ kind: 'ubigeo' }),
    referredAt: time,
  }),
  ReferralAccepted: referrals({ referralId: id, acceptedAt: time, linkedCaseId: optional(id) }),
  ReferralRejected: referrals({ referralId: id, rejectedAt: time }),
  ReferralCompleted: referrals({ referralId: id, completedAt: time, successful: { kind: 'boolean' }, reason: optional(code) }),
  ReferralRevoked: referrals({ referralId: id, revokedAt: time }),
  CaseRegistered: cases({
    registeredAt: time,
    occurredAt: optional(time),
    ubigeo: { kind: 'ubigeo' },
    source: code,
    referralId: optional(id),
    purposes: { kind: 'codes' },
    // Absent from cases recorded before the qualification existed.
    offences: optional({ kind: 'codes' }),
  }),
  VictimIdentified: cases({}),
  SuspectIdentified: cases({}),
  OperationConducted: cases({ operationId: id, conductedAt: time, rescued: { kind: 'count' }, detained: { kind: 'count' } }),
  CaseReferredToProsecutor: cases({ referredAt: time, prosecutionId: id }),
  CaseClosed: cases({ closedAt: time }),
  // Which facts changed (names only), and the new value of those this contract publishes; null where unchanged.
  CaseFactsCorrected: cases({
    changedFields: { kind: 'codes', from: 'changes.keys' },
    registeredAt: optional(time, 'changes.registeredAt'),
    occurredAt: optional(time, 'changes.occurredAt'),
    ubigeo: optional({ kind: 'ubigeo' }, 'changes.ubigeo'),
    purposes: optional({ kind: 'codes' }, 'changes.purposes'),
    offences: optional({ kind: 'codes' }, 'changes.offences'),
  }),
  VictimVoided: cases({}),
  SuspectVoided: cases({}),
  CaseReopened: cases({ reopenedAt: time }),
  CaseMarkedSameFacts: cases({ sameAsCaseId: id }),
  ProsecutionOpened: prosecutions({ caseId: id, openedAt: time }),
  PreliminaryInvestigationOpened: prosecutions(),
  ProsecutionArchived: prosecutions(),
  InvestigationFormalized: prosecutions(),
  AccusationFiled: prosecutions(),
  ProsecutionDismissed: prosecutions(),
  TrialOpened: trials({ trialId: id, prosecutionId: id, caseId: optional(id), openedAt: time }),
  RulingIssued: trials({
    trialId: id,
    ruledAt: time,
    verdict: code,
    instance: { kind: 'count' },
    defendantCount: { kind: 'count', from: 'defendants.length' },
  }),
  RulingAppealed: trials({ trialId: id, appealedAt: time }),
  RulingBecameFinal: trials({ trialId: id, finalAt: time, verdict: code }),
  NetworkIdentified: networks({ identifiedAt: time, ubigeo: { kind: 'ubigeo' } }),
  CaseLinkedToNetwork: networks({ caseId: id, linkedAt: time }),
  SuspectLinkedToNetwork: networks({ caseId: id, role: code, linkedAt: time }),
  NetworkDismantled: networks({ dismantledAt: time }),
  ShelterAdmitted: assistance(),
  ShelterExited: assistance(),
  ServiceProvided: assistance({ service: code }),
  ReintegrationRecorded: assistance({ reintegration: code }),
  ConsularAssistanceProvided: assistance(),
  Repatriated: assistance(),
  Regularized: assistance(),
  VoluntaryReturnAssisted: assistance(),
  ProtectionMeasureGranted: protection({
    measureId: id,
    protectedPerson: code,
    measure: code,
    grantedAt: time,
    endsAt: optional(time),
  }),
  GesellInterviewHeld: protection({ interviewId: id, heldAt: time }),
};
