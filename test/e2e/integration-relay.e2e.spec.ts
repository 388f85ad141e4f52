import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { hotlineCall } from '../support/fixtures.js';
import { waitUntilLogVisible } from '../support/database.js';

/**
 * The relay runs only with KAFKA_BROKERS, and only in the process that runs the background work (RUN_PROJECTIONS: a
 * projector, or `npm start`'s single process), never in an api-only replica; with a broker that is down, nothing is lost.
 */
describe('the integration relay in the API', () => {
  let off: TestApp;
  let apiOnly: TestApp;
  let down: TestApp;

  beforeAll(async () => {
    off = await createTestApp({ RUN_PROJECTIONS: 'true' });
    // Port 9 on loopback: nothing listens, every connection is refused.
    apiOnly = await createTestApp({ RUN_PROJECTIONS: 'false', KAFKA_BROKERS: '127.0.0.1:9', KAFKA_CLIENT_ID: 'registro-e2e' });
    down = await createTestApp({ RUN_PROJECTIONS: 'true', KAFKA_BROKERS: '127.0.0.1:9', KAFKA_CLIENT_ID: 'registro-e2e' });
  });
  afterAll(async () => {
    await off.close();
    await apiOnly.close();
    await down.close();
  });

  it('does not run in an api-only replica (RUN_PROJECTIONS=false), even with KAFKA_BROKERS', async () => {
    await apiOnly
      .api('operator')
      .post('/api/v1/hotline-calls')
      .send(hotlineCall({ callId: randomUUID() }))
      .expect(201);
    const metrics = (await request(apiOnly.app.getHttpServer()).get('/metrics').expect(200)).text;
    expect(metrics).not.toContain('registro_integration_relay_lag_events');
    await new Promise((r) => setTimeout(r, 300));
    expect((await apiOnly.db.pool.query('SELECT 1 FROM integration_relay_checkpoints')).rowCount).toBe(0);
  });

  it('is off without KAFKA_BROKERS: no relay checkpoint, no lag gauge', async () => {
    await off
      .api('operator')
      .post('/api/v1/hotline-calls')
      .send(hotlineCall({ callId: randomUUID() }))
      .expect(201);
    const metrics = (await request(off.app.getHttpServer()).get('/metrics').expect(200)).text;
    expect(metrics).not.toContain('registro_integration_relay_lag_events');
    await new Promise((r) => setTimeout(r, 300));
    expect((await off.db.pool.query('SELECT 1 FROM integration_relay_checkpoints')).rowCount).toBe(0);
  });

  it('with an unreachable broker: the API serves, the lag shows the unpublished events, the checkpoint stays', async () => {
    await down
      .api('operator')
      .post('/api/v1/hotline-calls')
      .send(hotlineCall({ callId: randomUUID() }))
      .expect(201);
    await waitUntilLogVisible(down.db.pool);
    const deadline = Date.now() + 10_000;
    while ((await down.db.pool.query('SELECT 1 FROM integration_relay_checkpoints')).rowCount === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const metrics = (await request(down.app.getHttpServer()).get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/^registro_integration_relay_lag_events 1$/m);
    const { rows } = await down.db.pool.query('SELECT global_position, events_published FROM integration_relay_checkpoints');
    expect(rows).toEqual([{ global_position: '0', events_published: '0' }]);
    expect((await down.db.pool.query('SELECT 1 FROM integration_dead_letters')).rowCount).toBe(0);
  });
});
