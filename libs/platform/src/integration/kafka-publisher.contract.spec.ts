import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { KafkaPublisher } from './kafka-publisher.js';

/**
 * The kafkajs adapter against a real broker: runs only with KAFKA_BROKERS (no fake server). What the relay relies
 * on: `publish` resolves after the broker acknowledged, and a consumer reads the messages with their key, headers
 * and value, in the order sent for one key.
 */
const brokers =
  process.env.KAFKA_BROKERS?.split(',')
    .map((b) => b.trim())
    .filter(Boolean) ?? [];

describe('KafkaPublisher against a real broker', () => {
  if (brokers.length === 0) {
    it('skipped: no Kafka configured', () => {
      console.log('skipped: no Kafka configured');
    });
    return;
  }

  it('publishes a batch that a consumer reads back in order, with keys and headers', async () => {
    const topic = `registro.contract-test-${randomUUID()}`;
    const kafka = new Kafka({ clientId: 'registro-contract-test', brokers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    const publisher = new KafkaPublisher(brokers, 'registro-contract-test');
    const key = `hotline-call-${randomUUID()}`;
    const sent = Array.from({ length: 5 }, (_, i) => ({
      topic,
      key,
      value: JSON.stringify({ n: i }),
      headers: { 'content-type': 'application/cloudevents+json; charset=UTF-8', ce_id: randomUUID() },
    }));
    await publisher.publish(sent);
    const consumer = kafka.consumer({ groupId: `contract-${randomUUID()}` });
    const received: Array<{ key: string; value: string; ceId: string }> = [];
    try {
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          received.push({ key: String(message.key), value: String(message.value), ceId: String(message.headers?.ce_id) });
        },
      });
      const deadline = Date.now() + 30_000;
      while (received.length < sent.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    } finally {
      await consumer.disconnect();
      await publisher.close();
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    }
    expect(received).toEqual(sent.map((m) => ({ key, value: m.value, ceId: m.headers.ce_id })));
  }, 60_000);
});
