/**
 * GET /audit and GET /integrity have no response schema in the OpenAPI document yet: these shapes are what the API
 * returns (AuditController → RecordedAuditEntry in libs/platform audit-log.ts; IntegrityController → IntegrityReport
 * and Anchor in libs/event-store anchor-verification.ts, anchors.ts, verify.ts).
 */
export const AUDIT_ACTIONS = ['read_personal_data', 'search_personal_data', 'erasure'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  auditId: number;
  at: string;
  actorSubject: string;
  actorRole: string;
  action: AuditAction;
  recordType: string;
  recordId: string;
  purpose: string | null;
  requestId: string | null;
}

export interface AuditPage {
  entries: AuditEntry[];
  nextBefore: number | null;
}

export interface Anchor {
  anchorId: number;
  takenAt: string;
  transactionId: string;
  globalPosition: number;
  streams: number;
  events: number;
  headsHash: string;
}

export interface IntegrityReport {
  ok: boolean;
  chains: {
    ok: boolean;
    streamsChecked: number;
    eventsChecked: number;
    firstBrokenLink: { streamId: string; streamPosition: number; eventId: string; globalPosition: number; reason: string } | null;
  };
  anchors: {
    ok: boolean;
    anchorsChecked: number;
    anchorsRecomputed: number;
    latestAnchor: Anchor | null;
    firstMismatch: { anchorId: number; takenAt: string; globalPosition: number; reason: string; streamId: string | null } | null;
  };
}
