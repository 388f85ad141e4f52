import type pg from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import {
  IdempotencyConflict,
  WrongExpectedVersion,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type LogPosition,
  type NewEvent,
  type RecordedEvent,
} from '#event-store';
import { projectionOverview } from './projection-overview.js';

/**
 * The registry's Prometheus metrics, one `Registry` per application instance (never prom-client's global one, so a
 * test may run several apps). Labels are route templates, outcomes, projection names and pool states only: no ids,
 * no personal data.
 */
export class RegistryMetrics {
  readonly registry = new Registry();
  readonly httpRequests = new Counter({
    name: 'registro_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'registro_http_request_duration_seconds',
    help: 'HTTP request latency, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly appends = new Counter({
    name: 'registro_event_appends_total',
    help: 'Appends to the event log, by outcome (ok, replayed, conflict, error)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly appendedEvents = new Counter({
    name: 'registro_events_appended_total',
    help: 'Events written by successful appends',
    registers: [this.registry],
  });
  readonly appendDuration = new Histogram({
    name: 'registro_event_append_duration_seconds',
    help: 'Latency of an append to the event log, by outcome',
    labelNames: ['outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly projectionErrors = new Counter({
    name: 'registro_projection_errors_total',
    help: 'Failed attempts to apply an event, by projection',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  constructor(pool: pg.Pool, projections: readonly string[]) {
    collectDefaultMetrics({ register: this.registry, prefix: 'registro_' });
    new Gauge({
      name: 'registro_db_pool_connections',
      help: "The process's one database pool: connections by state (total, idle, waiting clients, max)",
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
        this.set({ state: 'max' }, pool.options.max ?? 10);
      },
    });
    const lag = new ProjectionLag(pool, projections);
    new Gauge({
      name: 'registro_projection_lag_events',
      help: 'Events in the log a projection has not processed yet',
      labelNames: ['projection'] as const,
      registers: [this.registry],
      async collect() {
        for (const row of await lag.read()) this.set({ projection: row.projection }, row.events);
      },
    });
    new Gauge({
      name: 'registro_projection_lag_seconds',
      help: 'Seconds since the oldest event a projection has not processed was recorded (0 when caught up)',
      labelNames: ['projection'] as const,
      registers: [this.registry],
      async collect() {
        for (const row of await lag.read()) this.set({ projection: row.projection }, row.seconds);
      },
    });
    new Gauge({
      name: 'registro_projection_failing',
      help: 'Whether a projection is failing: 0 running, 1 retrying an event, 2 stopped (FAILED)',
      labelNames: ['projection'] as const,
      registers: [this.registry],
      async collect() {
        for (const row of await lag.read()) this.set({ projection: row.projection }, row.failing);
      },
    });
    new Gauge({
      name: 'registro_projection_skips',
      help: 'Events the operator skipped for a projection (projections skip)',
      labelNames: ['projection'] as const,
      registers: [this.registry],
      async collect() {
        for (const row of await lag.read()) this.set({ projection: row.projection }, row.skips);
      },
    });
  }

  /** The exposition text and its content type (what GET /metrics answers). */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

interface LagRow {
  projection: string;
  events: number;
  seconds: number;
  failing: number;
  skips: number;
}

/** One query per scrape for all the projection gauges (each gauge's collect asks; the first one reads). */
class ProjectionLag {
  private pending: Promise<LagRow[]> | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly projections: readonly string[],
  ) {}

  read(): Promise<LagRow[]> {
    // Gauges collect side by side within one scrape: they share one read.
    // A database that does not answer leaves the gauges as they were; readiness says the database is down.
    this.pending ??= this.query()
      .catch(() => [])
      .finally(() => setImmediate(() => (this.pending = null)));
    return this.pending;
  }

  private async query(): Promise<LagRow[]> {
    return (await projectionOverview(this.pool, this.projections)).map((p) => ({
      projection: p.name,
      events: p.lagEvents,
      seconds: p.lagSeconds,
      failing: p.state === 'failed' ? 2 : p.state === 'retrying' ? 1 : 0,
      skips: p.skips.length,
    }));
  }
}

/**
 * Counts and times appends, around the log (the core store knows nothing of metrics). Reads pass through.
 */
export class MeasuredEventStore implements EventStore {
  constructor(
    private readonly log: EventStore,
    private readonly metrics: RegistryMetrics,
  ) {}

  async append(streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    const end = this.metrics.appendDuration.startTimer();
    let outcome = 'error';
    try {
      const result = await this.log.append(streamId, events, expectedVersion);
      outcome = result.replayed ? 'replayed' : 'ok';
      if (!result.replayed) this.metrics.appendedEvents.inc(events.length);
      return result;
    } catch (error) {
      if (error instanceof WrongExpectedVersion || error instanceof IdempotencyConflict) outcome = 'conflict';
      throw error;
    } finally {
      end({ outcome });
      this.metrics.appends.inc({ outcome });
    }
  }

  readStream(streamId: string): Promise<RecordedEvent[]> {
    return this.log.readStream(streamId);
  }

  readAll(after: LogPosition, limit: number): Promise<RecordedEvent[]> {
    return this.log.readAll(after, limit);
  }
}
