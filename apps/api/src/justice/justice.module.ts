import { Module } from '@nestjs/common';
import { JusticeController } from './justice.controller.js';

@Module({ controllers: [JusticeController] })
export class JusticeModule {}
