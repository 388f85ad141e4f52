import type { Pool, PoolClient } from 'pg';
import { EVENTS_CHANNEL } from '../postgres/notify.js';
import { ProjectionEventFailed } from './projection-runner.js';

/** What the daemon runs: a ProjectionRunner, or the log copier. `catchUp` calls `onBatch` after each committed batch. */
export interface DaemonRunner {
  readonly name: string;
  catchUp(onBatch?: () => void): Promise<number>;
}

export interface DaemonLogger {
  log(message: string, context?: unknown): void;
  error(message: string, context?: unknown): void;
}

/** Backoff for a projection whose event failed: `initialMs` doubling up to `maxMs`; `onFailure` sees each failure. */
export interface DaemonRetry {
  initialMs: number;
  maxMs: number;
  onFailure?: (failure: ProjectionEventFailed) => void;
}

const DEFAULT_RETRY: DaemonRetry = { initialMs: 200, maxMs: 30_000 };

/** Thrown between batches to end a catch-up when the daemon stops; not a failure. */
const STOPPING = new Error('projection daemon stopping');

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
  private started = false;
  /** An append was notified while a batch ran: run again as soon as it ends. */
  private pending = false;
  /** Projections whose event failed: not run again before this time (ms since the epoch). */
  private readonly retryAt = new Map<string, number>();

  constructor(
    private readonly pool: Pool,
    private readonly runners: readonly DaemonRunner[],
    private readonly logger: DaemonLogger,
    private readonly pollMs = 200,
    private readonly retry: DaemonRetry = DEFAULT_RETRY,
  ) {}

  start(): void {
    this.stopped = false;
    this.started = true;
    this.schedule(0);
  }

  /** Catch up now rather than at the next poll (an append was committed); a no-op unless started. */
  wake(): void {
    if (!this.started || this.stopped) return;
    if (this.running) {
      this.pending = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.schedule(0);
  }

  /** Waits for the batch in flight (a catch-up stops at the next batch boundary), then releases the locks. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    if (this.lockClient) {
      await this.lockClient.query('SELECT pg_advisory_unlock_all(); UNLISTEN *').catch(() => undefined);
      this.lockClient.removeAllListeners('notification');
      this.lockClient.release();
      this.lockClient = null;
    }
    this.owned.clear();
  }

  /** The projections this process holds the lock of, and so runs (a hot standby holds none). */
  activeProjections(): string[] {
    return this.runners.map((runner) => runner.name).filter((name) => this.owned.has(name));
  }

  /** Runs every owned projection until caught up (used by start-up and tests). */
  async tick(): Promise<void> {
    await this.acquireLocks();
    // Side by side: each projection has its own checkpoint and transaction, and a write is visible in a list only
    // once the projections behind it have caught up, so the slowest one, not their sum, sets the delay.
    // A projection whose event failed waits out its backoff (the others go on); one stopped on it (`failed`)
    // returns at once from catchUp until the operator retries or skips.
    const now = Date.now();
    const results = await Promise.allSettled(
      this.runners
        .filter((runner) => this.owned.has(runner.name) && (this.retryAt.get(runner.name) ?? 0) <= now)
        .map((runner) =>
          runner
            .catchUp(() => this.stopAtBatchBoundary())
            .then(
              () => this.retryAt.delete(runner.name),
              (error: unknown) => this.failed(runner, error),
            ),
        ),
    );
    const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected' && result.reason !== STOPPING);
    if (failed) throw failed.reason;
  }

  /** Schedules the next attempt of a failed event (doubling), logs and reports it, and rethrows. */
  private failed(runner: DaemonRunner, error: unknown): never {
    if (error instanceof ProjectionEventFailed) {
      const { failure, state } = error;
      const delay = Math.min(this.retry.maxMs, this.retry.initialMs * 2 ** Math.min(failure.attempts - 1, 30));
      this.retryAt.set(runner.name, Date.now() + delay);
      this.retry.onFailure?.(error);
      const where = { projection: runner.name, position: failure.globalPosition, eventType: failure.eventType, attempts: failure.attempts };
      if (state === 'failed')
        this.logger.error(`projection ${runner.name} stopped (FAILED) at position ${failure.globalPosition}: ${failure.message}`, where);
      else this.logger.error(`projection ${runner.name} failed at position ${failure.globalPosition}; retrying in ${delay} ms`, where);
    }
    throw error;
  }

  /** Called after each committed batch: once stopping, ends the catch-up there (the checkpoint is that batch's). */
  private stopAtBatchBoundary(): void {
    if (this.stopped) throw STOPPING;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pending = false;
      this.running = this.tick()
        .catch((error: unknown) => this.logger.error('projection batch failed; retrying', { error: String(error) }))
        .finally(() => {
          this.running = null;
          this.schedule(this.pending ? 0 : this.pollMs);
        });
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
      // The same connection listens for appends (notify.ts): no extra connection, and it goes when the locks go.
      client.on('notification', () => this.wake());
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
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
