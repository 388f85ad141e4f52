import { Module } from '@nestjs/common';
import { IntegrationRelayTask } from './integration-relay.task.js';
import { ReferralNotificationsTask } from './referral-notifications.task.js';

/**
 * The work that follows the log rather than a request: the integration relay to Kafka and the referral webhook
 * sender (the projections themselves are the InfrastructureModule's daemon). Each starts only where RUN_PROJECTIONS
 * is on: the projector process (apps/projector), or `npm start`'s single process.
 */
@Module({ providers: [IntegrationRelayTask, ReferralNotificationsTask], exports: [IntegrationRelayTask, ReferralNotificationsTask] })
export class BackgroundWorkModule {}
