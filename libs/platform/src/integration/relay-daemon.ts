import { safeErrorMessage } from '#event-store';
import type { OutboxRelay, RelayBackoff } from './outbox-relay.js';

export const DEFAULT_RELAY_BACKOFF: RelayBackoff = { initialMs: 500, maxMs: 60_000, idleMs: 1_000 };

/**
 * Runs a relay until stopped: batches back to back while there is something to send, `idleMs` between polls when
 * caught up, and after a failure a doubling wait (from `initialMs`, at most `maxMs`) before the batch is tried again.
 */
export class RelayDaemon {
  private stopped = false;
  private running: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly relay: OutboxRelay,
    private readonly backoff: RelayBackoff = DEFAULT_RELAY_BACKOFF,
    private readonly warn: (message: string) => void = () => undefined,
  ) {}

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
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      let wait: number;
      try {
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
