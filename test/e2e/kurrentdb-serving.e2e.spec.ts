import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { verifyHashChains } from '#event-store';
import { createTestApp, type TestApp } from '../support/app.js';
import { hotlineCall } from '../support/fixtures.js';

/**
 * The registry served from KurrentDB (EVENT_STORE=kurrentdb), end to end: commands append to KurrentDB, records are
 * read back from it (sealed fields opened), the log copier keeps PostgreSQL's copy, whose chains verify, and the
 * statistics count what was sent. Runs only against a real server — use a fresh one: the copier copies every
 * registry stream it finds there.
 *   KURRENTDB_URL='kurrentdb://localhost:2113?tls=false' node --experimental-vm-modules node_modules/jest/bin/jest.js test/e2e/kurrentdb-serving
 */
const url = process.env.KURRENTDB_URL;

if (!url) {
  describe('the registry served from KurrentDB', () => {
    it('is skipped without KURRENTDB_URL', () => {
      console.log('skipped: no KurrentDB configured');
    });
  });
} else {
  describe('the registry served from KurrentDB', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: url });
    });
    afterAll(async () => t?.close());

    it('appends to KurrentDB, reads back, copies the log into PostgreSQL and counts it in the statistics', async () => {
      const callId = randomUUID();
      const summary = `resumen ${randomUUID()}`;
      const created = await t
        .api('operator')
        .post('/api/v1/hotline-calls')
        .send(hotlineCall({ callId, summary, receivedAt: '2024-02-10T15:00:00Z' }))
        .expect(201);
      // The same command again is recognised (KurrentDB's event ids are ours): no second event.
      await t
        .api('operator')
        .post('/api/v1/hotline-calls')
        .send(hotlineCall({ callId, summary, receivedAt: '2024-02-10T15:00:00Z' }));
      const read = await t.api('operator').get(`/api/v1/hotline-calls/${callId}`).set('X-Purpose', 'prueba').expect(200);
      expect(read.body).toMatchObject({ callId, summary });

      for (let i = 0; i < 3; i++) await t.project();
      const copy = await t.db.pool.query<{ data: string }>('SELECT data::text FROM events WHERE stream_id = $1', [
        `hotline-call-${callId}`,
      ]);
      expect(copy.rowCount).toBe(1);
      expect(copy.rows[0].data).not.toContain(summary); // sealed in KurrentDB, and so in the copy
      expect(await verifyHashChains(t.db.pool)).toMatchObject({ ok: true });
      const statistics = await t
        .api('operator')
        .get(`/api/v1/statistics/hotline?from=2024-02&to=2024-02&by=month&minPosition=${created.body.position}`)
        .expect(200);
      expect(statistics.body.groups[0].received).toBeGreaterThanOrEqual(1);
    });
  });
}
