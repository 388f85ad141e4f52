import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app.js';
import { RateLimiter } from '../../apps/api/src/http/rate-limiter.js';
import { loadConfig } from '#platform';
import { testAnchorExport } from '../support/anchors.js';
import { createTestApp, type TestApp } from '../support/app.js';

// Any read an analyst may make (one that needs no release point): the tests are about tokens and limits.
const STATS = '/api/v1/publications';

/** Rate limiting that holds (issue 10, item 8): by verified subject, by address before that, bounded, shared. */
describe('rate limits by verified subject and by address', () => {
  let t: TestApp;
  let second: INestApplication;
  const env = {
    RATE_LIMIT_PER_MINUTE: '5',
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '20',
    RATE_LIMIT_HEAVY_PER_MINUTE: '2',
    MASTER_KEY: randomBytes(32).toString('base64'),
  };
  const http = (app: INestApplication = t.app) => request(app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp(env);
    // A second replica on the same database, as a second container of the API would be.
    second = await createApp(
      loadConfig({ SEED_DEMO: 'false', RUN_PROJECTIONS: 'false', AUTH_JWT_SECRET: t.secret, ...testAnchorExport().env, ...env }, []),
      t.db,
      false,
    );
    await second.init();
  });
  // The windows are fixed minutes: a test that counts must not straddle one's end.
  beforeEach(async () => {
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 15_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
  }, 20_000);
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it('counts one bucket per subject however the Authorization header is spelled (spaces, case)', async () => {
    const token = t.token('analyst', { subject: 'spelled-7' });
    for (const header of [`Bearer ${token}`, `Bearer   ${token}`, `bearer ${token}`, `BEARER ${token}`, ` Bearer ${token} `]) {
      await http().get(STATS).set('Authorization', header).expect(200);
    }
    const limited = await http().get(STATS).set('Authorization', `bEaReR  ${token}`).expect(429);
    expect(limited.body).toMatchObject({ code: 'rate_limited', fields: [] });
  });

  it('counts a subject’s tokens together: a new token for the same subject does not reset the limit', async () => {
    for (let i = 0; i < 5; i++)
      await http()
        .get(STATS)
        .set('Authorization', `Bearer ${t.token('analyst', { subject: 'Many-Tokens' })}`)
        .expect(200);
    await http()
      .get(STATS)
      .set('Authorization', `Bearer ${t.token('analyst', { subject: 'many-tokens' })}`)
      .expect(429);
    await http()
      .get(STATS)
      .set('Authorization', `Bearer ${t.token('analyst', { subject: 'someone-else' })}`)
      .expect(200);
  });

  it('shares the counts between replicas through PostgreSQL', async () => {
    const token = t.token('analyst', { subject: 'two-replicas' });
    for (let i = 0; i < 3; i++) await http(t.app).get(STATS).set('Authorization', `Bearer ${token}`).expect(200);
    await t.app.get(RateLimiter).flush();
    for (let i = 0; i < 2; i++) await http(second).get(STATS).set('Authorization', `Bearer ${token}`).expect(200);
    await second.get(RateLimiter).flush();
    // 3 on one replica and 2 on the other: the second has learned the first's 3 and refuses the sixth.
    await http(second).get(STATS).set('Authorization', `Bearer ${token}`).expect(429);
    const { rows } = await t.db.pool.query<{ key: string; count: number }>('SELECT key, count FROM rate_limit_windows');
    expect(rows.some((r) => r.count === 5)).toBe(true);
    // Keys are HMACs: neither the subject nor an address is stored in clear.
    expect(JSON.stringify(rows)).not.toMatch(/two-replicas|127\.0\.0\.1|::1/);
  });

  it('gives the heavy endpoints their own, smaller quota per subject', async () => {
    const analyst = () =>
      http()
        .post('/api/v1/publications')
        .set('Authorization', `Bearer ${t.token('analyst', { subject: 'publisher' })}`);
    await analyst().send({}).expect(400);
    await analyst().send({}).expect(400);
    const limited = await analyst().send({}).expect(429);
    expect(limited.body.error).toMatch(/operación costosa/);
    // The same subject's other requests still have their own quota left.
    await http()
      .get(STATS)
      .set('Authorization', `Bearer ${t.token('analyst', { subject: 'publisher' })}`)
      .expect(200);
    // The integrity walk has a quota of its own, apart from publishing's.
    const auditor = () =>
      http()
        .post('/api/v1/integrity/verifications')
        .set('Authorization', `Bearer ${t.token('auditor', { subject: 'walker' })}`);
    await auditor().expect(202);
    await auditor().expect(202);
    expect((await auditor().expect(429)).body.error).toMatch(/operación costosa/);
    await http()
      .get('/api/v1/integrity/verifications')
      .set('Authorization', `Bearer ${t.token('auditor', { subject: 'walker' })}`)
      .expect(200);
  });

  // Last: it uses up the test address's quota of requests without a valid token.
  it('limits requests without a valid token by client address, before verifying, in bounded memory', async () => {
    const limiter = t.app.get(RateLimiter);
    const before = limiter.size;
    let refused = 0;
    for (let i = 0; i < 25; i++) {
      const random = `${randomBytes(24).toString('base64url')}.${randomBytes(48).toString('base64url')}.${randomBytes(32).toString('base64url')}`;
      // A forged X-Forwarded-For makes no new bucket: without TRUST_PROXY the address is the socket's.
      const res = await http().get(STATS).set('Authorization', `Bearer ${random}`).set('X-Forwarded-For', `203.0.113.${i}`);
      if (res.status === 429) refused++;
      else expect(res.status).toBe(401);
    }
    expect(refused).toBe(5);
    // 25 random tokens made one key (the address), not 25.
    expect(limiter.size - before).toBe(1);
    const limited = await http().get('/api/v1/me').expect(429);
    expect(limited.body.error).toMatch(/sin una credencial válida desde esta dirección/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Health probes are never limited.
    await http().get('/health').expect(200);
  });
});

describe('the client address behind a trusted proxy (TRUST_PROXY)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '5', RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '2', TRUST_PROXY: 'loopback' });
  });
  afterAll(async () => t.close());

  it('counts requests without a valid token by the address the proxy forwards', async () => {
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 3_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
    const from = (address: string) => request(t.app.getHttpServer()).get('/api/v1/me').set('X-Forwarded-For', address);
    await from('198.51.100.7').expect(401);
    await from('198.51.100.7').expect(401);
    await from('198.51.100.7').expect(429);
    await from('198.51.100.8').expect(401);
  });
});
