import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { HotlineCallsController } from './hotline-calls.controller.js';

@Module({ imports: [CqrsModule], controllers: [HotlineCallsController] })
export class HotlineCallsModule {}
