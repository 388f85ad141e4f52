import type { AppendResult, EventStore, ExpectedVersion, LogPosition, NewEvent, RecordedEvent } from '#event-store';
import { FREE_TEXT_FIELDS, freeTextSubjects, unsealFreeText, type FreeTextFields } from './free-text.js';
import { STREAM_SEALINGS, type StreamSealing } from './stream-sealing.js';
import type { SubjectKeyStore } from './subject-key-store.js';

/** A stream's events with their personal fields clear, and which of its data subjects were erased. */
export interface OpenStream {
  events: RecordedEvent[];
  erased: ReadonlySet<string>;
}

/**
 * The event store the application uses: personal fields and free text are sealed on append and opened on read,
 * each under its data subject's key (created on the first append that concerns it, loaded on read). The log
 * underneath only ever sees sealed values; the domain and the core store know nothing of keys. Sealing is
 * deterministic, so a retried append matches the stored events and the log recognises it.
 */
export class SealingEventStore implements EventStore {
  constructor(
    private readonly log: EventStore,
    private readonly keys: SubjectKeyStore,
    private readonly sealings: readonly StreamSealing[] = STREAM_SEALINGS,
  ) {}

  async append(streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    const sealing = this.sealingOf(streamId);
    if (!sealing) return this.log.append(streamId, events, expectedVersion);
    const keyring = await this.keys.keyring({ create: events.flatMap((event) => sealing.subjectsOf(event)) });
    const sealed = events.map((event) => ({ ...event, data: sealing.seal(keyring, event).data as Record<string, unknown> }));
    return this.log.append(streamId, sealed, expectedVersion);
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    return (await this.readOpenStream(streamId)).events;
  }

  /** As readStream, with the subjects whose personal data was erased (their fields read as null). */
  async readOpenStream(streamId: string): Promise<OpenStream> {
    const events = await this.log.readStream(streamId);
    const sealing = this.sealingOf(streamId);
    if (!sealing) return { events, erased: new Set() };
    const keyring = await this.keys.keyring({ load: events.flatMap((event) => sealing.subjectsOf(event).map((s) => s.id)) });
    return {
      events: events.map((event) => ({ ...event, data: sealing.unseal(keyring, event).data as Record<string, unknown> })),
      erased: keyring.erased,
    };
  }

  /** The log in gap-safe order, opened like readStream (the keys of a batch loaded at once). */
  async readAll(after: LogPosition, limit: number): Promise<RecordedEvent[]> {
    const events = await this.log.readAll(after, limit);
    const sealings = events.map((event) => this.sealingOf(event.streamId));
    const load = events.flatMap((event, i) => sealings[i]?.subjectsOf(event).map((s) => s.id) ?? []);
    if (load.length === 0) return events;
    const keyring = await this.keys.keyring({ load });
    return events.map((event, i) => {
      const sealing = sealings[i];
      return sealing ? { ...event, data: sealing.unseal(keyring, event).data as Record<string, unknown> } : event;
    });
  }

  /**
   * Only the free text of a batch made clear (never a victim's or caller's personal fields), for the projections
   * that index it: the case list's search by police unit. An erased record's text reads as null; text stored in
   * clear before sealing existed stays as it is.
   */
  async openFreeText<E extends RecordedEvent>(events: readonly E[]): Promise<E[]> {
    const specs = events.map((event) => FREE_TEXT_OF_EVENT.get(event.type));
    const load = [...new Set(events.flatMap((event, i) => (specs[i] ? freeTextSubjects(specs[i]!, event).map((s) => s.id) : [])))];
    if (load.length === 0) return [...events];
    const keyring = await this.keys.keyring({ load });
    return events.map((event, i) => (specs[i] ? (unsealFreeText(keyring, specs[i]!, event) as E) : event));
  }

  private sealingOf(streamId: string): StreamSealing | undefined {
    return this.sealings.find((sealing) => streamId.startsWith(sealing.streamPrefix));
  }
}

const FREE_TEXT_OF_EVENT: ReadonlyMap<string, FreeTextFields> = new Map(
  FREE_TEXT_FIELDS.flatMap((spec) => Object.keys(spec.fields).map((type) => [type, spec] as const)),
);
