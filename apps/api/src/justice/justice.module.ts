import { Module } from '@nestjs/common';
// Before JusticeController: its `prosecutions/:prosecutionId/:stage` would otherwise take `…/protection-measures`.
import { JusticeController } from './justice.controller.js';
import { ProtectionController } from './protection.controller.js';

@Module({ controllers: [ProtectionController, JusticeController] })
export class JusticeModule {}
