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
