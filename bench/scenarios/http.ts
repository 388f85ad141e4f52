import autocannon from 'autocannon';
import type { BenchServer } from '../lib/database.js';
import { startApp } from '../lib/app-process.js';
import { RssSampler, type Measurement } from '../lib/measure.js';
import type { BenchOptions } from '../run.js';

const BODY = JSON.stringify({
  receivedAt: '2025-06-14T09:30:00-05:00',
  channel: 'phone',
  language: 'es',
  callerUbigeo: '150101',
  anonymous: false,
  topic: 'information',
  summary: 'Consulta sobre una oferta de trabajo en el extranjero',
});

/** POST /api/v1/hotline-calls through the whole stack (validation, decider, sealing, append) in its own process. */
export async function httpScenarios(server: BenchServer, options: BenchOptions): Promise<Measurement[]> {
  const url = await server.createRegistryDatabase('bench_http');
  const app = await startApp(server.serving(url));
  const results: Measurement[] = [];
  try {
    for (const connections of [16, 64]) {
      const sampler = new RssSampler(() => app.rssBytes());
      const seconds = options.durationMs / 1000;
      const result = await autocannon({
        url: `${app.baseUrl}/api/v1/hotline-calls`,
        method: 'POST',
        connections,
        duration: seconds,
        headers: { 'content-type': 'application/json', authorization: app.authorization },
        body: BODY,
      });
      const failed = result.non2xx + result.errors + result.timeouts;
      results.push({
        scenario: 'http: POST /api/v1/hotline-calls',
        concurrency: connections,
        operations: result.requests.total,
        seconds,
        throughput: result.requests.total / seconds,
        p50Ms: result.latency.p50,
        p95Ms: null,
        p99Ms: result.latency.p99,
        peakRssMb: sampler.stop(),
        notes: `connections; p90 ${result.latency.p90} ms, p97.5 ${result.latency.p97_5} ms; ${failed} failed; RSS of the API process`,
      });
    }
  } finally {
    await app.stop();
  }
  return results;
}
