import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { ErasureRequests } from './erasure-requests.js';
import { SubjectsController } from './subjects.controller.js';

@Module({ imports: [AuditModule, AuthModule], controllers: [SubjectsController], providers: [ErasureRequests] })
export class SubjectsModule {}
