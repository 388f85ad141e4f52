import {
  caseStreamName,
  criminalNetworkStreamName,
  hotlineCallStreamName,
  PERSONAL_FIELDS,
  prosecutionStreamName,
  referralStreamName,
  trialStreamName,
  witnessProtectionStreamName,
  victimAssistanceStreamName,
} from '#domain';
import {
  CASE_FREE_TEXT,
  CRIMINAL_NETWORK_FREE_TEXT,
  freeTextSubjects,
  HOTLINE_CALL_FREE_TEXT,
  PROSECUTION_FREE_TEXT,
  REFERRAL_FREE_TEXT,
  sealFreeText,
  TRIAL_FREE_TEXT,
  unsealFreeText,
  WITNESS_PROTECTION_FREE_TEXT,
  VICTIM_ASSISTANCE_FREE_TEXT,
  type FreeTextFields,
} from './free-text.js';
import type { DataSubject, SubjectKeyring } from './subject-keyring.js';

export type StoredEvent = { type: string; data: object };

/**
 * How one kind of stream keeps personal data out of the log: which data subjects an event concerns (their keys are
 * created when it is appended, loaded when it is read) and how its fields are sealed and opened. Sealing is
 * deterministic, so a retried append still matches the stored events.
 */
export interface StreamSealing {
  /** The streams this applies to: their ids start with it (`hotline-call-`). */
  readonly streamPrefix: string;
  subjectsOf(event: StoredEvent): DataSubject[];
  seal(keyring: SubjectKeyring, event: StoredEvent): StoredEvent;
  unseal(keyring: SubjectKeyring, event: StoredEvent): StoredEvent;
}

type Transform = (value: string, subjectId: string, field: string) => string | null;

// ── Hotline calls: the summary is free text about the caller and others, sealed under the call's own key (the call
//    is its caller's data subject).

const summaryContext = (callId: string): string => `hotline-call:${callId}:summary`;

function mapSummary(event: StoredEvent, change: Transform): StoredEvent {
  const data = event.data as { callId: string; summary?: unknown; changes?: { summary?: unknown } };
  if (event.type === 'HotlineCallReceived' && typeof data.summary === 'string') {
    return { ...event, data: { ...data, summary: change(data.summary, data.callId, 'summary') } };
  }
  if (event.type === 'HotlineCallCorrected' && typeof data.changes?.summary === 'string') {
    return { ...event, data: { ...data, changes: { ...data.changes, summary: change(data.changes.summary, data.callId, 'summary') } } };
  }
  return event;
}

const callerOf = (event: StoredEvent): DataSubject[] => {
  const callId = (event.data as { callId?: unknown }).callId;
  return (event.type === 'HotlineCallReceived' || event.type === 'HotlineCallCorrected') && typeof callId === 'string'
    ? [{ id: callId, kind: 'caller' }]
    : [];
};

const hotlineCallPersonalData: Omit<StreamSealing, 'streamPrefix'> = {
  subjectsOf: callerOf,
  seal: (keyring, event) => mapSummary(event, (summary, callId) => keyring.seal(callId, summary, summaryContext(callId), 'summary')),
  // The summary of an erased call reads as null.
  unseal: (keyring, event) => mapSummary(event, (summary, callId) => keyring.unseal(callId, summary, summaryContext(callId))),
};

// ── Police cases: a victim's name, document, phone and address are sealed under the victim's own key, when she is
//    identified and when they are corrected. With a document, the event holds its random link id (the same for
//    every record of the person, so the statistics count her once; a corrected document gets its own, null when
//    removed); the document's keyed hash stays in the mutable `document_links`, which erasure deletes.

type Personal = Record<string, string | null>;
const victimContext = (victimId: string, field: string) => `victim:${victimId}:${field}`;

/** The events that hold a victim's personal fields: her identification, and corrections of them (only those changed). */
const VICTIM_PERSONAL_EVENTS = ['VictimIdentified', 'VictimCorrected'];

function personalOf(event: StoredEvent): Personal | undefined {
  if (event.type === 'VictimIdentified') return (event.data as { personal?: Personal }).personal ?? undefined;
  if (event.type === 'VictimCorrected') return (event.data as { changes?: { personal?: Personal } }).changes?.personal ?? undefined;
  return undefined;
}

function withPersonal(event: StoredEvent, personal: Personal): StoredEvent {
  if (event.type === 'VictimIdentified') return { ...event, data: { ...event.data, personal } };
  const data = event.data as { changes: object };
  return { ...event, data: { ...data, changes: { ...data.changes, personal } } };
}

function mapPersonal(event: StoredEvent, transform: Transform): StoredEvent {
  const given = personalOf(event);
  if (!given) return event;
  const victimId = (event.data as { victimId: string }).victimId;
  const personal = Object.fromEntries(
    Object.entries(given).map(([key, value]) => [
      key,
      typeof value === 'string' && (PERSONAL_FIELDS as readonly string[]).includes(key) ? transform(value, victimId, key) : value,
    ]),
  );
  return withPersonal(event, personal);
}

/**
 * The identity document an event gives the victim, when it gives one: always at identification (null fields: none),
 * on a correction only when the document changed (the decider then carries both fields, the new document whole).
 */
function documentOf(event: StoredEvent): { type: string | null; number: string | null } | undefined {
  const personal = personalOf(event);
  if (event.type === 'VictimCorrected' && !(personal && ('documentType' in personal || 'documentNumber' in personal))) return undefined;
  return { type: personal?.documentType ?? null, number: personal?.documentNumber ?? null };
}

function victimOf(event: StoredEvent): DataSubject[] {
  if (!VICTIM_PERSONAL_EVENTS.includes(event.type)) return [];
  const victimId = (event.data as { victimId?: unknown }).victimId;
  if (typeof victimId !== 'string') return [];
  const document = documentOf(event);
  return [document ? { id: victimId, kind: 'victim', document } : { id: victimId, kind: 'victim' }];
}

const casePersonalData: Omit<StreamSealing, 'streamPrefix'> = {
  subjectsOf: victimOf,
  seal: (keyring, event) => {
    if (!VICTIM_PERSONAL_EVENTS.includes(event.type)) return event;
    const document = documentOf(event);
    const sealed = mapPersonal(event, (value, victimId, field) =>
      keyring.seal(victimId, value, victimContext(victimId, field), `victims[${victimId}].${field}`),
    );
    if (document === undefined) return sealed;
    return { ...sealed, data: { ...sealed.data, linkId: keyring.linkId(document.type, document.number) } };
  },
  // Values of an erased victim read as null. The link id (and an old event's document hash) are storage-only: the
  // opened event is the one the decider emitted, so a retried command compares equal to it.
  unseal: (keyring, event) => {
    if (!VICTIM_PERSONAL_EVENTS.includes(event.type)) return event;
    const { linkId: _linkId, documentHash: _documentHash, ...data } = event.data as Record<string, unknown>;
    return mapPersonal({ ...event, data }, (value, victimId, field) => keyring.unseal(victimId, value, victimContext(victimId, field)));
  },
};

/** A stream type's sealing: its own personal fields (if any), then its free text under the record's key. */
function sealing(streamPrefix: string, freeText: FreeTextFields, own?: Omit<StreamSealing, 'streamPrefix'>): StreamSealing {
  return {
    streamPrefix,
    subjectsOf: (event) => {
      const subjects = own?.subjectsOf(event) ?? [];
      return [...subjects, ...freeTextSubjects(freeText, event).filter((s) => !subjects.some((o) => o.id === s.id))];
    },
    seal: (keyring, event) => sealFreeText(keyring, freeText, own ? own.seal(keyring, event) : event),
    unseal: (keyring, event) => unsealFreeText(keyring, freeText, own ? own.unseal(keyring, event) : event),
  };
}

const prefixOf = (streamName: (id: string) => string) => streamName('');

/** Every stream type of the registry and what it seals. */
export const STREAM_SEALINGS: readonly StreamSealing[] = [
  sealing(prefixOf(hotlineCallStreamName), HOTLINE_CALL_FREE_TEXT, hotlineCallPersonalData),
  sealing(prefixOf(caseStreamName), CASE_FREE_TEXT, casePersonalData),
  sealing(prefixOf(referralStreamName), REFERRAL_FREE_TEXT),
  sealing(prefixOf(prosecutionStreamName), PROSECUTION_FREE_TEXT),
  sealing(prefixOf(trialStreamName), TRIAL_FREE_TEXT),
  sealing(prefixOf(criminalNetworkStreamName), CRIMINAL_NETWORK_FREE_TEXT),
  sealing(prefixOf(witnessProtectionStreamName), WITNESS_PROTECTION_FREE_TEXT),
  sealing(prefixOf(victimAssistanceStreamName), VICTIM_ASSISTANCE_FREE_TEXT),
];
