import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type pg from 'pg';
import {
  CATALOGS, derivedIdKeyOf, eventIdKeyOf, FieldSealer, MASTER_KEYRING, PG_POOL, SubjectKeyStore, wrappersOf,
  type MasterKeyring, type ReferenceCatalogs,
} from '../../../../libs/platform/src/index.js';
import { ExecuteStreamCommandHandler, StreamReader } from './execute-stream-command.js';
import { ReadYourWrites } from './read-your-writes.js';
import { IdKeys, RecordIds } from './record-ids.js';
import { createStreamTypes, STREAM_TYPES } from './stream-types.js';

/** Data keys wrapped by the local master keys, by version; a KMS-backed KeyWrapper plugs in here. */
function subjectKeyStore(pool: pg.Pool, keyring: MasterKeyring, legacy: FieldSealer): SubjectKeyStore {
  return new SubjectKeyStore(pool, wrappersOf(keyring), keyring.linkageKey, legacy);
}

/**
 * The keys of derived ids, from the keyring's stable key (the one that survives master key rotation, like the
 * linkage) under their own labels: stable across restarts and rotations, never public.
 */
function idKeys(keyring: MasterKeyring): IdKeys {
  return new IdKeys(derivedIdKeyOf(keyring.linkageKey), eventIdKeyOf(keyring.linkageKey));
}

/** The stream types, the one command handler, the stream reader and the subjects' keys, shared by every feature module. */
@Global()
@Module({
  imports: [CqrsModule],
  providers: [
    { provide: STREAM_TYPES, inject: [CATALOGS], useFactory: (catalogs: ReferenceCatalogs) => createStreamTypes(catalogs) },
    { provide: SubjectKeyStore, inject: [PG_POOL, MASTER_KEYRING, FieldSealer], useFactory: subjectKeyStore },
    { provide: IdKeys, inject: [MASTER_KEYRING], useFactory: idKeys },
    RecordIds,
    ExecuteStreamCommandHandler,
    StreamReader,
    ReadYourWrites,
  ],
  exports: [STREAM_TYPES, StreamReader, SubjectKeyStore, ReadYourWrites, IdKeys, RecordIds],
})
export class SharedModule {}
