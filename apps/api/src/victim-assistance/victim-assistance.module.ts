import { Module } from '@nestjs/common';
import { VictimAssistanceController } from './victim-assistance.controller.js';

@Module({ controllers: [VictimAssistanceController] })
export class VictimAssistanceModule {}
