import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type pg from 'pg';
import {
  APP_CONFIG, CATALOGS, FieldSealer, linkageKeyOf, loadMasterKey, LocalKeyWrapper, PG_POOL, SubjectKeyStore,
  type AppConfig, type ReferenceCatalogs,
} from '../../../../libs/platform/src/index.js';
import { ExecuteStreamCommandHandler, StreamReader } from './execute-stream-command.js';
import { ReadYourWrites } from './read-your-writes.js';
import { createStreamTypes, STREAM_TYPES } from './stream-types.js';

/** Data keys wrapped by the local master key; a KMS-backed KeyWrapper plugs in here. */
function subjectKeyStore(pool: pg.Pool, config: AppConfig, legacy: FieldSealer): SubjectKeyStore {
  const masterKey = loadMasterKey(config.masterKey, config.dataDir);
  return new SubjectKeyStore(pool, new LocalKeyWrapper(masterKey), linkageKeyOf(masterKey), legacy);
}

/** The stream types, the one command handler, the stream reader and the subjects' keys, shared by every feature module. */
@Global()
@Module({
  imports: [CqrsModule],
  providers: [
    { provide: STREAM_TYPES, inject: [CATALOGS], useFactory: (catalogs: ReferenceCatalogs) => createStreamTypes(catalogs) },
    { provide: SubjectKeyStore, inject: [PG_POOL, APP_CONFIG, FieldSealer], useFactory: subjectKeyStore },
    ExecuteStreamCommandHandler,
    StreamReader,
    ReadYourWrites,
  ],
  exports: [STREAM_TYPES, StreamReader, SubjectKeyStore, ReadYourWrites],
})
export class SharedModule {}
