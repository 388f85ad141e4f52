import type pg from 'pg';
import { Gauge, type Registry } from 'prom-client';

/**
 * The relay's lag as Prometheus gauges on the application's registry: events of the log after its checkpoint, and
 * seconds since the oldest of them was recorded (0 when caught up). A database that does not answer leaves them as they were.
 */
export function registerRelayLagGauges(registry: Registry, pool: pg.Pool, relayName = 'kafka'): void {
  let pending: Promise<{ events: number; seconds: number } | null> | null = null;
  const read = () => {
    pending ??= relayLag(pool, relayName)
      .catch(() => null)
      .finally(() => setTimeout(() => (pending = null), 0));
    return pending;
  };
  new Gauge({
    name: 'registro_integration_relay_lag_events',
    help: 'Events in the log the integration relay has not published yet',
    registers: [registry],
    async collect() {
      const lag = await read();
      if (lag) this.set(lag.events);
    },
  });
  new Gauge({
    name: 'registro_integration_relay_lag_seconds',
    help: 'Seconds since the oldest event the integration relay has not published was recorded (0 when caught up)',
    registers: [registry],
    async collect() {
      const lag = await read();
      if (lag) this.set(lag.seconds);
    },
  });
}

export async function relayLag(pool: pg.Pool, relayName = 'kafka'): Promise<{ events: number; seconds: number }> {
  const { rows } = await pool.query<{ events: number; seconds: number }>(
    `SELECT count(*)::int AS events,
            COALESCE(EXTRACT(EPOCH FROM now() - min(e.recorded_at)), 0)::float8 AS seconds
       FROM events e
       LEFT JOIN integration_relay_checkpoints c ON c.relay_name = $1
      WHERE (e.transaction_id, e.global_position) > (COALESCE(c.transaction_id, '0'::xid8), COALESCE(c.global_position, 0))`,
    [relayName],
  );
  return rows[0];
}
