export * from './event-store.port.js';
export { canonicalJson } from './postgres/canonical-json.js';
export { chainHash, GENESIS_HASH } from './postgres/hash-chain.js';
export { PostgresEventStore, readAllGapSafe, readCopiedLog } from './postgres/postgres-event-store.js';
export { EVENT_STORE_SCHEMA_UP, EVENT_STORE_SCHEMA_DOWN } from './postgres/schema.js';
export { appendOnlySql } from './postgres/append-only.js';
export { EVENTS_CHANNEL, EVENTS_NOTIFY_UP, EVENTS_NOTIFY_DOWN } from './postgres/notify.js';
export { Upcasters } from './postgres/upcasters.js';
export { verifyHashChains, type VerifyReport, type BrokenLink } from './postgres/verify.js';
export { ANCHOR_SCHEMA_UP, ANCHOR_SCHEMA_DOWN } from './postgres/anchor-schema.js';
export { takeAnchor, latestAnchor, headsAt, type Anchor, type LogPoint, type HeadsSummary } from './postgres/anchors.js';
export {
  verifyAnchors,
  verifyIntegrity,
  type AnchorCheckOptions,
  type AnchorMismatch,
  type AnchorReport,
  type IntegrityReport,
} from './postgres/anchor-verification.js';
export type { BatchContext, EventShape, Projection, Queryable, TypedRecordedEvent } from './projections/projection.js';
export {
  ProjectionEventFailed,
  ProjectionRunner,
  projectionStatuses,
  safeErrorMessage,
  type ProjectionFailure,
  type ProjectionState,
  type ProjectionStatus,
  type RunnerOptions,
} from './projections/projection-runner.js';
export { ProjectionDaemon, type DaemonLogger, type DaemonRetry, type DaemonRunner } from './projections/projection-daemon.js';
export * from './command-handling.js';
export { uuidFromHash } from './uuid-from-hash.js';
export { inTransaction } from './postgres/transaction.js';
export { CopiedLog, LogCopier, LOG_COPY } from './postgres/log-copier.js';
