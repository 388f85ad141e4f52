import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseRegistration, victim } from '../support/fixtures.js';

/**
 * A victim's document corrected after registration links her to the records of that document: erasing the person
 * of either record erases both, and finds the case of the corrected one.
 */
let t: TestApp;
const first = randomUUID();
const corrected = randomUUID();
let correctedCaseId: string;

beforeAll(async () => {
  t = await createTestApp();
  const register = async (victimId: string, documentNumber: string) =>
    (
      await t
        .api('admin')
        .post('/api/v1/cases')
        .send(
          caseRegistration({
            registeredAt: '2025-06-10T10:00:00-05:00',
            ubigeo: '080101',
            victims: [victim({ victimId, documentType: 'DNI', documentNumber, fullName: 'Nombre de prueba' })],
          }),
        )
        .expect(201)
    ).body.caseId as string;
  await register(first, '41234567');
  correctedCaseId = await register(corrected, '49999999');
  // The second record's number was mistyped: it is the first person's document.
  await t
    .api('admin')
    .post(`/api/v1/cases/${correctedCaseId}/victims/${corrected}/corrections`)
    .send({ changes: { documentNumber: '41234567' }, reason: 'Número de DNI mal digitado' })
    .expect(200);
});
afterAll(async () => t.close());

it('links the corrected record to the person of that document, for erasure from either side', async () => {
  const reason = 'Solicitud de supresión de la titular, Ley 29733 art. 20';
  const fromFirst = (await t.api('admin').post(`/api/v1/subjects/${first}/erasure-requests`).send({ reason }).expect(201)).body;
  expect([...fromFirst.linkedSubjects].sort()).toEqual([first, corrected].sort());
  const fromCorrected = (await t.api('admin').post(`/api/v1/subjects/${corrected}/erasure-requests`).send({ reason }).expect(201)).body;
  expect([...fromCorrected.linkedSubjects].sort()).toEqual([first, corrected].sort());
});
