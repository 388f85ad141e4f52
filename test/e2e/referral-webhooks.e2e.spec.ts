import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ReferralNotificationsTask } from '#platform';
import { createTestApp, type TestApp } from '../support/app.js';
import { callReferral, hotlineCall, hoursAgo } from '../support/fixtures.js';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const SECRETS = {
  pnp: 'Pq8vN3xLr2Tw7YpKc5Hs9MdBf4Gj6Ua1',
  fail: 'Fz4kR8mWq2Lx7Cv9Bn3Hj6Ts1Yd5Ge0P',
  flaky: 'Kw7pT2nXe9Rb4Lm6Qz1Vc8Hs3Jd5Fa0U',
};
const PERSONAL = 'Ana Quispe Mamani, DNI 41234567, celular 987654321';

/** Issue 14, item 2: new and overdue referrals pushed to the receiving units' webhooks, signed, once, without personal data. */
describe('referral webhooks', () => {
  let t: TestApp;
  let server: Server;
  const received: Received[] = [];
  const flakySeen = new Set<string>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ path: req.url ?? '', headers: req.headers, body });
        const delivery = String(req.headers['x-registro-delivery']);
        // /fail always fails; /flaky fails the first attempt at each notification, then takes it.
        const ok = req.url === '/pnp' || (req.url === '/flaky' && flakySeen.has(delivery));
        flakySeen.add(delivery);
        res.writeHead(ok ? 204 : 500).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    t = await createTestApp({
      REFERRAL_WEBHOOKS: `PNP=${base}/pnp|${SECRETS.pnp},PNP=${base}/fail|${SECRETS.fail},MIMP=${base}/flaky|${SECRETS.flaky}`,
      REFERRAL_WEBHOOK_SECONDS: '0',
      REFERRAL_WEBHOOK_MAX_ATTEMPTS: '3',
      REFERRAL_WEBHOOK_RETRY_INITIAL_MS: '1000',
    });
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => server.close(resolve));
  });

  const refer = async (to: string, referredAt: string) => {
    const call = hotlineCall({ receivedAt: hoursAgo(40), anonymous: false, summary: PERSONAL });
    const callId = (await t.api('operator').post('/api/v1/hotline-calls').send(call).expect(201)).body.callId;
    return (
      await t
        .api('operator')
        .post(`/api/v1/hotline-calls/${callId}/referrals`)
        .send(callReferral({ to, referredAt, ubigeo: '150101', unitName: 'Comisaría de Cotabambas' }))
        .expect(201)
    ).body.referralId as string;
  };
  const at = (path: string) => received.filter((r) => r.path === path);
  const events = (path: string) =>
    at(path)
      .map((r) => JSON.parse(r.body) as { referralId: string; event: string })
      .map((n) => `${n.referralId} ${n.event}`)
      .sort();

  it('sends each notification once, signed, with ids, codes and times only; retries, then dead-letters, without blocking the others', async () => {
    const fresh = await refer('PNP', hoursAgo(1));
    const overdue = await refer('PNP', hoursAgo(25));
    const shelter = await refer('MIMP', hoursAgo(2));
    await t.project();
    const task = t.app.get(ReferralNotificationsTask);
    const start = Date.now();
    // Five passes, each a minute apart: every retry is due again (backoff 1 s, 2 s), the delivered never are.
    for (let pass = 0; pass < 5; pass++) await task.tick(new Date(start + pass * 60_000));

    // The working webhook got the two new referrals and the overdue one on the first pass, the failing one alongside.
    expect(events('/pnp')).toEqual([`${fresh} referral.new`, `${overdue} referral.new`, `${overdue} referral.overdue`].sort());
    const deliveries = at('/pnp').map((r) => r.headers['x-registro-delivery']);
    expect(new Set(deliveries).size).toBe(3);
    for (const r of at('/pnp')) {
      expect(r.headers['x-registro-signature']).toBe(`sha256=${createHmac('sha256', SECRETS.pnp).update(r.body).digest('hex')}`);
      const body = JSON.parse(r.body) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(
        ['deadlineAt', 'department', 'deliveryId', 'destination', 'event', 'referralId', 'referredAt', 'sourceKind'].sort(),
      );
      expect(body.deliveryId).toBe(r.headers['x-registro-delivery']);
      expect(body).toMatchObject({ destination: 'PNP', department: '15', sourceKind: 'hotline_call' });
    }
    // Nothing personal, nor the unit's free text, in any body sent to any webhook.
    for (const r of received) {
      for (const word of ['Quispe', '41234567', '987654321', 'Cotabambas']) expect(r.body).not.toContain(word);
    }
    const overdueBody = at('/pnp')
      .map((r) => JSON.parse(r.body))
      .find((n) => n.event === 'referral.overdue');
    expect(overdueBody.deadlineAt).toBe(new Date(Date.parse(overdueBody.referredAt) + 24 * 3_600_000).toISOString());

    // The failing webhook: 3 attempts at each of its 3 notifications, same delivery id each time, then dead-lettered.
    expect(at('/fail')).toHaveLength(9);
    const perDelivery = new Map<string, number>();
    for (const r of at('/fail'))
      perDelivery.set(String(r.headers['x-registro-delivery']), (perDelivery.get(String(r.headers['x-registro-delivery'])) ?? 0) + 1);
    expect([...perDelivery.values()]).toEqual([3, 3, 3]);
    const { rows } = await t.db.pool.query<{
      webhook_url: string;
      attempts: number;
      delivered: boolean;
      dead: boolean;
      last_error: string | null;
    }>(
      `SELECT webhook_url, attempts, delivered_at IS NOT NULL AS delivered, dead_lettered_at IS NOT NULL AS dead, last_error
         FROM referral_webhook_deliveries ORDER BY webhook_url, delivery_id`,
    );
    const summary = rows.map((r) => [new URL(r.webhook_url).pathname, r.attempts, r.delivered, r.dead, r.last_error]);
    expect(summary.filter((r) => r[0] === '/fail')).toEqual(Array(3).fill(['/fail', 3, false, true, 'HTTP 500']));
    expect(summary.filter((r) => r[0] === '/pnp')).toEqual(Array(3).fill(['/pnp', 1, true, false, null]));

    // The flaky webhook: the first attempt failed, the retry (same delivery id) delivered it; the receiver saw it twice, one id.
    expect(events('/flaky')).toEqual([`${shelter} referral.new`, `${shelter} referral.new`]);
    expect(new Set(at('/flaky').map((r) => r.headers['x-registro-delivery'])).size).toBe(1);
    expect(summary.filter((r) => r[0] === '/flaky')).toEqual([['/flaky', 2, true, false, null]]);

    // Another pass queues and sends nothing more.
    const before = received.length;
    await task.tick(new Date(start + 10 * 60_000));
    expect(received).toHaveLength(before);
  });

  it('tells of a referral past its deadline only while nobody has answered it', async () => {
    const answered = await refer('PNP', hoursAgo(23));
    const unanswered = await refer('PNP', hoursAgo(23));
    await t.project();
    const task = t.app.get(ReferralNotificationsTask);
    const start = Date.now() + 20 * 60_000; // after the first test's passes
    await task.tick(new Date(start));
    expect(events('/pnp').filter((e) => e.startsWith(answered) || e.startsWith(unanswered))).toEqual(
      [`${answered} referral.new`, `${unanswered} referral.new`].sort(),
    );
    await t
      .api('police')
      .post(`/api/v1/referrals/${answered}/accept`)
      .send({ acceptedAt: hoursAgo(0) })
      .expect(200);
    await t.project();
    await task.tick(new Date(start + 2 * 3_600_000)); // both past their 24 h now
    expect(events('/pnp').filter((e) => e.startsWith(answered) || e.startsWith(unanswered))).toEqual(
      [`${answered} referral.new`, `${unanswered} referral.new`, `${unanswered} referral.overdue`].sort(),
    );
  });
});
