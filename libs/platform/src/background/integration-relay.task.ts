import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import { CopiedLog } from '#event-store';
import type { AppConfig } from '../config/config.js';
import { KafkaPublisher, OutboxRelay, RelayDaemon, registerRelayLagGauges, type IntegrationPublisher } from '../integration/index.js';
import { RegistryMetrics } from '../metrics/registry-metrics.js';
import { APP_CONFIG, PG_POOL } from '../nest/tokens.js';

/**
 * Publishes the integration events to Kafka when KAFKA_BROKERS is set, in the process that runs the background work:
 * the projector (apps/projector), or `npm start`'s single process. One relay sends per checkpoint: the daemon holds an
 * advisory lock, so a second projector's relay stands by and takes over when the first one's connection goes away.
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
    // Background work: where the projections run (RUN_PROJECTIONS), never in an api-only replica.
    if (!this.config.runProjections || !this.config.kafkaBrokers) return;
    this.publisher = new KafkaPublisher(this.config.kafkaBrokers, this.config.kafkaClientId);
    // With KurrentDB the relay reads PostgreSQL's copy of the log, in KurrentDB's order, as the projections do.
    const log = this.config.eventStore === 'kurrentdb' ? new CopiedLog(this.pool) : undefined;
    const relay = new OutboxRelay(this.pool, this.publisher, { source: `urn:${this.config.kafkaClientId}`, log });
    registerRelayLagGauges(this.metrics.registry, this.pool, relay.name);
    // One sending relay across every projector (an advisory lock); the others stand by.
    this.daemon = new RelayDaemon(relay, undefined, (message) => this.logger.warn(message), this.pool);
    this.daemon.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.daemon?.stop();
    await this.publisher?.close().catch(() => undefined);
  }
}
