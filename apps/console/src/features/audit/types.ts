import type { paths } from '../../api/schema.js';

/** GET /audit: who read, searched by or erased personal data, newest first, with `nextBefore` for the next page. */
export type AuditPage = paths['/api/v1/audit']['get']['responses'][200]['content']['application/json'];
export type AuditEntry = AuditPage['entries'][number];

/** GET /integrity/verifications/{id}: a verification job, its report once done; POST /integrity/anchors: an anchor taken now. */
export type IntegrityVerification =
  paths['/api/v1/integrity/verifications/{verificationId}']['get']['responses'][200]['content']['application/json'];
export type IntegrityReport = NonNullable<IntegrityVerification['report']>;
export type Anchor = paths['/api/v1/integrity/anchors']['post']['responses'][201]['content']['application/json'];
