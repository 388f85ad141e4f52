import { PROJECTIONS } from '#read-models';

/**
 * Every table of the schema, classified for backup (docs/operations-backup.md). A table the migrations add must
 * be classified here, or `backup` refuses to run: nothing is left out of a backup by forgetting it.
 */
export interface SourceTable {
  name: string;
  /** The order rows are written and loaded in (a primary key, so the file is deterministic for a given state). */
  orderBy: string;
  /** What it holds and why it cannot be rebuilt (documentation, also printed by nothing: for the reader). */
  why: string;
}

/** The source of truth: backed up and restored row for row, in this order (integrity_anchor_heads after its anchors). */
export const SOURCE_TABLES: readonly SourceTable[] = [
  { name: 'events', orderBy: 'global_position', why: 'the event log itself (hash-chained, append-only)' },
  { name: 'subject_keys', orderBy: 'subject_id', why: "each data subject's key, wrapped by the master key; erasure proofs" },
  { name: 'document_links', orderBy: 'link_id', why: "identity documents' linkage hashes (the log holds only the link id)" },
  { name: 'erasure_requests', orderBy: 'request_id', why: 'erasures asked for and approved (two people)' },
  { name: 'publications', orderBy: 'publication_id', why: 'published reports, byte for byte (append-only archive)' },
  { name: 'stat_release_points', orderBy: 'log_position', why: 'release points declared by an administrator (append-only)' },
  { name: 'integrity_anchors', orderBy: 'anchor_id', why: 'integrity anchors (append-only; exported and signed outside)' },
  { name: 'integrity_anchor_heads', orderBy: 'anchor_id, stream_id', why: 'the stream heads each anchor moved (append-only)' },
  { name: 'audit_log', orderBy: 'audit_id', why: 'who read or erased personal data (hash-chained, append-only)' },
  { name: 'revoked_tokens', orderBy: 'jti', why: 'revoked access tokens: a revoked token stays revoked after a restore' },
  { name: 'sign_in_codes_used', orderBy: 'jti', why: 'sign-in links already used: a link stays used after a restore' },
  { name: 'demo_loads', orderBy: 'seed', why: 'finished demo loads: the demo is not loaded again into a restored registry' },
  {
    name: 'referral_webhook_deliveries',
    orderBy: 'delivery_id',
    why: 'referral notifications sent, pending or dead-lettered: none is sent twice, nor a dead letter lost, after a restore',
  },
  {
    name: 'integration_dead_letters',
    orderBy: 'dead_letter_id',
    why: 'integration events the broker kept rejecting: a dead letter is not lost by a restore',
  },
  {
    name: 'projection_skips',
    orderBy: 'skip_id',
    why: 'events an operator chose to pass over in a projection (append-only; the rebuild after a restore honours them)',
  },
];

/** Not backed up: recreated by the migrations, or working state with no value after a restore. */
export const NOT_BACKED_UP: Readonly<Record<string, string>> = {
  schema_migrations: 'recreated by the migrations (the backup records the head it was taken at)',
  projection_checkpoints: "the read models' progress: reset and replayed by the rebuild after a restore",
  rate_limit_windows: "the rate limit's one-minute windows (unlogged, lost on any crash anyway)",
  integration_relay_checkpoints:
    "the integration relay's progress: reset by a restore, so the log is published again (consumers deduplicate by event id)",
  integrity_verifications: "the API's verification jobs and their reports; run `verify` after the restore instead",
};

/** The read models' tables: emptied and replayed from the log by the rebuild after a restore. */
export function readModelTables(): string[] {
  return PROJECTIONS.flatMap((p) => p.tables);
}

/** Tables of the schema that nobody classified; backup and restore refuse while there is one. */
export function unclassifiedTables(tables: readonly string[]): string[] {
  const known = new Set([...SOURCE_TABLES.map((t) => t.name), ...Object.keys(NOT_BACKED_UP), ...readModelTables()]);
  return tables.filter((t) => !known.has(t)).sort();
}
