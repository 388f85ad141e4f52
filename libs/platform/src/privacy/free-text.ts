import { createHash } from 'node:crypto';
import { uuidFromHash } from '#event-store';
import type { DataSubject, SubjectKeyring } from './subject-keyring.js';

type StoredEvent = { type: string; data: object };

/**
 * Free text a person types about a record — a rejection's or revocation's reason, a shelter's name, who appealed,
 * why a case was closed or a prosecution archived, the prosecutor's office and the court as typed — can name people, so it enters the append-only log sealed, like
 * every personal field. Codes stay in clear (a completion reason is a code; so are topics and outcomes). Each
 * record's free text is sealed under a key of the record's own (`kind: 'record'`), created when a command first
 * sets such a field. A call's id is already its caller's subject id, so its record key has an id of its own
 * (recordKeyId): erasing the caller does not stop the operators from recording why a call was reclassified.
 */
export interface FreeTextFields {
  /** The data field that holds the record's id (the subject the text is sealed under). */
  idField: string;
  /** 'record': the record's own key; 'victim': the victim's own key (a victim's assistance), so erasing her erases it. */
  kind: 'record' | 'victim';
  /** The key's subject id for a record id: the id itself, unless it already names a person (a call: its caller). */
  keyId?: (recordId: string) => string;
  /** Per command and per event type, the fields that hold free text: top-level, or one level down (`changes.policeUnit`). */
  fields: Readonly<Record<string, readonly string[]>>;
}

export const HOTLINE_CALL_FREE_TEXT: FreeTextFields = {
  idField: 'callId',
  kind: 'record',
  keyId: (callId) => recordKeyId('hotline-call', callId),
  fields: {
    ClassifyHotlineCall: ['reason'],
    CorrectHotlineCall: ['reason'],
    HotlineCallClassified: ['reason'],
    HotlineCallCorrected: ['reason'],
  },
};
export const CASE_FREE_TEXT: FreeTextFields = {
  idField: 'caseId',
  kind: 'record',
  fields: {
    RegisterCase: ['policeUnit'],
    CaseRegistered: ['policeUnit'],
    CloseCase: ['reason'],
    CaseClosed: ['reason'],
    ReferToProsecutor: ['office'],
    CaseReferredToProsecutor: ['office'],
    CorrectCaseFacts: ['reason', 'changes.policeUnit'],
    CaseFactsCorrected: ['reason', 'changes.policeUnit'],
    CorrectVictim: ['reason'],
    VictimCorrected: ['reason'],
    VoidVictim: ['reason'],
    VictimVoided: ['reason'],
    VoidSuspect: ['reason'],
    SuspectVoided: ['reason'],
    ReopenCase: ['reason'],
    CaseReopened: ['reason'],
    MarkSameFacts: ['reason'],
    CaseMarkedSameFacts: ['reason'],
  },
};
export const REFERRAL_FREE_TEXT: FreeTextFields = {
  idField: 'referralId',
  kind: 'record',
  fields: {
    SendReferral: ['unitName'],
    RejectReferral: ['reason'],
    RevokeReferral: ['reason'],
    ReferralSent: ['unitName'],
    ReferralRejected: ['reason'],
    ReferralRevoked: ['reason'],
  },
};
export const PROSECUTION_FREE_TEXT: FreeTextFields = {
  idField: 'prosecutionId',
  kind: 'record',
  fields: {
    OpenProsecution: ['office'],
    ProsecutionOpened: ['office'],
    RecordProsecutionStage: ['reason'],
    ProsecutionArchived: ['reason'],
    ProsecutionDismissed: ['reason'],
  },
};
export const TRIAL_FREE_TEXT: FreeTextFields = {
  idField: 'trialId',
  kind: 'record',
  fields: { OpenTrial: ['court'], TrialOpened: ['court'], AppealRuling: ['appellant'], RulingAppealed: ['appellant'] },
};

export const CRIMINAL_NETWORK_FREE_TEXT: FreeTextFields = {
  idField: 'networkId',
  kind: 'record',
  fields: { IdentifyNetwork: ['alias', 'policeUnit'], NetworkIdentified: ['alias', 'policeUnit'] },
};

/**
 * A witness's reference and a measure's notes are sealed per protected person (its key named by the person's id:
 * a witness's own, or the victim's), so erasing one witness leaves the others and the counts intact.
 */
export const WITNESS_PROTECTION_FREE_TEXT: FreeTextFields = {
  idField: 'personId',
  kind: 'record',
  keyId: (personId) => recordKeyId('protected-person', personId),
  fields: { ProtectionMeasureGranted: ['witnessReference', 'notes'] },
};

/** A victim's assistance: the shelter's name and the notes are about her, sealed under her own key (not a record's). */
export const VICTIM_ASSISTANCE_FREE_TEXT: FreeTextFields = {
  idField: 'victimId',
  kind: 'victim',
  fields: {
    RecordAssistance: ['shelterName', 'notes'],
    ...Object.fromEntries(
      [
        'ConsentRecorded',
        'ShelterAdmitted',
        'ShelterExited',
        'ServiceProvided',
        'ReintegrationRecorded',
        'ConsularAssistanceProvided',
        'Repatriated',
        'MigratoryStatusRecorded',
        'Regularized',
        'VoluntaryReturnAssisted',
      ].map((type) => [type, type === 'ShelterAdmitted' ? ['shelterName', 'notes'] : ['notes']]),
    ),
  },
};

/** A stable UUID-shaped id for a record's own key (not a secret: it names a key, it opens nothing). */
export function recordKeyId(kind: string, recordId: string): string {
  return uuidFromHash(createHash('sha256').update(`registro:record-key\n${kind}\n${recordId.toLowerCase()}`).digest('hex'));
}

const keyOf = (spec: FreeTextFields, id: string) => (spec.keyId ? spec.keyId(id) : id.toLowerCase());
const context = (spec: FreeTextFields, id: string, type: string, field: string) => `${spec.kind}:${id}:${type}.${field}`;

/** The value at a field path (`reason`, `changes.policeUnit`), or undefined. */
function valueAt(data: Record<string, unknown>, path: string): unknown {
  const [head, nested] = path.split('.', 2) as [string, string | undefined];
  const value = data[head];
  if (nested === undefined) return value;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[nested] : undefined;
}

function withValueAt(data: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, nested] = path.split('.', 2) as [string, string | undefined];
  if (nested === undefined) return { ...data, [head]: value };
  return { ...data, [head]: { ...(data[head] as Record<string, unknown>), [nested]: value } };
}

function mapFreeText(
  spec: FreeTextFields,
  event: StoredEvent,
  change: (value: string, id: string, field: string) => string | null,
): StoredEvent {
  const fields = spec.fields[event.type];
  const data = event.data as Record<string, unknown>;
  const id = data[spec.idField];
  if (!fields || typeof id !== 'string' || !fields.some((f) => typeof valueAt(data, f) === 'string')) return event;
  let changed = data;
  for (const field of fields) {
    const value = valueAt(data, field);
    if (typeof value === 'string') changed = withValueAt(changed, field, change(value, keyOf(spec, id), field));
  }
  return { ...event, data: changed };
}

/** The subject whose key seals this message's free text, when it holds any. */
export function freeTextSubjects(spec: FreeTextFields, message: { type: string; data: object }): DataSubject[] {
  const fields = spec.fields[message.type];
  const data = message.data as Record<string, unknown>;
  const id = data[spec.idField];
  if (!fields || typeof id !== 'string' || !fields.some((f) => typeof valueAt(data, f) === 'string' && valueAt(data, f) !== '')) return [];
  return [{ id: keyOf(spec, id), kind: spec.kind }];
}

/** Seals free text that is not sealed yet (values already `sealed:` — the old log's clear ones stay as they are on read). */
export const sealFreeText = (keyring: SubjectKeyring, spec: FreeTextFields, event: StoredEvent): StoredEvent =>
  mapFreeText(spec, event, (value, id, field) =>
    value === '' ? value : keyring.seal(id, value, context(spec, id, event.type, field), field),
  );

/** Clear again; an erased record's text reads as null. Text stored in clear before sealing existed reads as it is. */
export const unsealFreeText = (keyring: SubjectKeyring, spec: FreeTextFields, event: StoredEvent): StoredEvent =>
  mapFreeText(spec, event, (value, id, field) =>
    value.startsWith('sealed:') ? keyring.unseal(id, value, context(spec, id, event.type, field)) : value,
  );

export const FREE_TEXT_FIELDS: readonly FreeTextFields[] = [
  HOTLINE_CALL_FREE_TEXT,
  CASE_FREE_TEXT,
  REFERRAL_FREE_TEXT,
  PROSECUTION_FREE_TEXT,
  TRIAL_FREE_TEXT,
  CRIMINAL_NETWORK_FREE_TEXT,
  WITNESS_PROTECTION_FREE_TEXT,
  VICTIM_ASSISTANCE_FREE_TEXT,
];
