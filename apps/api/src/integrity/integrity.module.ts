import { Module } from '@nestjs/common';
import { IntegrityAnchorTask } from './integrity-anchor.task.js';
import { IntegrityController } from './integrity.controller.js';

/** Verification of the log (hash chains and anchors) and the periodic anchor. */
@Module({ controllers: [IntegrityController], providers: [IntegrityAnchorTask] })
export class IntegrityModule {}
