import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

/** Projection failures, readiness and the metrics' access (README, "Metrics and health"). */
describe('projection failure, readiness and metrics configuration', () => {
  it('defaults to 10 attempts, 200 ms doubling to 30 s, readiness after 60 s of failing, metrics from loopback', () => {
    expect(loadConfig({}, [])).toMatchObject({
      projectionMaxAttempts: 10,
      projectionRetryInitialMs: 200,
      projectionRetryMaxMs: 30_000,
      readinessProjectionFailureSeconds: 60,
      metricsToken: null,
    });
    expect(
      loadConfig(
        {
          PROJECTION_MAX_ATTEMPTS: '3',
          PROJECTION_RETRY_INITIAL_MS: '50',
          PROJECTION_RETRY_MAX_MS: '1000',
          READINESS_PROJECTION_FAILURE_SECONDS: '5',
          METRICS_TOKEN: 'a-long-enough-scraper-token',
        },
        [],
      ),
    ).toMatchObject({
      projectionMaxAttempts: 3,
      projectionRetryInitialMs: 50,
      projectionRetryMaxMs: 1000,
      readinessProjectionFailureSeconds: 5,
      metricsToken: 'a-long-enough-scraper-token',
    });
  });

  it('refuses a short METRICS_TOKEN and out-of-range numbers', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' }, [])).toThrow(/METRICS_TOKEN must be at least 16/);
    expect(() => loadConfig({ PROJECTION_MAX_ATTEMPTS: '0' }, [])).toThrow(ConfigError);
    expect(() => loadConfig({ READINESS_PROJECTION_FAILURE_SECONDS: '-1' }, [])).toThrow(ConfigError);
  });
});

describe('the projector process configuration', () => {
  it('defaults to port 3001 and batches of 2,000 events, background work on', () => {
    expect(loadConfig({}, [])).toMatchObject({ projectorPort: 3001, projectionBatchSize: 2000, runProjections: true });
    expect(loadConfig({ PROJECTOR_PORT: '9101', PROJECTION_BATCH_SIZE: '50', RUN_PROJECTIONS: 'false' }, [])).toMatchObject({
      projectorPort: 9101,
      projectionBatchSize: 50,
      runProjections: false,
    });
  });

  it('refuses a port or a batch size out of range, naming the variable', () => {
    expect(() => loadConfig({ PROJECTOR_PORT: '70000' }, [])).toThrow(/PROJECTOR_PORT/);
    expect(() => loadConfig({ PROJECTION_BATCH_SIZE: '0' }, [])).toThrow(/PROJECTION_BATCH_SIZE/);
  });
});
