import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReferralsController } from './referrals.controller.js';

@Module({ imports: [CqrsModule], controllers: [ReferralsController] })
export class ReferralsModule {}
