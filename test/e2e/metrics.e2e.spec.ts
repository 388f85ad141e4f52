import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import parsePrometheusTextFormat, { type PrometheusFamily } from 'parse-prometheus-text-format';
import request from 'supertest';
import { PROJECTIONS } from '#read-models';
import { createTestApp, type TestApp } from '../support/app.js';
import { hotlineCall } from '../support/fixtures.js';

const METRICS_TOKEN = 'scraper-token-0123456789abcdef';

/** One scrape, parsed: fails the test unless it is valid Prometheus text. */
async function scrape(t: TestApp, token?: string): Promise<PrometheusFamily[]> {
  const call = request(t.app.getHttpServer()).get('/metrics');
  const response = await (token ? call.set('Authorization', `Bearer ${token}`) : call).expect(200);
  expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusTextFormat(response.text);
}

/** A counter's value for the sample whose labels include `labels` (0 when absent). */
function value(families: PrometheusFamily[], name: string, labels: Record<string, string> = {}): number {
  const family = families.find((f) => f.name === name);
  const sample = family?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  return Number(sample?.value ?? sample?.count ?? 0);
}

describe('GET /metrics', () => {
  let t: TestApp;
  let guarded: TestApp;

  beforeAll(async () => {
    // Two apps at once: each has its own registry.
    t = await createTestApp();
    guarded = await createTestApp({ METRICS_TOKEN });
  });
  afterAll(async () => {
    await t.close();
    await guarded.close();
  });

  it('parses as Prometheus text, and its append and HTTP counters move when a command is sent (by route template, no ids)', async () => {
    const before = await scrape(t);
    const body = hotlineCall({ callId: randomUUID() });
    await t.api('operator').post('/api/v1/hotline-calls').send(body).expect(201);
    await t.api('operator').get(`/api/v1/hotline-calls/${body.callId}`).expect(200);
    await t.project();
    const text = (await request(t.app.getHttpServer()).get('/metrics').expect(200)).text;
    const after = parsePrometheusTextFormat(text);

    expect(value(after, 'registro_event_appends_total', { outcome: 'ok' })).toBe(
      value(before, 'registro_event_appends_total', { outcome: 'ok' }) + 1,
    );
    expect(value(after, 'registro_events_appended_total')).toBe(value(before, 'registro_events_appended_total') + 1);
    // (The parser keeps no labels on histogram samples: their counts are read from the text.)
    expect(text).toMatch(/^registro_event_append_duration_seconds_count\{outcome="ok"\} 1$/m);
    const posted = { method: 'POST', route: '/api/v1/hotline-calls', status: '201' };
    expect(value(after, 'registro_http_requests_total', posted)).toBe(value(before, 'registro_http_requests_total', posted) + 1);
    expect(text).toMatch(
      /^registro_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/hotline-calls",status="201"\} 1$/m,
    );
    expect(value(after, 'registro_http_requests_total', { method: 'GET', route: '/api/v1/hotline-calls/:callId', status: '200' })).toBe(1);
    // Route templates only: the call's id (nor anything it said) appears nowhere.
    expect(text).not.toContain(body.callId);

    // Projections caught up: no lag; each projection has its gauges; the pool's connections are shown.
    for (const projection of PROJECTIONS) {
      expect(value(after, 'registro_projection_lag_events', { projection: projection.name })).toBe(0);
      expect(after.find((f) => f.name === 'registro_projection_lag_seconds')?.metrics.map((m) => m.labels?.projection)).toContain(
        projection.name,
      );
      expect(value(after, 'registro_projection_failing', { projection: projection.name })).toBe(0);
    }
    expect(value(after, 'registro_db_pool_connections', { state: 'total' })).toBeGreaterThan(0);
    expect(value(after, 'registro_db_pool_connections', { state: 'max' })).toBe(20);
    expect(after.map((f) => f.name)).toEqual(
      expect.arrayContaining(['registro_projection_errors_total', 'registro_process_cpu_seconds_total']),
    );
  });

  it('shows the lag of projections behind the log, in events and seconds', async () => {
    await t
      .api('operator')
      .post('/api/v1/hotline-calls')
      .send(hotlineCall({ callId: randomUUID() }))
      .expect(201);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const behind = await scrape(t);
    expect(value(behind, 'registro_projection_lag_events', { projection: 'hotline-call-list' })).toBe(1);
    expect(value(behind, 'registro_projection_lag_seconds', { projection: 'hotline-call-list' })).toBeGreaterThanOrEqual(1);
    await t.project();
    expect(value(await scrape(t), 'registro_projection_lag_events', { projection: 'hotline-call-list' })).toBe(0);
  });

  it('answers only the scraper: loopback without METRICS_TOKEN (not through a proxy), the bearer token with it', async () => {
    await request(t.app.getHttpServer()).get('/metrics').set('X-Forwarded-For', '203.0.113.9').expect(403);
    await request(guarded.app.getHttpServer()).get('/metrics').expect(403);
    await request(guarded.app.getHttpServer()).get('/metrics').set('Authorization', 'Bearer wrong-token-0123456789abcdef').expect(403);
    // A user's token is not the scraper's.
    await guarded.api('admin').get('/metrics').expect(403);
    const families = await scrape(guarded, METRICS_TOKEN);
    // Its own registry: the other app's requests are not counted here.
    expect(value(families, 'registro_http_requests_total', { method: 'POST', route: '/api/v1/hotline-calls', status: '201' })).toBe(0);
  });
});
