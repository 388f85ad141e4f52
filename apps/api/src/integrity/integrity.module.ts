import { Module } from '@nestjs/common';
import { IntegrityAnchorTask } from './integrity-anchor.task.js';
import { IntegrityController } from './integrity.controller.js';
import { IntegrityVerifications } from './integrity-verifications.js';

/** Verification of the log (hash chains and anchors) as a job, and the periodic anchor. */
@Module({ controllers: [IntegrityController], providers: [IntegrityAnchorTask, IntegrityVerifications] })
export class IntegrityModule {}
