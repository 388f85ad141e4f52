import { departmentOfUbigeo, formatRegistryNumber, limaMonth, registryNumberStreamName, type RegistryNumberReserved } from '#domain';
import { IdempotencyConflict, WrongExpectedVersion, type EventMetadata, type EventStore, type NewEvent } from '#event-store';
import { reservationEventId, reservedNumberOf } from '#platform';

export interface NumberRequest {
  caseId: string;
  ubigeo: string;
  registeredAt: string;
  metadata: EventMetadata;
}

const MAX_ATTEMPTS = 50;

/**
 * The registry numbers of many cases at once, as reserveRegistryNumber gives them one by one (same numbering
 * streams, same event per case with the same derived id, so either recognises the other's reservations): per
 * department-year stream, one append of every case not yet in it, at the stream's next version. A lost race (the
 * API registering a case meanwhile) re-reads the stream and tries again. Cases get their numbers in the order given.
 */
export async function reserveRegistryNumbers(
  store: EventStore,
  eventIdKey: Buffer,
  requests: readonly NumberRequest[],
): Promise<Map<string, string>> {
  const byStream = new Map<string, { department: string; year: number; requests: NumberRequest[] }>();
  for (const request of requests) {
    const department = departmentOfUbigeo(request.ubigeo);
    const year = Number(limaMonth(request.registeredAt).slice(0, 4));
    const streamId = registryNumberStreamName(department, year);
    const group = byStream.get(streamId) ?? { department, year, requests: [] };
    group.requests.push(request);
    byStream.set(streamId, group);
  }
  const numbers = new Map<string, string>();
  await Promise.all(
    [...byStream].map(async ([streamId, { department, year, requests: group }]) => {
      for (let attempt = 1; ; attempt++) {
        const stream = await store.readStream(streamId);
        const pending: NewEvent[] = [];
        for (const request of group) {
          const caseId = request.caseId.toLowerCase();
          const held = reservedNumberOf(stream, caseId);
          if (held) {
            numbers.set(caseId, held);
            continue;
          }
          const registryNumber = formatRegistryNumber(department, year, stream.length + pending.length + 1);
          const data: RegistryNumberReserved['data'] = { caseId, department, year, registryNumber };
          pending.push({
            eventId: reservationEventId(eventIdKey, caseId),
            type: 'RegistryNumberReserved',
            data,
            metadata: request.metadata,
          });
        }
        if (pending.length === 0) return;
        try {
          await store.append(streamId, pending, stream.length);
          for (const event of pending) numbers.set(String(event.data.caseId), String(event.data.registryNumber));
          return;
        } catch (error) {
          if (!(error instanceof WrongExpectedVersion || error instanceof IdempotencyConflict) || attempt >= MAX_ATTEMPTS) throw error;
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
        }
      }
    }),
  );
  return numbers;
}
