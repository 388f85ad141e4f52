import { createHmac } from 'node:crypto';
import {
  departmentOfUbigeo,
  formatRegistryNumber,
  registryNumberSeries,
  registryNumberStreamName,
  type RegistryNumberReserved,
} from '#domain';
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
 * The last version this process saw of each numbering stream: where the next reservation tries first, so a
 * registration never reads the whole stream (a department-year holds thousands of cases). A stale guess costs one
 * refused append, which says the stream's actual version.
 */
const lastSeen = new Map<string, number>();

/**
 * Reserves the case's registry number (`08-2025-000123`) in the numbering stream of its department and year:
 * one `RegistryNumberReserved` appended at the stream's next version, so its stream position is the sequence —
 * unique and gap-free because the store refuses a second event at a position (optimistic concurrency; a lost race
 * tries the version the store reports). Idempotent for a case: the event id is derived from the case id under the
 * server's key and event ids are unique in the log, so a case reserves once; a retry finds its event (the same
 * number at the same position is replayed; elsewhere the stream is read to give the number it holds). The
 * department is the case's UBIGEO at registration, the year is the Lima year of `registeredAt`.
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
  if (departmentOfUbigeo(ubigeo) === 'unknown') throw new RangeError('a registry number needs the UBIGEO of the case');
  const { department, year } = registryNumberSeries(ubigeo, registeredAt);
  const streamId = registryNumberStreamName(department, year);
  const eventId = reservationEventId(eventIdKey, id);
  let version = lastSeen.get(streamId) ?? 0;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const registryNumber = formatRegistryNumber(department, year, version + 1);
    const data: RegistryNumberReserved['data'] = { caseId: id, department, year, registryNumber };
    try {
      const result = await store.append(streamId, [{ eventId, type: 'RegistryNumberReserved', data, metadata }], version);
      remember(streamId, result.nextExpectedVersion);
      return registryNumber;
    } catch (error) {
      if (error instanceof WrongExpectedVersion) {
        // Another case took this position: try the stream's head.
        version = error.actual;
        lastSeen.set(streamId, version);
        if (attempt > 1) await pause(attempt);
        continue;
      }
      if (!(error instanceof IdempotencyConflict)) throw error;
      // This case's event is already in the log at another position (a retry): its number is the one it holds.
      const held = reservedNumberOf(await store.readStream(streamId), id);
      if (held) return held;
      throw error;
    }
  }
  throw new Error(`could not reserve a registry number in ${streamId} after ${MAX_ATTEMPTS} attempts`);
}

function remember(streamId: string, version: number): void {
  if (version > (lastSeen.get(streamId) ?? 0)) lastSeen.set(streamId, version);
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
