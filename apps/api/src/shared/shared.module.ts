import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type pg from 'pg';
import {
  APP_CONFIG, CATALOGS, derivedIdKeyOf, eventIdKeyOf, FieldSealer, linkageKeyOf, loadMasterKey, LocalKeyWrapper, PG_POOL, SubjectKeyStore,
  type AppConfig, type ReferenceCatalogs,
} from '../../../../libs/platform/src/index.js';
import { ExecuteStreamCommandHandler, StreamReader } from './execute-stream-command.js';
import { ReadYourWrites } from './read-your-writes.js';
import { IdKeys, RecordIds } from './record-ids.js';
import { createStreamTypes, STREAM_TYPES } from './stream-types.js';

/** Data keys wrapped by the local master key; a KMS-backed KeyWrapper plugs in here. */
function subjectKeyStore(pool: pg.Pool, config: AppConfig, legacy: FieldSealer): SubjectKeyStore {
  const masterKey = loadMasterKey(config.masterKey, config.dataDir);
  return new SubjectKeyStore(pool, new LocalKeyWrapper(masterKey), linkageKeyOf(masterKey), legacy);
}

/** The keys of derived ids, from the master key under their own labels: stable across restarts, never public. */
function idKeys(config: AppConfig): IdKeys {
  const masterKey = loadMasterKey(config.masterKey, config.dataDir);
  return new IdKeys(derivedIdKeyOf(masterKey), eventIdKeyOf(masterKey));
}

/** The stream types, the one command handler, the stream reader and the subjects' keys, shared by every feature module. */
@Global()
@Module({
  imports: [CqrsModule],
  providers: [
    { provide: STREAM_TYPES, inject: [CATALOGS], useFactory: (catalogs: ReferenceCatalogs) => createStreamTypes(catalogs) },
    { provide: SubjectKeyStore, inject: [PG_POOL, APP_CONFIG, FieldSealer], useFactory: subjectKeyStore },
    { provide: IdKeys, inject: [APP_CONFIG], useFactory: idKeys },
    RecordIds,
    ExecuteStreamCommandHandler,
    StreamReader,
    ReadYourWrites,
  ],
  exports: [STREAM_TYPES, StreamReader, SubjectKeyStore, ReadYourWrites, IdKeys, RecordIds],
})
export class SharedModule {}
