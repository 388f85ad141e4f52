import { formatRegistryNumber, registryNumberSeries, registryNumberStreamName, type RegistryNumberReserved } from '#domain';
import { IdempotencyConflict, WrongExpectedVersion, type EventMetadata, type EventStore, type NewEvent } from '#event-store';
import { reservationEventId } from '#platform';

export interface NumberRequest {
  caseId: string;
  ubigeo: string;
  registeredAt: string;
  metadata: EventMetadata;
}

/** What one numbering stream holds, as last read or appended: its version and the number of each case in it. */
interface NumberingStream {
  version: number;
  numbers: Map<string, string>;
}

const MAX_ATTEMPTS = 50;

/**
 * The registry numbers of many cases at once, as reserveRegistryNumber gives them one by one (same numbering
 * streams, same event per case with the same derived id, so either recognises the other's reservations): per
 * department-year stream, one append of every case not yet in it, at the stream's next version. Each stream is read
 * once per import and then followed in memory; a lost race (the API registering a case meanwhile) reads it again
 * and tries again. Cases get their numbers in the order given.
 */
export class RegistryNumberReserver {
  private readonly streams = new Map<string, NumberingStream>();

  constructor(
    private readonly store: EventStore,
    private readonly eventIdKey: Buffer,
  ) {}

  async reserve(requests: readonly NumberRequest[]): Promise<Map<string, string>> {
    const byStream = new Map<string, { department: string; year: number; requests: NumberRequest[] }>();
    for (const request of requests) {
      const { department, year } = registryNumberSeries(request.ubigeo, request.registeredAt);
      const streamId = registryNumberStreamName(department, year);
      const group = byStream.get(streamId) ?? { department, year, requests: [] };
      group.requests.push(request);
      byStream.set(streamId, group);
    }
    const numbers = new Map<string, string>();
    await Promise.all(
      [...byStream].map(async ([streamId, { department, year, requests: group }]) => {
        for (let attempt = 1; ; attempt++) {
          const stream = this.streams.get(streamId) ?? (await this.read(streamId));
          const pending: NewEvent[] = [];
          for (const request of group) {
            const caseId = request.caseId.toLowerCase();
            const held = stream.numbers.get(caseId);
            if (held) {
              numbers.set(caseId, held);
              continue;
            }
            const registryNumber = formatRegistryNumber(department, year, stream.version + pending.length + 1);
            const data: RegistryNumberReserved['data'] = { caseId, department, year, registryNumber };
            pending.push({
              eventId: reservationEventId(this.eventIdKey, caseId),
              type: 'RegistryNumberReserved',
              data,
              metadata: request.metadata,
            });
          }
          if (pending.length === 0) return;
          try {
            await this.store.append(streamId, pending, stream.version);
            stream.version += pending.length;
            for (const { data } of pending) {
              stream.numbers.set(String(data.caseId), String(data.registryNumber));
              numbers.set(String(data.caseId), String(data.registryNumber));
            }
            return;
          } catch (error) {
            if (!(error instanceof WrongExpectedVersion || error instanceof IdempotencyConflict) || attempt >= MAX_ATTEMPTS) throw error;
            this.streams.delete(streamId);
            await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
          }
        }
      }),
    );
    return numbers;
  }

  private async read(streamId: string): Promise<NumberingStream> {
    const events = await this.store.readStream(streamId);
    const numbers = new Map<string, string>();
    for (const event of events)
      if (event.type === 'RegistryNumberReserved') numbers.set(String(event.data.caseId), String(event.data.registryNumber));
    const stream = { version: events.length, numbers };
    this.streams.set(streamId, stream);
    return stream;
  }
}
