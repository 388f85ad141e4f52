import { Kafka, logLevel, type Producer } from 'kafkajs';
import { MessageRejected, type IntegrationMessage, type IntegrationPublisher } from './integration-publisher.js';

/** Errors about the message itself, not the broker's availability: retrying them a few times is enough. */
const REJECTIONS = new Set(['MESSAGE_TOO_LARGE', 'INVALID_RECORD', 'CORRUPT_MESSAGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_TOPIC_EXCEPTION']);

/**
 * The kafkajs adapter of the publisher port: an idempotent producer (one request in flight, acks from all in-sync
 * replicas), so a retried send neither duplicates nor reorders a partition. `sendBatch` resolves once acknowledged.
 */
export class KafkaPublisher implements IntegrationPublisher {
  private readonly producer: Producer;
  private connected: Promise<void> | null = null;

  constructor(brokers: readonly string[], clientId: string) {
    const kafka = new Kafka({ clientId, brokers: [...brokers], logLevel: logLevel.NOTHING });
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  }

  async publish(messages: readonly IntegrationMessage[]): Promise<void> {
    this.connected ??= this.producer.connect().catch((error: unknown) => {
      this.connected = null;
      throw error;
    });
    await this.connected;
    const byTopic = new Map<string, IntegrationMessage[]>();
    for (const m of messages) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m]);
    try {
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, list]) => ({
          topic,
          messages: list.map((m) => ({ key: m.key, value: m.value, headers: { ...m.headers } })),
        })),
      });
    } catch (error) {
      const type = (error as { type?: unknown }).type;
      if (typeof type === 'string' && REJECTIONS.has(type)) throw new MessageRejected(`Kafka rechazó el mensaje / rejected: ${type}`);
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }
}
