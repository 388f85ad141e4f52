import type pg from 'pg';
import { safeErrorMessage } from '#event-store';
import type { OutboxRelay, RelayBackoff } from './outbox-relay.js';

export const DEFAULT_RELAY_BACKOFF: RelayBackoff = { initialMs: 500, maxMs: 60_000, idleMs: 1_000 };

/**
 * Runs a relay until stopped: batches back to back while there is something to send, `idleMs` between polls when
 * caught up, and after a failure a doubling wait (from `initialMs`, at most `maxMs`) before the batch is tried again.
 *
 * With `exclusive` (a pool), only one daemon per relay name sends, in whichever process: it holds a session advisory
 * lock on a connection of its own for as long as it runs, as the projections do. The others (a second projector) stand
 * by, trying for the lock every `idleMs`, and take over when that connection goes away. Without it, two relays on one
 * checkpoint would both publish each batch before one of them lost the checkpoint's compare-and-set.
 */
export class RelayDaemon {
  private stopped = false;
  private running: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private lockClient: pg.PoolClient | null = null;

  constructor(
    private readonly relay: OutboxRelay,
    private readonly backoff: RelayBackoff = DEFAULT_RELAY_BACKOFF,
    private readonly warn: (message: string) => void = () => undefined,
    private readonly exclusive?: pg.Pool,
  ) {}

  /** True while this daemon is the one that sends (always, without `exclusive`). */
  get active(): boolean {
    return !this.exclusive || this.lockClient !== null;
  }

  start(): void {
    this.running ??= this.loop();
  }

  /**
   * Stops after the batch in flight, waiting for it at most `graceMs`: a send the broker never answers (kafkajs's
   * idempotent producer retries without end) is abandoned, which is safe because its checkpoint did not move.
   */
  async stop(graceMs = 5_000): Promise<void> {
    this.stopped = true;
    this.wake?.();
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([this.running, grace]);
    clearTimeout(timer);
    const client = this.lockClient;
    this.lockClient = null;
    if (client) {
      await client.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
      client.release();
    }
  }

  /** Holds the relay's lock, or tries to take it; false while another daemon holds it. */
  private async holdLock(pool: pg.Pool): Promise<boolean> {
    if (this.lockClient) return true;
    const client = await pool.connect();
    let released = false;
    const release = (error?: Error) => {
      if (released) return;
      released = true;
      client.release(error);
    };
    // Losing the connection loses the lock: stand by again until it is taken back.
    client.on('error', (error) => {
      if (this.lockClient === client) this.lockClient = null;
      release(error);
    });
    const { rows } = await client.query<{ locked: boolean }>(
      "SELECT pg_try_advisory_lock(hashtext('integration-relay'), hashtext($1)) AS locked",
      [this.relay.name],
    );
    if (!rows[0].locked || this.stopped) {
      if (rows[0].locked) await client.query('SELECT pg_advisory_unlock_all()');
      release();
      return false;
    }
    this.lockClient = client;
    this.warn(
      `relé de eventos de integración ${this.relay.name}: este proceso publica / integration relay ${this.relay.name}: this process publishes`,
    );
    return true;
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      let wait: number;
      try {
        if (this.exclusive && !(await this.holdLock(this.exclusive))) {
          await this.sleep(this.backoff.idleMs);
          continue;
        }
        wait = (await this.relay.processBatch()) > 0 ? 0 : this.backoff.idleMs;
        failures = 0;
      } catch (error) {
        failures++;
        wait = Math.min(this.backoff.initialMs * 2 ** (failures - 1), this.backoff.maxMs);
        this.warn(
          `relé de eventos de integración: falló el envío, reintento en ${wait} ms / integration relay: publish failed, retrying in ${wait} ms: ${safeErrorMessage(error)}`,
        );
      }
      if (wait > 0) await this.sleep(wait);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
