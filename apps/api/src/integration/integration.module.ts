import { Module } from '@nestjs/common';
import { IntegrationRelayTask } from './integration-relay.task.js';

@Module({ providers: [IntegrationRelayTask] })
export class IntegrationModule {}
