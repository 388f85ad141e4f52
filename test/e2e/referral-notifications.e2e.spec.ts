import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '../support/app.js';
import { callReferral, hotlineCall } from '../support/fixtures.js';

/** Issue 14, item 2: new and overdue referrals pushed to the receiving unit's console as server-sent events. */
interface Received {
  events: Array<{ kind: string; id: string; data: Record<string, unknown> }>;
  comments: string[];
  raw: string;
  ended: boolean;
}

const ago = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();
const UNIT = 'Comisaría de Prueba Reservada';

describe('referral notifications stream', () => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp({ REFERRAL_STREAM_HEARTBEAT_SECONDS: '1' });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => t.close());

  const refer = async (to: string, referredAt: string, deadlineMinutes: number, ubigeo = '150101') => {
    const call = await t
      .api('operator')
      .post('/api/v1/hotline-calls')
      .send(hotlineCall({ receivedAt: ago(3 * 3600) }))
      .expect(201);
    const res = await t
      .api('operator')
      .post(`/api/v1/hotline-calls/${call.body.callId}/referrals`)
      .send(callReferral({ to, referredAt, ubigeo, unitName: UNIT, deadlineMinutes }))
      .expect(201);
    await t.project();
    return res.body.referralId as string;
  };

  /** Opens the stream with the token in the Authorization header and parses what arrives until `stop` or its end. */
  function listen(token: string) {
    const received: Received = { events: [], comments: [], raw: '', ended: false };
    const abort = new AbortController();
    const done = (async () => {
      const response = await fetch(`${base}/api/v1/referrals/notifications`, {
        headers: { Authorization: `Bearer ${token}` },
        signal: abort.signal,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for (;;) {
          const { value, done: end } = await reader.read();
          if (end) break;
          const text = decoder.decode(value, { stream: true });
          received.raw += text;
          buffer += text;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const fields = block.split('\n');
            for (const line of fields.filter((l) => l.startsWith(':'))) received.comments.push(line.slice(1).trim());
            const field = (name: string) => fields.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
            const kind = field('event');
            if (kind) received.events.push({ kind, id: field('id') ?? '', data: JSON.parse(field('data') ?? '{}') });
          }
        }
        received.ended = true;
      } catch (error) {
        if ((error as Error).name !== 'AbortError') throw error;
      }
    })();
    return { received, stop: async () => (abort.abort(), done.catch(() => undefined)) };
  }
  const until = async (check: () => boolean, ms = 15_000) => {
    const end = Date.now() + ms;
    while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 100));
  };
  const told = (received: Received, referralId: string) =>
    received.events.filter((e) => e.data.referralId === referralId).map((e) => e.kind);

  it('pushes new and overdue to the receiving unit only, once each per referral, ids and codes only, with heartbeats', async () => {
    const overdueAtConnect = await refer('PNP', ago(90 * 60), 60);
    const pendingAtConnect = await refer('PNP', ago(10 * 60), 60);
    const otherDepartment = await refer('PNP', ago(10 * 60), 60, '080101');
    const toProtection = await refer('MIMP', ago(10 * 60), 60);
    const police = listen(t.token('police', { departments: ['15'] }));
    await until(() => police.received.events.length >= 2);
    // Sent 55 s ago with a one-minute deadline: new now, overdue within seconds, told both ways, once each.
    const soonOverdue = await refer('PNP', ago(55), 1);
    // Answered before its deadline: told as new, never as overdue.
    const answered = await refer('PNP', ago(50), 1);
    await until(() => told(police.received, answered).length > 0);
    await t.api('police').post(`/api/v1/referrals/${answered}/accept`).send({ acceptedAt: new Date().toISOString() }).expect(200);
    await t.project();
    await until(() => told(police.received, soonOverdue).includes('overdue'));
    await new Promise((resolve) => setTimeout(resolve, 4_500)); // two more passes: nothing is told twice
    await police.stop();
    const { received } = police;
    expect(told(received, overdueAtConnect)).toEqual(['overdue']);
    expect(told(received, pendingAtConnect)).toEqual(['new']);
    expect(told(received, soonOverdue)).toEqual(['new', 'overdue']);
    expect(told(received, answered)).toEqual(['new']);
    expect(told(received, otherDepartment)).toEqual([]);
    expect(told(received, toProtection)).toEqual([]);
    const ids = received.events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(`${soonOverdue}:overdue`);
    for (const e of received.events)
      expect(Object.keys(e.data).sort()).toEqual(['deadlineAt', 'department', 'destination', 'referralId', 'referredAt', 'sourceKind']);
    const overdue = received.events.find((e) => e.data.referralId === overdueAtConnect)!;
    expect(overdue.data).toMatchObject({ destination: 'PNP', department: '15', sourceKind: 'hotline_call' });
    expect(Date.parse(String(overdue.data.deadlineAt)) - Date.parse(String(overdue.data.referredAt))).toBe(60 * 60_000);
    expect(received.raw).not.toContain(UNIT);
    expect(received.comments).toContain('heartbeat');

    // Protection sees its own destinations' referrals, not the police's.
    const protection = listen(t.token('protection'));
    await until(() => told(protection.received, toProtection).length > 0);
    await protection.stop();
    expect(told(protection.received, toProtection)).toEqual(['new']);
    expect(told(protection.received, pendingAtConnect)).toEqual([]);
  }, 60_000);

  it('ends the stream when the token expires, telling the console to reconnect', async () => {
    const stream = listen(t.token('police', { expiresIn: 2 }));
    await until(() => stream.received.ended, 8_000);
    await stream.stop();
    expect(stream.received.ended).toBe(true);
    expect(stream.received.events.at(-1)?.kind).toBe('expired');
  }, 20_000);

  it('refuses a request without a token or from a role that receives no referrals', async () => {
    expect((await fetch(`${base}/api/v1/referrals/notifications`)).status).toBe(401);
    const analyst = await fetch(`${base}/api/v1/referrals/notifications`, { headers: { Authorization: `Bearer ${t.token('analyst')}` } });
    expect(analyst.status).toBe(403);
    await analyst.body?.cancel();
  });
});
