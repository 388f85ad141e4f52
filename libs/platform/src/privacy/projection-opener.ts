import type pg from 'pg';
import { PostgresEventStore, type RecordedEvent } from '#event-store';
import type { FieldSealer } from './field-sealer.js';
import { wrappersOf, type MasterKeyring } from './master-keyring.js';
import { SealingEventStore } from './sealing-event-store.js';
import { SubjectKeyStore } from './subject-key-store.js';

export type RecordedEventOpener = (events: readonly RecordedEvent[]) => Promise<RecordedEvent[]>;

/** The subjects' keys, wrapped by the local master keys by version; a KMS-backed KeyWrapper plugs in here. */
export function subjectKeyStore(pool: pg.Pool, keyring: MasterKeyring, legacy: FieldSealer): SubjectKeyStore {
  return new SubjectKeyStore(pool, wrappersOf(keyring), keyring.linkageKey, legacy);
}

/** The application's event store: the PostgreSQL log behind the sealing decorator. */
export function sealingEventStore(pool: pg.Pool, keys: SubjectKeyStore): SealingEventStore {
  return new SealingEventStore(new PostgresEventStore(pool), keys);
}

/** ProjectionRunner's `open`: sealed free text made clear for the projections that index it (api, CLI rebuild). */
export function projectionOpener(pool: pg.Pool, keyring: MasterKeyring, legacy: FieldSealer): RecordedEventOpener {
  const store = sealingEventStore(pool, subjectKeyStore(pool, keyring, legacy));
  return (events) => store.openFreeText(events);
}
