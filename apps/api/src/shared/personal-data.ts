import { PERSONAL_FIELDS, type PoliceCaseState } from '../../../../libs/domain/src/index.js';
import type { DataSubject, SubjectKeyring } from '../../../../libs/platform/src/index.js';
import type { StoredEvent } from './stream-type.js';

type Transform = (value: string, victimId: string, field: string) => string | null;
type Personal = Record<string, string | null>;

function mapPersonal(event: StoredEvent, transform: Transform): StoredEvent {
  if (event.type !== 'VictimIdentified') return event;
  const data = event.data as { victimId: string; personal?: Personal };
  if (!data.personal) return event;
  const personal = Object.fromEntries(
    Object.entries(data.personal).map(([key, value]) => [
      key,
      typeof value === 'string' && (PERSONAL_FIELDS as readonly string[]).includes(key) ? transform(value, data.victimId, key) : value,
    ]),
  );
  return { ...event, data: { ...data, personal } };
}

const context = (victimId: string, field: string) => `victim:${victimId}:${field}`;

/**
 * A victim's name, document, phone and address enter the log sealed under the victim's own key, never in clear.
 * With a document, the event holds its random link id (the same for every record of the person, so the
 * statistics count her once); the document's keyed hash stays in the mutable `document_links`, which erasure
 * deletes.
 */
export function sealPersonalData(keyring: SubjectKeyring, event: StoredEvent): StoredEvent {
  if (event.type !== 'VictimIdentified') return event;
  const personal = (event.data as { personal?: Personal }).personal;
  const linkId = keyring.linkId(personal?.documentType ?? null, personal?.documentNumber ?? null);
  const sealed = mapPersonal(event, (value, victimId, field) =>
    keyring.seal(victimId, value, context(victimId, field), `victims[${victimId}].${field}`));
  return { ...sealed, data: { ...sealed.data, linkId } };
}

/** Clear values again; those of an erased victim read as null. */
export const unsealPersonalData = (keyring: SubjectKeyring, event: StoredEvent): StoredEvent =>
  mapPersonal(event, (value, victimId, field) => keyring.unseal(victimId, value, context(victimId, field)));

/** Victims a case command names (their keys are created) or a case event holds (their keys are loaded). */
export function victimsOf(message: { type: string; data: object }): DataSubject[] {
  const data = message.data as { victimId?: unknown; victims?: unknown };
  if (message.type === 'VictimIdentified' && typeof data.victimId === 'string') return [{ id: data.victimId, kind: 'victim' }];
  if ((message.type === 'RegisterCase' || message.type === 'AddVictims') && Array.isArray(data.victims)) {
    const text = (value: unknown) => (typeof value === 'string' ? value : null);
    return data.victims
      .map((v: unknown) => (v ?? {}) as { victimId?: unknown; documentType?: unknown; documentNumber?: unknown })
      .filter((v): v is typeof v & { victimId: string } => typeof v.victimId === 'string')
      .map((v) => ({ id: v.victimId, kind: 'victim' as const, document: { type: text(v.documentType), number: text(v.documentNumber) } }));
  }
  return [];
}

/** An erased victim keeps its record (sex, age, nationality count in the statistics); its personal fields are null. */
export function markErasedVictims(state: PoliceCaseState, erased: ReadonlySet<string>): PoliceCaseState {
  if (state.status === 'unregistered' || erased.size === 0) return state;
  return { ...state, victims: state.victims.map((v) => (erased.has(v.victimId) ? { ...v, erased: true } : v)) };
}

/**
 * A case as its views show it once a victim is erased: the erased victim's age only as its group (ageGroup stays,
 * age is null), her nationality as it is, and the case's place only as its department (the UBIGEO's first two
 * digits), so that the exact district and age cannot single her out again. The statistics are unchanged.
 */
export function coarsenErased<S extends object>(state: S): S {
  const view = state as { victims?: Array<{ erased?: boolean; age?: unknown }>; ubigeo?: unknown };
  if (!view.victims?.some((v) => v.erased)) return state;
  return {
    ...state,
    ...(typeof view.ubigeo === 'string' ? { ubigeo: view.ubigeo.slice(0, 2) } : {}),
    victims: view.victims.map((v) => (v.erased ? { ...v, age: null } : v)),
  };
}

/** A case's answer: the victims' personal parts as they are, or each `null` when withheld (no purpose, no need to know). */
export function casePersonalView<S extends object>(state: S, disclose: boolean): S & { personalDataWithheld: boolean } {
  const victims = (state as { victims?: Array<{ personal: unknown }> }).victims;
  if (disclose || !victims) return { ...state, personalDataWithheld: !disclose };
  return { ...state, victims: victims.map((v) => ({ ...v, personal: null })), personalDataWithheld: true };
}
