import { Global, Module } from '@nestjs/common';
import { CATALOGS, derivedIdKeyOf, eventIdKeyOf, MASTER_KEYRING, type MasterKeyring, type ReferenceCatalogs } from '#platform';
import { CommandService } from './command-service.js';
import { ReadYourWrites } from './read-your-writes.js';
import { IdKeys, RecordIds } from './record-ids.js';
import { createStreamTypes, STREAM_TYPES } from './stream-types.js';

/**
 * The keys of derived ids, from the keyring's stable key (the one that survives master key rotation, like the
 * linkage) under their own labels: stable across restarts and rotations, never public.
 */
function idKeys(keyring: MasterKeyring): IdKeys {
  return new IdKeys(derivedIdKeyOf(keyring.linkageKey), eventIdKeyOf(keyring.linkageKey));
}

/** The stream types and the one command service, shared by every feature module. */
@Global()
@Module({
  providers: [
    { provide: STREAM_TYPES, inject: [CATALOGS], useFactory: (catalogs: ReferenceCatalogs) => createStreamTypes(catalogs) },
    { provide: IdKeys, inject: [MASTER_KEYRING], useFactory: idKeys },
    RecordIds,
    CommandService,
    ReadYourWrites,
  ],
  exports: [STREAM_TYPES, CommandService, ReadYourWrites, IdKeys, RecordIds],
})
export class SharedModule {}
