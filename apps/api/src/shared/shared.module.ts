import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CATALOGS, type ReferenceCatalogs } from '../../../../libs/platform/src/index.js';
import { ExecuteStreamCommandHandler, StreamReader } from './execute-stream-command.js';
import { createStreamTypes, STREAM_TYPES } from './stream-types.js';

/** The stream types, the one command handler and the stream reader, shared by every feature module. */
@Global()
@Module({
  imports: [CqrsModule],
  providers: [
    { provide: STREAM_TYPES, inject: [CATALOGS], useFactory: (catalogs: ReferenceCatalogs) => createStreamTypes(catalogs) },
    ExecuteStreamCommandHandler,
    StreamReader,
  ],
  exports: [STREAM_TYPES, StreamReader],
})
export class SharedModule {}
