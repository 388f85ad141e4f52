import { Module } from '@nestjs/common';
import { ReferralNotificationsController } from './referral-notifications.controller.js';

import { ReferralsController } from './referrals.controller.js';

// The stream's fixed path first: `referrals/:referralId` would take `notifications` for an id.
@Module({ controllers: [ReferralNotificationsController, ReferralsController] })
export class ReferralsModule {}
