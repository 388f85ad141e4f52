import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { concatMap, type Observable } from 'rxjs';
import { AuditLog } from '#platform';
import { auditEntryFor, purposeOf } from './request-audit.js';
import { disclosesPersonalData } from './personal-data-disclosure.js';
import { Reflector } from '@nestjs/core';
import { ACCESS_METADATA, type AccessRule } from '../auth/access.js';

/**
 * Records every successful answer of a route whose @Access declares an audit rule, with the data subjects it
 * disclosed or pointed at, without the controllers knowing (they withhold personal fields by the same rule, disclosesPersonalData). The
 * insert is awaited before the body is handed back to Nest to send: when it fails, the request fails (500) instead
 * of answering with something nobody could later account for. Failed requests disclose nothing: no entry.
 */
@Injectable()
export class PersonalDataAuditInterceptor implements NestInterceptor {
  constructor(
    private readonly audit: AuditLog,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const route = this.reflector.get<AccessRule | undefined>(ACCESS_METADATA, context.getHandler())?.audit;
    if (!route) return next.handle();
    purposeOf(request); // a bad X-Purpose is refused before anything is read
    const action =
      route.action ?? (route.disclosure && disclosesPersonalData(request, route.disclosure) ? 'read_personal_data' : 'read_record');
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      concatMap(async (body: unknown) => {
        if (response.statusCode >= 200 && response.statusCode < 300) {
          const params = request.params as Record<string, string>;
          const id = route.idParam ? String(params[route.idParam]) : null;
          const subjectIds = route.subjects((body ?? {}) as Record<string, unknown>, params);
          await this.audit.record({ ...auditEntryFor(request, action, route.recordType, id), subjectIds });
        }
        return body;
      }),
    );
  }
}
