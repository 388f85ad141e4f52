import type { RecordedEvent } from '../event-store.port.js';

type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * Old events are never rewritten: readers lift them to the current schema on the way out. An upcaster is
 * keyed by (type, schemaVersion) and produces schemaVersion + 1; they chain until none applies.
 */
export class Upcasters {
  private readonly byKey = new Map<string, Upcaster>();

  register(type: string, fromVersion: number, upcast: Upcaster): this {
    this.byKey.set(`${type}@${fromVersion}`, upcast);
    return this;
  }

  upcast(event: RecordedEvent): RecordedEvent {
    let current = event;
    for (let upcast = this.byKey.get(`${current.type}@${current.schemaVersion}`); upcast;) {
      current = { ...current, data: upcast(current.data), schemaVersion: current.schemaVersion + 1 };
      upcast = this.byKey.get(`${current.type}@${current.schemaVersion}`);
    }
    return current;
  }
}
