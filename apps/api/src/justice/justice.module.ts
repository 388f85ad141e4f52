import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { JusticeController } from './justice.controller.js';

@Module({ imports: [CqrsModule], controllers: [JusticeController] })
export class JusticeModule {}
