import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import { AnchorExporter, APP_CONFIG, PG_POOL, takeExportedAnchor, type AppConfig } from '#platform';

/**
 * Anchors the log every INTEGRITY_ANCHOR_SECONDS (default 300), when it has moved: a stream truncated after an
 * anchor no longer matches it. Replicas may all run this; takeAnchor serializes them with an advisory lock.
 */
@Injectable()
export class IntegrityAnchorTask implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Integrity');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly exporter: AnchorExporter,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.integrityAnchorSeconds === 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.tick().finally(() => {
        this.running = null;
      });
    }, this.config.integrityAnchorSeconds * 1000);
    this.timer.unref();
  }

  async tick(): Promise<void> {
    try {
      const { anchor, created } = await takeExportedAnchor(this.pool, this.exporter, { onlyIfChanged: true });
      if (created)
        this.logger.log({ anchor: anchor.anchorId, globalPosition: anchor.globalPosition, streams: anchor.streams, events: anchor.events });
    } catch (error) {
      // A missed anchor only widens the window until the next one; never crash the API for it.
      this.logger.warn(`integrity anchor not taken: ${(error as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
