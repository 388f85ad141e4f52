import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { hotlineCall } from '../support/fixtures.js';

describe('hardening', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(async () => t.close());

  it('limits requests per token, and one token running out does not stop another', async () => {
    // Analysts read at release points only: declare one (with another token).
    await t.api('admin').post('/api/v1/statistics/release-points').expect(201);
    // The windows are fixed minutes (shared by replicas): do not straddle one's end.
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 3_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
    const busy = t.api('analyst');
    for (let i = 0; i < 5; i++) await busy.get('/api/v1/statistics/hotline?from=2025-01&to=2025-02').expect(200);
    const limited = await busy.get('/api/v1/statistics/hotline?from=2025-01&to=2025-02').expect(429);
    expect(limited.body).toMatchObject({ code: 'rate_limited', fields: [] });
    expect(limited.body.error).toMatch(/Demasiadas solicitudes/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await t.api('operator').get('/api/v1/statistics/hotline?from=2025-01&to=2025-02').expect(200);
    await request(t.app.getHttpServer()).get('/health').expect(200);
  });

  it('sends security headers and no framework banner', async () => {
    const res = await request(t.app.getHttpServer()).get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('lets no browser or proxy keep an API answer (personal data, per token), errors included', async () => {
    const call = await t
      .api('operator')
      .post('/api/v1/hotline-calls')
      .send(hotlineCall({ callerUbigeo: undefined, summary: 'Relato' }))
      .expect(201);
    expect(call.headers['cache-control']).toBe('no-store');
    const read = await t.api('operator').get(`/api/v1/hotline-calls/${call.body.callId}`).set('X-Purpose', 'seguimiento').expect(200);
    expect(read.body.summary).toBe('Relato');
    expect(read.headers['cache-control']).toBe('no-store');
    expect((await request(t.app.getHttpServer()).get('/api/v1/me')).headers['cache-control']).toBe('no-store');
  });

  it('answers errors without stack traces or request data', async () => {
    const res = await t
      .api('operator')
      .post('/api/v1/hotline-calls')
      .set('Content-Type', 'application/json')
      .send('{"summary": "Juana Pérez, DNI 07654321", ')
      .expect(400);
    expect(JSON.stringify(res.body)).not.toMatch(/Juana|07654321|at .*\.js|stack/);
  });
});
