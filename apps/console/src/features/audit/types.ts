import type { paths } from '../../api/schema.js';

/** GET /audit: who read, searched by or erased personal data, newest first, with `nextBefore` for the next page. */
export type AuditPage = paths['/api/v1/audit']['get']['responses'][200]['content']['application/json'];
export type AuditEntry = AuditPage['entries'][number];

/** GET /integrity: every hash chain walked and the anchors checked; POST /integrity/anchors: an anchor taken now. */
export type IntegrityReport = paths['/api/v1/integrity']['get']['responses'][200]['content']['application/json'];
export type Anchor = paths['/api/v1/integrity/anchors']['post']['responses'][201]['content']['application/json'];
