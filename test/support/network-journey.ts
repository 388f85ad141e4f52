import type request from 'supertest';

type Check = (endpoint: string, status: number, send: () => request.Test) => Promise<Record<string, unknown>>;

/** The criminal-network routes in the response-schemas journey: a network on the journey's case and suspect. */
export async function networkJourney(check: Check, police: () => request.Agent, caseId: string, suspectId: string): Promise<void> {
  const network = await check('POST /api/v1/networks', 201, () =>
    police().post('/api/v1/networks').send({ identifiedAt: '2025-03-01T10:00:00-05:00', ubigeo: '1501', alias: 'Los del Cono' }),
  );
  const id = String(network.networkId);
  await check('POST /api/v1/networks/{networkId}/cases', 200, () =>
    police().post(`/api/v1/networks/${id}/cases`).send({ caseId, linkedAt: '2025-03-06T11:00:00-05:00' }),
  );
  await check('POST /api/v1/networks/{networkId}/suspects', 200, () =>
    police().post(`/api/v1/networks/${id}/suspects`).send({ caseId, suspectId, role: 'leader', linkedAt: '2025-03-06T12:00:00-05:00' }),
  );
  await check('POST /api/v1/networks/{networkId}/dismantling', 200, () =>
    police().post(`/api/v1/networks/${id}/dismantling`).send({ dismantledAt: '2025-03-06T13:00:00-05:00' }),
  );
  await check('GET /api/v1/networks/{networkId}', 200, () => police().get(`/api/v1/networks/${id}`));
  await check('GET /api/v1/networks', 200, () => police().get('/api/v1/networks').query({ caseId }));
}
