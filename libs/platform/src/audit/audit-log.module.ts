import { Global, Module } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '../nest/tokens.js';
import { AuditLog } from './audit-log.js';

/** Provides the AuditLog to every module (the API's interceptor, the audit query, the erasure endpoint). */
@Global()
@Module({
  providers: [{ provide: AuditLog, inject: [PG_POOL], useFactory: (pool: pg.Pool) => new AuditLog(pool) }],
  exports: [AuditLog],
})
export class AuditLogModule {}
