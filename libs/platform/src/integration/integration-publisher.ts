/**
 * Our own port to a message broker, so the client library (kafkajs today) is replaced in one file. `publish`
 * resolves only once the broker acknowledged every message of the batch; the relay advances its checkpoint after.
 */
export interface IntegrationMessage {
  topic: string;
  /** The partitioning key: the stream id, so one record's events stay in order. */
  key: string;
  value: string;
  headers: Readonly<Record<string, string>>;
}

export interface IntegrationPublisher {
  publish(messages: readonly IntegrationMessage[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * The broker refused a message itself (too large, invalid record), as opposed to being unreachable: retried a few
 * times, then dead-lettered. Any other error is a broker or network failure, retried with backoff for as long as it
 * lasts (dead-lettering the log one event at a time during an outage would lose the order).
 */
export class MessageRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MessageRejected';
  }
}
