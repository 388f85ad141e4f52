import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseRegistration, hoursAgo, suspect } from '../support/fixtures.js';

const ALIAS = 'Los Injertos de Rosa Huamán';
const UNIT = 'DIVINDAT Sección Huancaro';

/** Issue 14, item 1: a criminal network is a record of its own, linked to cases and their suspects. */
describe('criminal networks through HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const registerCase = async (ubigeo: string) => {
    const body = caseRegistration({ ubigeo, registeredAt: hoursAgo(200), suspects: [suspect(), suspect({ sex: 'female' })] });
    return (await t.api('police').post('/api/v1/cases').send(body).expect(201)).body as { caseId: string; suspectIds: string[] };
  };

  it('identifies, links a case and a suspect, dismantles; retries append nothing; the case view lists the network', async () => {
    const police = () => t.api('police');
    const lima = await registerCase('150101');
    const identified = await police()
      .post('/api/v1/networks')
      .send({ identifiedAt: hoursAgo(300), ubigeo: '1501', alias: ALIAS, policeUnit: UNIT })
      .expect(201);
    const networkId = String(identified.body.networkId);
    expect(identified.headers.location).toBe(`/api/v1/networks/${networkId}`);

    const link = { caseId: lima.caseId, linkedAt: hoursAgo(100) };
    await police().post(`/api/v1/networks/${networkId}/cases`).send(link).expect(200);
    const retry = await police().post(`/api/v1/networks/${networkId}/cases`).send(link).expect(200);
    expect(retry.body.version).toBe(2);

    const suspectLink = { caseId: lima.caseId, suspectId: lima.suspectIds[0], role: 'recruiter', linkedAt: hoursAgo(90) };
    await police().post(`/api/v1/networks/${networkId}/suspects`).send(suspectLink).expect(200);
    await police().post(`/api/v1/networks/${networkId}/suspects`).send(suspectLink).expect(200);
    const dismantling = { dismantledAt: hoursAgo(10) };
    await police().post(`/api/v1/networks/${networkId}/dismantling`).send(dismantling).expect(200);
    await police().post(`/api/v1/networks/${networkId}/dismantling`).send(dismantling).expect(200);
    const again = await police()
      .post(`/api/v1/networks/${networkId}/dismantling`)
      .send({ dismantledAt: hoursAgo(5) })
      .expect(409);
    expect(again.body.code).toBe('network_already_dismantled');

    const network = await t.api('prosecutor').get(`/api/v1/networks/${networkId}`).expect(200);
    expect(network.body).toMatchObject({
      status: 'dismantled',
      alias: ALIAS,
      policeUnit: UNIT,
      cases: [{ caseId: lima.caseId }],
      suspects: [{ suspectId: lima.suspectIds[0], role: 'recruiter' }],
      version: 4,
    });
    const { rows } = await t.db.pool.query<{ data: string }>(
      `SELECT data::text AS data FROM events WHERE stream_id LIKE 'criminal-network-%'`,
    );
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.data).join('\n')).not.toContain('Huamán');
    expect(rows.map((r) => r.data).join('\n')).not.toContain('Huancaro');

    await t.project();
    const ofCase = await t.api('judiciary').get('/api/v1/networks').query({ caseId: lima.caseId }).expect(200);
    expect(ofCase.body).toEqual({ caseId: lima.caseId, networkIds: [networkId] });
    const caseView = await police().get(`/api/v1/cases/${lima.caseId}`).expect(200);
    expect(caseView.body.networkIds).toEqual([networkId]);
  });

  it('refuses bad input naming the field, and appends nothing', async () => {
    const police = () => t.api('police');
    const lima = await registerCase('150101');
    const other = await registerCase('150101');
    const networkId = (
      await police()
        .post('/api/v1/networks')
        .send({ identifiedAt: hoursAgo(50), ubigeo: '15' })
        .expect(201)
    ).body.networkId;
    const count = async () =>
      Number((await t.db.pool.query(`SELECT count(*) AS n FROM events WHERE stream_id = $1`, [`criminal-network-${networkId}`])).rows[0].n);
    const fieldsOf = (body: { fields: Array<{ field: string }> }) => body.fields.map((f) => f.field);

    expect(
      fieldsOf(
        (
          await police()
            .post('/api/v1/networks')
            .send({ identifiedAt: hoursAgo(-1), ubigeo: '99' })
            .expect(400)
        ).body,
      ),
    ).toEqual(expect.arrayContaining(['identifiedAt', 'ubigeo']));
    const unknownCase = await police()
      .post(`/api/v1/networks/${networkId}/cases`)
      .send({ caseId: randomUUID(), linkedAt: hoursAgo(1) })
      .expect(400);
    expect(fieldsOf(unknownCase.body)).toEqual(['caseId']);
    const early = await police()
      .post(`/api/v1/networks/${networkId}/cases`)
      .send({ caseId: lima.caseId, linkedAt: hoursAgo(60) })
      .expect(400);
    expect(fieldsOf(early.body)).toEqual(['linkedAt']);
    const notLinked = { caseId: lima.caseId, suspectId: lima.suspectIds[0], role: 'leader', linkedAt: hoursAgo(1) };
    expect(fieldsOf((await police().post(`/api/v1/networks/${networkId}/suspects`).send(notLinked).expect(400)).body)).toEqual(['caseId']);
    await police()
      .post(`/api/v1/networks/${networkId}/cases`)
      .send({ caseId: lima.caseId, linkedAt: hoursAgo(2) })
      .expect(200);
    const stranger = { ...notLinked, suspectId: other.suspectIds[0] };
    expect(fieldsOf((await police().post(`/api/v1/networks/${networkId}/suspects`).send(stranger).expect(400)).body)).toEqual([
      'suspectId',
    ]);
    const freeRole = { ...notLinked, role: 'jefe' };
    expect(fieldsOf((await police().post(`/api/v1/networks/${networkId}/suspects`).send(freeRole).expect(400)).body)).toEqual(['role']);
    expect(await count()).toBe(2);
  });

  it('scopes networks and their cases to the token’s departments', async () => {
    const cusco = await registerCase('080101');
    const lima = await registerCase('150101');
    const networkId = (
      await t
        .api('police')
        .post('/api/v1/networks')
        .send({ identifiedAt: hoursAgo(300), ubigeo: '08' })
        .expect(201)
    ).body.networkId;
    await t
      .api('police', ['15'])
      .post('/api/v1/networks')
      .send({ identifiedAt: hoursAgo(300), ubigeo: '08' })
      .expect(403);
    await t.api('police', ['15']).get(`/api/v1/networks/${networkId}`).expect(404);
    await t.api('police', ['08']).get(`/api/v1/networks/${networkId}`).expect(200);
    const outside = await t
      .api('police', ['08'])
      .post(`/api/v1/networks/${networkId}/cases`)
      .send({ caseId: lima.caseId, linkedAt: hoursAgo(1) })
      .expect(400);
    expect(outside.body.fields.map((f: { field: string }) => f.field)).toEqual(['caseId']);
    await t
      .api('police', ['08'])
      .post(`/api/v1/networks/${networkId}/cases`)
      .send({ caseId: cusco.caseId, linkedAt: hoursAgo(1) })
      .expect(200);
    await t.api('police', ['08']).get('/api/v1/networks').query({ caseId: lima.caseId }).expect(404);
    await t
      .api('prosecutor')
      .post(`/api/v1/networks/${networkId}/dismantling`)
      .send({ dismantledAt: hoursAgo(1) })
      .expect(403);
    await t.api('analyst').get(`/api/v1/networks/${networkId}`).expect(403);
  });
});
