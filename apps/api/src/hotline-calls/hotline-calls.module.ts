import { Module } from '@nestjs/common';
import { HotlineCallsController } from './hotline-calls.controller.js';

@Module({ controllers: [HotlineCallsController] })
export class HotlineCallsModule {}
