import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { runAs } from '../../apps/api/src/auth/request-context.js';
import { CommandService } from '../../apps/api/src/shared/command-service.js';
import type { Actor } from '#platform';
import { countEvents } from '../support/database.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseRegistration, victim } from '../support/fixtures.js';

const sequenceOf = (registryNumber: string) => Number(registryNumber.split('-')[2]);

describe('registry numbers: one per case, per department and Lima year, unique and gap-free', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('numbers 32 concurrent registrations in one department 1..32, each once', async () => {
    const bodies = Array.from({ length: 32 }, () => caseRegistration({ caseId: randomUUID(), ubigeo: '080108' }));
    const answers = await Promise.all(bodies.map((body) => t.api('police').post('/api/v1/cases').send(body)));
    expect(answers.map((a) => a.status)).toEqual(bodies.map(() => 201));
    const numbers = answers.map((a) => a.body.registryNumber as string);
    for (const n of numbers) expect(n).toMatch(/^08-2025-\d{6}$/);
    expect(new Set(numbers).size).toBe(32);
    expect(numbers.map(sequenceOf).sort((a, b) => a - b)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));

    // The numbering stream's positions are the sequences; each case stream records its own number once.
    const { rows } = await t.db.pool.query<{ stream_position: number; number: string }>(
      `SELECT stream_position, data->>'registryNumber' AS number FROM events WHERE stream_id = 'registry-number-08-2025' ORDER BY stream_position`,
    );
    expect(rows.map((r) => sequenceOf(r.number))).toEqual(rows.map((r) => r.stream_position));
    const assigned = await t.db.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM events WHERE event_type = 'RegistryNumberAssigned' AND stream_id = ANY($1::text[])`,
      [bodies.map((b) => `case-${b.caseId}`)],
    );
    expect(Number(assigned.rows[0].n)).toBe(32);

    // The case view and the answer agree, and the answer's version is the case's (If-Match of the next command).
    const view = await t.api('police').get(`/api/v1/cases/${bodies[5].caseId}`).expect(200);
    expect(view.body.registryNumber).toBe(numbers[5]);
    expect(view.headers.etag).toBe(`"${answers[5].body.version}"`);
  });

  it('answers a retried registration with the same number and appends nothing', async () => {
    const body = caseRegistration({ caseId: randomUUID(), ubigeo: '150101' });
    const first = (await t.api('police').post('/api/v1/cases').send(body).expect(201)).body;
    const before = await countEvents(t.db.pool);
    const [again, keyed] = await Promise.all([
      t.api('police').post('/api/v1/cases').send(body).expect(201),
      t.api('police').post('/api/v1/cases').set('Idempotency-Key', 'retry-1').send(body).expect(201),
    ]);
    expect(again.body.registryNumber).toBe(first.registryNumber);
    expect(keyed.body.registryNumber).toBe(first.registryNumber);
    expect(again.body.version).toBe(first.version);
    expect(await countEvents(t.db.pool)).toBe(before);
  });

  it('completes a numbering that a crash interrupted after the registration', async () => {
    const caseId = randomUUID();
    const body = caseRegistration({ caseId, ubigeo: '040101', victims: [victim({ victimId: randomUUID() })] });
    // The first append of POST /cases, as if the process died before the number was reserved.
    await runAs({ role: 'police', subject: 'test-police', departments: [] } as Actor, () =>
      t.app.get(CommandService).execute('policeCase', { type: 'RegisterCase', data: { ...body, referralId: null } } as never),
    );
    const before = (await t.api('police').get(`/api/v1/cases/${caseId}`).expect(200)).body;
    expect(before.registryNumber).toBeNull();
    const retried = (await t.api('police').post('/api/v1/cases').send(body).expect(201)).body;
    expect(retried.registryNumber).toBe('04-2025-000001');
    expect((await t.api('police').get(`/api/v1/cases/${caseId}`).expect(200)).body.registryNumber).toBe('04-2025-000001');
    const count = await countEvents(t.db.pool);
    await t.api('police').post('/api/v1/cases').send(body).expect(201);
    expect(await countEvents(t.db.pool)).toBe(count);
  });

  it('dates the number by the Lima year and keeps it through a correction of the place', async () => {
    // 2025-01-01 03:00 UTC is still 31 December 2024 in Lima.
    const body = caseRegistration({ caseId: randomUUID(), ubigeo: '100101', registeredAt: '2025-01-01T03:00:00Z' });
    const registered = (await t.api('police').post('/api/v1/cases').send(body).expect(201)).body;
    expect(registered.registryNumber).toBe('10-2024-000001');
    await t
      .api('police')
      .post(`/api/v1/cases/${body.caseId}/corrections`)
      .send({ changes: { ubigeo: '150101' }, reason: 'Lugar de los hechos mal digitado' })
      .expect(200);
    const view = (await t.api('police').get(`/api/v1/cases/${body.caseId}`).expect(200)).body;
    expect(view.ubigeo).toBe('150101');
    expect(view.registryNumber).toBe('10-2024-000001');
  });

  it('finds a case by its number, with or without the leading zeros', async () => {
    const body = caseRegistration({ caseId: randomUUID(), ubigeo: '200101' });
    const { registryNumber } = (await t.api('police').post('/api/v1/cases').send(body).expect(201)).body;
    await t.project();
    for (const q of [registryNumber, '20-2025-1', ' 20-2025-000001 ']) {
      const found = (await t.api('prosecutor').get('/api/v1/cases').query({ q }).expect(200)).body;
      expect(found.items.map((r: { caseId: string }) => r.caseId)).toEqual([body.caseId]);
      expect(found.items[0].registryNumber).toBe('20-2025-000001');
    }
    expect((await t.api('prosecutor').get('/api/v1/cases').query({ q: '20-2025-2' }).expect(200)).body.items).toEqual([]);
  });
});
