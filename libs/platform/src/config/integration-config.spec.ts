import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

/** The integration-event relay's configuration (README, "Integration events"). */
describe('integration relay configuration', () => {
  it('is off without KAFKA_BROKERS, and reads the broker list and client id when set', () => {
    expect(loadConfig({}, [])).toMatchObject({ kafkaBrokers: null, kafkaClientId: 'registro-trata' });
    expect(loadConfig({ KAFKA_BROKERS: ' ' }, []).kafkaBrokers).toBeNull();
    expect(loadConfig({ KAFKA_BROKERS: 'kafka-1:9092, kafka-2.mimp.gob.pe:9093,', KAFKA_CLIENT_ID: 'registro-lima' }, [])).toMatchObject({
      kafkaBrokers: ['kafka-1:9092', 'kafka-2.mimp.gob.pe:9093'],
      kafkaClientId: 'registro-lima',
    });
  });

  it('refuses a broker that is not host:port', () => {
    expect(() => loadConfig({ KAFKA_BROKERS: 'kafka-1' }, [])).toThrow(ConfigError);
    expect(() => loadConfig({ KAFKA_BROKERS: 'kafka://kafka-1:9092' }, [])).toThrow(/KAFKA_BROKERS/);
  });
});
