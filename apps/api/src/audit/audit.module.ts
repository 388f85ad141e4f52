import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditLogModule } from '#platform';
import { AuditController } from './audit.controller.js';
import { PersonalDataAuditInterceptor } from './personal-data-audit.interceptor.js';
import { RequestAudit } from './request-audit.js';

/** The audit of personal data: recorded on every read (global interceptor), queried by auditors; RequestAudit for the rest. */
@Global()
@Module({
  imports: [AuditLogModule],
  controllers: [AuditController],
  providers: [RequestAudit, { provide: APP_INTERCEPTOR, useClass: PersonalDataAuditInterceptor }],
  exports: [RequestAudit],
})
export class AuditModule {}
