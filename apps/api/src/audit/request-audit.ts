import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { InvalidCommand } from '../../../../libs/domain/src/index.js';
import {
  AuditLog, PURPOSE_MAX_LENGTH, type AuditAction, type AuditEntry, type RecordedAuditEntry, type RequestWithActor,
} from '../../../../libs/platform/src/index.js';

/** Until authentication has identified the caller, entries name an anonymous actor rather than none. */
export const ANONYMOUS = 'anonymous';

/** The caller's stated purpose: X-Purpose, trimmed; a clear 400 when too long, rather than a silently cut record. */
export function purposeOf(request: Pick<Request, 'headers'>): string | null {
  const raw = request.headers['x-purpose'];
  const purpose = (Array.isArray(raw) ? raw.join(', ') : raw ?? '').trim();
  if (purpose.length > PURPOSE_MAX_LENGTH) {
    throw new InvalidCommand([{
      field: 'X-Purpose',
      reason: `es demasiado largo (máximo ${PURPOSE_MAX_LENGTH} caracteres)`,
      reasonEn: `is too long (at most ${PURPOSE_MAX_LENGTH} characters)`,
    }]);
  }
  return purpose === '' ? null : purpose;
}

/** Who asks (the authenticated actor, else anonymous), why, and under which request id. */
export function auditEntryFor(request: Request, action: AuditAction, recordType: string, recordId: string | null): AuditEntry {
  const actor = (request as Request & RequestWithActor).actor;
  const requestId = request.headers['x-request-id'];
  return {
    actorSubject: actor?.subject ?? ANONYMOUS,
    actorRole: actor?.role ?? ANONYMOUS,
    action,
    recordType,
    recordId: recordId?.toLowerCase() ?? null,
    purpose: purposeOf(request),
    requestId: typeof requestId === 'string' && requestId !== '' ? requestId.slice(0, 200) : null,
  };
}

/**
 * For endpoints that audit themselves (the erasure of a data subject): `await requestAudit.record(request,
 * 'erasure', 'subject', subjectId)`; it throws when the entry cannot be written.
 */
@Injectable()
export class RequestAudit {
  constructor(private readonly audit: AuditLog) {}

  record(request: Request, action: AuditAction, recordType: string, recordId: string | null): Promise<RecordedAuditEntry> {
    return this.audit.record(auditEntryFor(request, action, recordType, recordId));
  }
}
