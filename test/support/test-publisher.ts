import { MessageRejected, type IntegrationMessage, type IntegrationPublisher } from '#platform';

/** In-process publisher: records what the "broker" acknowledged; fails or rejects on demand. */
export class TestPublisher implements IntegrationPublisher {
  readonly acknowledged: IntegrationMessage[] = [];
  calls = 0;
  unreachable = 0;
  readonly rejected = new Set<string>();
  closed = false;

  async publish(messages: readonly IntegrationMessage[]): Promise<void> {
    this.calls++;
    if (this.unreachable > 0) {
      this.unreachable--;
      throw new Error('connect ECONNREFUSED 10.0.0.9:9092');
    }
    if (messages.some((m) => this.rejected.has(m.headers.ce_id))) throw new MessageRejected('MESSAGE_TOO_LARGE');
    this.acknowledged.push(...messages);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  ids(): string[] {
    return this.acknowledged.map((m) => m.headers.ce_id);
  }
}
