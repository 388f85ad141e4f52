import { arrayOf, boolean, closedObject, codes, instant, integer, nullable, string, uuid } from '../shared/openapi-schema.js';

const counts = closedObject<Record<string, unknown>>({ streams: integer(), events: integer() });

const AUDIT_HEAD_SCHEMA = closedObject<Record<string, unknown>>({
  auditId: integer(undefined, 1),
  hash: string({ pattern: '^[0-9a-f]{64}$' }),
});

/** POST /integrity/anchors and GET /integrity's latest anchor: libs/event-store/src/postgres/anchors.ts. */
export const ANCHOR_SCHEMA = closedObject<Record<string, unknown>>({
  anchorId: integer(undefined, 1),
  takenAt: instant,
  transactionId: string(),
  globalPosition: integer(),
  streams: integer(),
  events: integer(),
  headsHash: string({ pattern: '^[0-9a-f]{64}$' }),
});

/** A verification's report: libs/event-store/src/postgres/anchor-verification.ts (IntegrityReport). */
export const INTEGRITY_SCHEMA = closedObject<Record<string, unknown>>({
  ok: boolean,
  chains: closedObject<Record<string, unknown>>({
    ok: boolean,
    streamsChecked: integer(),
    eventsChecked: integer(),
    firstBrokenLink: nullable(
      closedObject<Record<string, unknown>>({
        streamId: string(),
        streamPosition: integer(),
        eventId: string(),
        globalPosition: integer(),
        reason: codes(['hash_mismatch', 'prev_hash_mismatch', 'position_gap']),
      }),
    ),
  }),
  anchors: closedObject<Record<string, unknown>>({
    ok: boolean,
    anchorsChecked: integer(),
    anchorsRecomputed: integer(),
    latestAnchor: nullable(ANCHOR_SCHEMA),
    firstMismatch: nullable(
      closedObject<Record<string, unknown>>({
        anchorId: integer(undefined, 1),
        takenAt: instant,
        globalPosition: integer(),
        reason: codes(['head_missing', 'head_changed', 'heads_differ']),
        streamId: nullable(string()),
        anchoredPosition: nullable(integer()),
        currentPosition: nullable(integer()),
        anchored: counts,
        current: nullable(counts),
      }),
    ),
  }),
  audit: closedObject<Record<string, unknown>>({
    ok: boolean,
    entriesChecked: integer(),
    head: nullable(AUDIT_HEAD_SCHEMA),
    firstBrokenLink: nullable(
      closedObject<Record<string, unknown>>({
        auditId: integer(undefined, 1),
        reason: codes(['hash_mismatch', 'prev_hash_mismatch']),
      }),
    ),
  }),
  exported: closedObject<Record<string, unknown>>({
    ok: boolean,
    anchorsExported: integer(),
    lastExported: nullable(
      closedObject<Record<string, unknown>>({
        anchorId: integer(undefined, 1),
        takenAt: instant,
        transactionId: string(),
        globalPosition: integer(),
        streams: integer(),
        events: integer(),
        headsHash: string({ pattern: '^[0-9a-f]{64}$' }),
        auditHead: nullable(AUDIT_HEAD_SCHEMA),
        keyId: string({ pattern: '^[0-9a-f]{16}$' }),
        signature: string(),
      }),
    ),
    firstMismatch: nullable(
      closedObject<Record<string, unknown>>({
        line: integer(undefined, 1),
        anchorId: nullable(integer()),
        reason: codes([
          'unreadable',
          'signature_invalid',
          'no_key',
          'anchor_missing',
          'anchor_differs',
          'heads_differ',
          'audit_head_differs',
        ]),
        fields: arrayOf(string()),
      }),
    ),
  }),
});

/** POST /integrity/verifications and GET /integrity/verifications/{id}: integrity-verifications.ts. */
export const VERIFICATION_SCHEMA = closedObject<Record<string, unknown>>({
  verificationId: uuid,
  status: codes(['running', 'done', 'failed']),
  startedAt: instant,
  finishedAt: nullable(instant),
  report: nullable(INTEGRITY_SCHEMA),
});

export const VERIFICATION_LIST_SCHEMA = closedObject<Record<string, unknown>>({ verifications: arrayOf(VERIFICATION_SCHEMA) });
