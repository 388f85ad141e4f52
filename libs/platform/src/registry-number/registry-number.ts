import { createHmac } from 'node:crypto';
import { departmentOfUbigeo, formatRegistryNumber, limaMonth, registryNumberStreamName, type RegistryNumberReserved } from '#domain';
import {
  IdempotencyConflict,
  uuidFromHash,
  WrongExpectedVersion,
  type EventMetadata,
  type EventStore,
  type RecordedEvent,
} from '#event-store';

/** Attempts before a reservation gives up: each lost race means another case took a number, so this bounds contention. */
const MAX_ATTEMPTS = 200;

/**
 * Reserves the case's registry number (`08-2025-000123`) in the numbering stream of its department and year:
 * one `RegistryNumberReserved` appended at the stream's next version, so its stream position is the sequence —
 * unique and gap-free because the store refuses a second event at a position (optimistic concurrency; a lost race
 * re-reads the stream and tries the next position). Idempotent for a case: the event id is derived from the case
 * id under the server's key, and a case already in the stream gets its number back without a second reservation.
 * The department is the case's UBIGEO at registration, the year is the Lima year of `registeredAt`.
 */
export async function reserveRegistryNumber(
  store: EventStore,
  eventIdKey: Buffer,
  caseId: string,
  ubigeo: string,
  registeredAt: string,
  metadata: EventMetadata = {},
): Promise<string> {
  const id = caseId.toLowerCase();
  const department = departmentOfUbigeo(ubigeo);
  if (department === 'unknown') throw new RangeError('a registry number needs the UBIGEO of the case');
  const year = Number(limaMonth(registeredAt).slice(0, 4));
  const streamId = registryNumberStreamName(department, year);
  const eventId = reservationEventId(eventIdKey, id);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const events = await store.readStream(streamId);
    const held = reservedNumberOf(events, id);
    if (held) return held;
    const registryNumber = formatRegistryNumber(department, year, events.length + 1);
    const data: RegistryNumberReserved['data'] = { caseId: id, department, year, registryNumber };
    try {
      await store.append(streamId, [{ eventId, type: 'RegistryNumberReserved', data, metadata }], events.length);
      return registryNumber;
    } catch (error) {
      // Another case took this position (version conflict), or a concurrent retry of this very case reserved
      // another one (its event id with another number): either way the stream, read again, says what to do.
      if (!(error instanceof WrongExpectedVersion || error instanceof IdempotencyConflict)) throw error;
      await pause(attempt);
    }
  }
  throw new Error(`could not reserve a registry number in ${streamId} after ${MAX_ATTEMPTS} attempts`);
}

/** The number a numbering stream already holds for a case, if any. */
export function reservedNumberOf(events: readonly RecordedEvent[], caseId: string): string | undefined {
  const id = caseId.toLowerCase();
  const found = events.find((event) => event.type === 'RegistryNumberReserved' && event.data.caseId === id);
  return found ? String(found.data.registryNumber) : undefined;
}

/** The one event id of a case's reservation, whatever stream and position it lands at. */
export function reservationEventId(eventIdKey: Buffer, caseId: string): string {
  return uuidFromHash(createHmac('sha256', eventIdKey).update(`registry-number\n${caseId.toLowerCase()}`).digest('hex'));
}

/** A short random back-off, growing a little with the attempts, so racing registrations do not retry in lockstep. */
function pause(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(50, 2 + attempt * 2);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
