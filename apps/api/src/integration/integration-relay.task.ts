import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import {
  APP_CONFIG,
  KafkaPublisher,
  OutboxRelay,
  PG_POOL,
  RegistryMetrics,
  RelayDaemon,
  registerRelayLagGauges,
  type AppConfig,
  type IntegrationPublisher,
} from '#platform';

/**
 * Publishes the integration events to Kafka while the API runs, only when KAFKA_BROKERS is set. (A later change moves
 * it to the projector process; one relay per checkpoint: a second one fails its compare-and-set and retries.)
 */
@Injectable()
export class IntegrationRelayTask implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('IntegrationRelay');
  private publisher: IntegrationPublisher | null = null;
  private daemon: RelayDaemon | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly metrics: RegistryMetrics,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.kafkaBrokers) return;
    this.publisher = new KafkaPublisher(this.config.kafkaBrokers, this.config.kafkaClientId);
    const relay = new OutboxRelay(this.pool, this.publisher, { source: `urn:${this.config.kafkaClientId}` });
    registerRelayLagGauges(this.metrics.registry, this.pool, relay.name);
    this.daemon = new RelayDaemon(relay, undefined, (message) => this.logger.warn(message));
    this.daemon.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.daemon?.stop();
    await this.publisher?.close().catch(() => undefined);
  }
}
