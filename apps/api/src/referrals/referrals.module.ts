import { Module } from '@nestjs/common';
import { ReferralNotificationsTask } from './referral-notifications.task.js';
import { ReferralsController } from './referrals.controller.js';

@Module({ controllers: [ReferralsController], providers: [ReferralNotificationsTask] })
export class ReferralsModule {}
