import type { Pool, PoolClient } from 'pg';
import type { ProjectionRunner } from './projection-runner.js';

export interface DaemonLogger {
  log(message: string, context?: unknown): void;
  error(message: string, context?: unknown): void;
}

/**
 * Keeps projections up to date in the background. Only one process may run a given projection: it holds a
 * session advisory lock on a dedicated connection for as long as it runs; other processes stand by and take
 * over when that connection goes away (crash, shutdown).
 */
export class ProjectionDaemon {
  private lockClient: PoolClient | null = null;
  private readonly owned = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly pool: Pool,
    private readonly runners: readonly ProjectionRunner[],
    private readonly logger: DaemonLogger,
    private readonly pollMs = 200,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Waits for the batch in flight, then releases the locks. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    if (this.lockClient) {
      await this.lockClient.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
      this.lockClient.release();
      this.lockClient = null;
    }
    this.owned.clear();
  }

  /** Runs every owned projection until caught up (used by start-up and tests). */
  async tick(): Promise<void> {
    await this.acquireLocks();
    for (const runner of this.runners) {
      if (this.owned.has(runner.name)) await runner.catchUp();
    }
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .catch((error: unknown) => this.logger.error('projection batch failed; retrying', { error: String(error) }))
        .finally(() => this.schedule(this.pollMs));
    }, delay);
  }

  private async acquireLocks(): Promise<void> {
    if (this.owned.size === this.runners.length) return;
    if (!this.lockClient) {
      const client = await this.pool.connect();
      // Losing this connection releases the locks: forget them and take them again on the next tick.
      client.on('error', (error) => {
        if (this.lockClient !== client) return; // already given back by stop()
        this.logger.error('projection lock connection lost', { error: error.message });
        this.owned.clear();
        this.lockClient = null;
        client.release(error);
      });
      this.lockClient = client;
    }
    for (const runner of this.runners) {
      if (this.owned.has(runner.name)) continue;
      const result = await this.lockClient.query<{ locked: boolean }>(
        "SELECT pg_try_advisory_lock(hashtext('projection'), hashtext($1)) AS locked",
        [runner.name],
      );
      if (result.rows[0].locked) {
        this.owned.add(runner.name);
        this.logger.log(`projection ${runner.name}: this process is the active runner`);
      }
    }
  }
}
