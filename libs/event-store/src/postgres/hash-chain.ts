import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/** The hash of the (virtual) event before a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  streamId: string;
  streamPosition: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: unknown;
  recordedAt: string;
}

/** The fields of an event about to be appended at `streamPosition`, as its hash covers them: the one place they are built. */
export function fieldsToAppend(
  streamId: string,
  streamPosition: number,
  event: { eventId: string; type: string; schemaVersion?: number; data: unknown; metadata?: unknown },
  recordedAt: string,
): HashedFields {
  return {
    streamId,
    streamPosition,
    eventId: event.eventId.toLowerCase(),
    type: event.type,
    schemaVersion: event.schemaVersion ?? 1,
    data: event.data,
    metadata: event.metadata ?? {},
    recordedAt,
  };
}

/** The same fields of a stored row (events table), to recompute its hash. */
export function fieldsOfRow(row: {
  stream_id: string;
  stream_position: number;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: unknown;
  metadata: unknown;
  recorded_at: Date;
}): HashedFields {
  return {
    streamId: row.stream_id,
    streamPosition: row.stream_position,
    eventId: row.event_id,
    type: row.event_type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at.toISOString(),
  };
}

/**
 * hash = sha256(prev_hash ‖ canonical event). Personal fields are already sealed (ciphertext) in `data`, so
 * erasing a subject's key never changes a hash.
 */
export function chainHash(prevHash: string, event: HashedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalEvent(event)).digest('hex');
}

/** The canonical form of an event that its hash covers (everything but the link to the previous event). */
export function canonicalEvent(event: HashedFields): string {
  return canonicalJson({
    streamId: event.streamId,
    streamPosition: event.streamPosition,
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt,
  });
}
