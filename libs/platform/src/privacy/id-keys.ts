import { createHmac } from 'node:crypto';

/**
 * The key of the ids the server derives itself (a victim, a suspect, an operation or a prosecution the client sent
 * no id for): derived from the master key under its own label, so it opens nothing else, is stable across restarts
 * and is never public. Without it an id cannot be computed from a case id.
 */
export function derivedIdKeyOf(masterKey: Buffer): Buffer {
  return createHmac('sha256', masterKey).update('registro:derived-ids').digest();
}

/** The key of the event ids derived from a stream id and an Idempotency-Key (libs/event-store, `eventIdFor`). */
export function eventIdKeyOf(masterKey: Buffer): Buffer {
  return createHmac('sha256', masterKey).update('registro:event-ids').digest();
}
