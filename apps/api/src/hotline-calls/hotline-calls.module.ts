import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ExecuteHotlineCallCommandHandler } from './execute-hotline-call-command.js';
import { HotlineCallReader } from './hotline-call.reader.js';
import { HotlineCallsController } from './hotline-calls.controller.js';

@Module({
  imports: [CqrsModule],
  controllers: [HotlineCallsController],
  providers: [ExecuteHotlineCallCommandHandler, HotlineCallReader],
})
export class HotlineCallsModule {}
