import { AUDIT_ACTIONS } from '#platform';
import { arrayOf, closedObject, codes, instant, integer, nullable, string } from '../shared/openapi-schema.js';

/** GET /audit: libs/platform/src/audit/audit-log.ts (RecordedAuditEntry). */
export const AUDIT_PAGE_SCHEMA = closedObject<Record<string, unknown>>({
  entries: arrayOf(
    closedObject<Record<string, unknown>>({
      auditId: integer(undefined, 1),
      at: instant,
      actorSubject: string(),
      actorRole: string(),
      action: codes(AUDIT_ACTIONS),
      recordType: string({ example: 'case' }),
      recordId: nullable(string()),
      purpose: nullable(string({ maxLength: 200 })),
      requestId: nullable(string()),
      subjectIds: arrayOf(string({ description: 'Sujetos de datos mostrados o señalados / data subjects disclosed or pointed at' })),
    }),
  ),
  nextBefore: nullable(integer('Pase como before para la página siguiente / pass as before for the next page', 1)),
});
