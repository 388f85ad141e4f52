import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { countEvents } from '../support/database.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseRegistration, prosecutorReferral, suspect, trialOpening, victim, type CaseRegistrationBody } from '../support/fixtures.js';

const validCase = (overrides: Partial<CaseRegistrationBody> = {}) =>
  caseRegistration({
    policeUnit: 'Comisaría de Tambopata',
    ubigeo: '170101',
    victims: [victim({ sex: 'male', age: 19, nationality: 'BO' }), { sex: 'female', nationality: 'unknown' }],
    suspects: [suspect({ sex: 'unknown' })],
    ...overrides,
  });

describe('invalid input on cases, referrals, prosecutions and trials', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it.each([
    [
      'a victim with an unknown sex',
      {
        victims: [
          { sex: 'female', nationality: 'PE' },
          { sex: 'f', nationality: 'PE' },
        ],
      },
      'victims[1].sex',
    ],
    ['a nationality outside ISO 3166', { victims: [{ sex: 'female', nationality: 'XX' }] }, 'victims[0].nationality'],
    ['an age over 120', { suspects: [{ sex: 'male', age: 130, nationality: 'PE' }] }, 'suspects[0].age'],
    ['an unknown purpose', { purposes: ['smuggling'] }, 'purposes'],
    ['a place outside the INEI catalog', { ubigeo: '999999' }, 'ubigeo'],
    ['a hotline referral without its referral', { source: 'hotline_referral' }, 'referralId'],
    ['a referral that does not exist', { source: 'hotline_referral', referralId: randomUUID() }, 'referralId'],
    ['facts after the registration', { occurredAt: '2025-03-06T10:00:00-05:00' }, 'occurredAt'],
  ])('refuses a case with %s (400 naming the field), appending nothing', async (_, overrides, field) => {
    const before = await countEvents(t.db.pool);
    const response = await t.api('police').post('/api/v1/cases').send(validCase(overrides)).expect(400);
    expect(response.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await countEvents(t.db.pool)).toBe(before);
  });

  it('answers 404 for unknown records and stages, and 422 for a closed case', async () => {
    await t.api('police').post(`/api/v1/referrals/${randomUUID()}/accept`).send({ acceptedAt: '2025-03-05T10:00:00-05:00' }).expect(404);
    await t.api('police').get(`/api/v1/cases/${randomUUID()}/timeline`).expect(404);
    await t.api('police').get('/api/v1/prosecutions/not-an-id').expect(404);
    const { caseId } = (await t.api('police').post('/api/v1/cases').send(validCase()).expect(201)).body;
    const { prosecutionId } = (
      await t.api('police').post(`/api/v1/cases/${caseId}/prosecutor-referral`).send(prosecutorReferral()).expect(200)
    ).body;
    await t
      .api('prosecutor')
      .post(`/api/v1/prosecutions/${prosecutionId}/verdict`)
      .send({ occurredAt: '2025-03-07T10:00:00-05:00' })
      .expect(404);
    const noTrial = await t
      .api('judiciary')
      .post('/api/v1/trials')
      .send(trialOpening(randomUUID(), { openedAt: '2025-03-07T10:00:00-05:00', court: 'J' }))
      .expect(400);
    expect(noTrial.body.fields).toEqual([expect.objectContaining({ field: 'prosecutionId' })]);
    await t
      .api('police')
      .post(`/api/v1/cases/${caseId}/closure`)
      .send({ closedAt: '2025-03-08T10:00:00-05:00', reason: 'Archivado' })
      .expect(200);
    const closed = await t
      .api('police')
      .post(`/api/v1/cases/${caseId}/victims`)
      .send({ victims: [{ sex: 'female', nationality: 'PE' }] })
      .expect(422);
    expect(closed.body.code).toBe('case_closed');
  });

  it('recognises a retried case registration and refuses the same id with other content', async () => {
    const body = validCase({ caseId: randomUUID(), victims: [{ victimId: randomUUID(), sex: 'female', nationality: 'PE' }], suspects: [] });
    const first = await t.api('police').post('/api/v1/cases').send(body).expect(201);
    const before = await countEvents(t.db.pool);
    const retry = await t.api('police').post('/api/v1/cases').send(body).expect(201);
    expect(retry.body).toEqual(first.body);
    await t
      .api('police')
      .post('/api/v1/cases')
      .send({ ...body, policeUnit: 'Otra unidad' })
      .expect(409);
    expect(await countEvents(t.db.pool)).toBe(before);
  });

  it('recognises retries of requests whose people and prosecution ids the server assigned', async () => {
    const caseId = randomUUID();
    const body = validCase({ caseId }); // victims and suspects without ids
    const first = await t.api('police').post('/api/v1/cases').send(body).expect(201);
    expect(first.body.victimIds).toHaveLength(2);
    expect((await t.api('police').post('/api/v1/cases').send(body).expect(201)).body).toEqual(first.body);
    const refer = () =>
      t
        .api('police')
        .post(`/api/v1/cases/${caseId}/prosecutor-referral`)
        .set('Idempotency-Key', 'send-1')
        .send(prosecutorReferral())
        .expect(200);
    const sent = (await refer()).body;
    const before = await countEvents(t.db.pool);
    expect((await refer()).body).toEqual(sent);
    expect(await countEvents(t.db.pool)).toBe(before);
    await t.api('police').get(`/api/v1/prosecutions/${sent.prosecutionId}`).expect(200);
  });
});
