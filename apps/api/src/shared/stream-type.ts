import type { DeciderLike } from '../../../../libs/event-store/src/index.js';
import type { DataSubject, SubjectKeyring } from '../../../../libs/platform/src/index.js';

export type StoredEvent = { type: string; data: object };

/**
 * Everything the application needs to run commands on one kind of stream: its decider, how its streams are
 * named, which command creates a stream, and how its personal fields are sealed for storage.
 */
export interface StreamType<C extends { type: string; data: object }, E extends StoredEvent, S> {
  readonly name: string;
  readonly decider: DeciderLike<C, E, S>;
  streamName(id: string): string;
  /** The id of the stream a command addresses, and the command's field that holds it. */
  idOf(command: C): string;
  readonly idField: string;
  /** Creating commands decide against the empty state, so a retry with the same id is recognised by the store. */
  isCreate(command: C): boolean;
  /**
   * The data subjects whose personal data a command may set (their keys are created first) or a stored event
   * holds (their keys are loaded): sealing hooks are synchronous, keys live in the database.
   */
  subjectsOf?(message: { type: string; data: object }): DataSubject[];
  seal?(keyring: SubjectKeyring, event: StoredEvent): StoredEvent;
  unseal?(keyring: SubjectKeyring, event: StoredEvent): StoredEvent;
  /** Marks the records of erased subjects in a state read for a client (their personal fields read as null). */
  markErased?(state: S, erased: ReadonlySet<string>): S;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyStreamType = StreamType<any, any, any>;
