import type pg from 'pg';
import type { RecordedEvent } from '../../../event-store/src/index.js';
import type { FieldSealer } from './field-sealer.js';
import { freeTextOpener } from './free-text.js';
import { wrappersOf, type MasterKeyring } from './master-keyring.js';
import { SubjectKeyStore } from './subject-key-store.js';

export type RecordedEventOpener = (events: readonly RecordedEvent[]) => Promise<RecordedEvent[]>;

/** ProjectionRunner's `open`: sealed free text made clear for the projections that index it (api, CLI rebuild). */
export function projectionOpener(pool: pg.Pool, keyring: MasterKeyring, legacy: FieldSealer): RecordedEventOpener {
  const keys = new SubjectKeyStore(pool, wrappersOf(keyring), keyring.linkageKey, legacy);
  return freeTextOpener((subjects) => keys.keyring(subjects));
}
