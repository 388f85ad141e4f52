import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { InvalidCommand } from '#domain';
import { TOKEN_HEADER } from '../shared/command-service.js';
import { AuditLog, PURPOSE_MAX_LENGTH, type AuditAction, type AuditEntry, type RecordedAuditEntry, type RequestWithActor } from '#platform';

/** Until authentication has identified the caller, entries name an anonymous actor rather than none. */
export const ANONYMOUS = 'anonymous';

const purposeProblem = (reason: string, reasonEn: string) => new InvalidCommand([{ field: 'X-Purpose', reason, reasonEn }]);

/**
 * Browsers send only Latin-1 in a header, so a purpose in any script comes as an RFC 8187 ext-value,
 * `UTF-8''<percent-encoded UTF-8>` (what `encodeURIComponent` makes); anything else is taken as it is.
 */
const EXT_VALUE = /^utf-8'[A-Za-z0-9-]*'(.*)$/is;
const VALUE_CHARS = /^(?:[A-Za-z0-9!#$&+\-.^_`|~]|%[0-9A-Fa-f]{2})*$/;

export function decodePurpose(raw: string): string {
  const match = EXT_VALUE.exec(raw);
  if (!match) return raw;
  const malformed = () =>
    purposeProblem(
      "no es un valor RFC 8187 válido (UTF-8''<texto codificado con %>)",
      "is not a valid RFC 8187 value (UTF-8''<percent-encoded text>)",
    );
  if (!VALUE_CHARS.test(match[1])) throw malformed();
  try {
    return decodeURIComponent(match[1]);
  } catch {
    throw malformed();
  }
}

/** Checks a stated purpose (X-Purpose or a body's `purpose`): trimmed; a clear 400 when too long, rather than a cut record. */
export function checkedPurpose(text: string, field = 'X-Purpose'): string | null {
  const purpose = text.trim();
  if (purpose.length > PURPOSE_MAX_LENGTH) {
    throw new InvalidCommand([
      {
        field,
        reason: `es demasiado largo (máximo ${PURPOSE_MAX_LENGTH} caracteres)`,
        reasonEn: `is too long (at most ${PURPOSE_MAX_LENGTH} characters)`,
      },
    ]);
  }
  return purpose === '' ? null : purpose;
}

/** The caller's stated purpose from X-Purpose (plain or RFC 8187), or null when none is stated. */
export function purposeOf(request: Pick<Request, 'headers'>): string | null {
  const raw = request.headers['x-purpose'];
  const values = (Array.isArray(raw) ? raw : [raw ?? '']).map((value) => decodePurpose(value.trim()));
  return checkedPurpose(values.join(', '));
}

/** Who asks (the authenticated actor, else anonymous), why, and under which request id. */
export function auditEntryFor(
  request: Request,
  action: AuditAction,
  recordType: string,
  recordId: string | null,
  purpose: string | null = purposeOf(request),
): AuditEntry {
  const actor = (request as Request & RequestWithActor).actor;
  const requestId = request.headers['x-request-id'];
  return {
    actorSubject: actor?.subject ?? ANONYMOUS,
    actorRole: actor?.role ?? ANONYMOUS,
    action,
    recordType,
    recordId: recordId?.toLowerCase() ?? null,
    purpose,
    // Only a well-formed token (as commands require it): anything else is not kept, never cut and stored.
    requestId: typeof requestId === 'string' && TOKEN_HEADER.test(requestId) ? requestId : null,
  };
}

/**
 * For endpoints that audit themselves (the erasure of a data subject, the search by document):
 * `await requestAudit.record(request, 'erasure', 'subject', subjectId)`; it throws when the entry cannot be written.
 * The purpose is X-Purpose's unless one is given (the search's body).
 */
@Injectable()
export class RequestAudit {
  constructor(private readonly audit: AuditLog) {}

  record(
    request: Request,
    action: AuditAction,
    recordType: string,
    recordId: string | null,
    purpose?: string | null,
  ): Promise<RecordedAuditEntry> {
    const entry = auditEntryFor(request, action, recordType, recordId, purpose === undefined ? purposeOf(request) : purpose);
    // An erasure (request) names its data subject: "who did anything about this person" finds it too.
    return this.audit.record({ ...entry, subjectIds: recordType === 'subject' && entry.recordId ? [entry.recordId] : [] });
  }
}
