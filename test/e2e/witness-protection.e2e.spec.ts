import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { recordKeyId } from '#platform';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseRegistration, hoursAgo, prosecutorReferral, victim } from '../support/fixtures.js';

const WITNESS = 'Testigo Juana Quispe Mamani';
const NOTES = 'Vive con su tía en Huancaro';

/** Issue 14 item 4: a prosecution's protection measures and Gesell interviews, sealed, read by its prosecutors and judges only. */
describe('witness protection of a prosecution', () => {
  let t: TestApp;
  let prosecutionId: string;
  let victimIds: string[];
  const path = () => `/api/v1/prosecutions/${prosecutionId}`;
  const events = async () =>
    (
      await t.db.pool.query('SELECT event_type AS type, data::text AS data FROM events WHERE stream_id = $1 ORDER BY stream_position', [
        `witness-protection-${prosecutionId}`,
      ])
    ).rows as Array<{
      type: string;
      data: string;
    }>;

  beforeAll(async () => {
    t = await createTestApp();
    const registered = (
      await t
        .api('police')
        .post('/api/v1/cases')
        .send(
          caseRegistration({
            registeredAt: hoursAgo(100),
            ubigeo: '080101',
            victims: [victim({ age: 16 }), victim({ sex: 'male', age: 30 })],
          }),
        )
        .expect(201)
    ).body as { caseId: string; victimIds: string[] };
    victimIds = registered.victimIds;
    prosecutionId = (
      await t
        .api('police')
        .post(`/api/v1/cases/${registered.caseId}/prosecutor-referral`)
        .send(prosecutorReferral({ referredAt: hoursAgo(90) }))
        .expect(200)
    ).body.prosecutionId;
  });
  afterAll(async () => t.close());

  it('grants measures to a victim and a witness, records an interview; a retry appends nothing', async () => {
    const measureId = randomUUID();
    const forVictim = {
      measureId,
      protectedPerson: 'victim',
      victimId: victimIds[0],
      measure: 'identity_reserve',
      grantedAt: hoursAgo(80),
    };
    const first = (await t.api('prosecutor').post(`${path()}/protection-measures`).send(forVictim).expect(201)).body;
    expect(first).toMatchObject({ prosecutionId, measureId, version: 1 });
    const again = (await t.api('prosecutor').post(`${path()}/protection-measures`).send(forVictim).expect(201)).body;
    expect(again.version).toBe(1);

    const forWitness = {
      protectedPerson: 'witness',
      witnessReference: WITNESS,
      measure: 'police_protection',
      grantedAt: hoursAgo(70),
      notes: NOTES,
    };
    const witnessMeasureId = randomUUID();
    await t
      .api('prosecutor')
      .post(`${path()}/protection-measures`)
      .send({ ...forWitness, measureId: witnessMeasureId })
      .expect(201);
    // Without a witness id, a retry of the same measure names the same witness: nothing new.
    const retried = (
      await t
        .api('prosecutor')
        .post(`${path()}/protection-measures`)
        .send({ ...forWitness, measureId: witnessMeasureId })
        .expect(201)
    ).body;
    expect(retried.version).toBe(2);

    const interviewId = randomUUID();
    const interview = { interviewId, victimId: victimIds[1], heldAt: hoursAgo(60) };
    expect((await t.api('prosecutor').post(`${path()}/gesell-interviews`).send(interview).expect(201)).body).toMatchObject({
      interviewId,
      version: 3,
    });
    await t.api('prosecutor').post(`${path()}/gesell-interviews`).send(interview).expect(201);
    expect((await events()).map((e) => e.type)).toEqual(['ProtectionMeasureGranted', 'ProtectionMeasureGranted', 'GesellInterviewHeld']);

    // The witness's reference and the notes are sealed in the log; prosecutors and judges read them clear.
    const raw = (await events()).map((e) => e.data).join('\n');
    expect(raw).not.toContain('Quispe');
    expect(raw).not.toContain('Huancaro');
    for (const role of ['prosecutor', 'judiciary'] as const) {
      const read = (await t.api(role).get(`${path()}/protection`).expect(200)).body;
      expect(read.victims.map((v: { number: number; sex: string; age: number }) => [v.number, v.sex, v.age])).toEqual([
        [1, 'female', 16],
        [2, 'male', 30],
      ]);
      expect(read.measures).toEqual([
        expect.objectContaining({ measureId, protectedPerson: 'victim', personId: victimIds[0], witnessReference: null }),
        expect.objectContaining({ measureId: witnessMeasureId, protectedPerson: 'witness', witnessReference: WITNESS, notes: NOTES }),
      ]);
      expect(read.interviews).toEqual([expect.objectContaining({ interviewId, victimId: victimIds[1] })]);
    }
    // Each read is audited as personal data, with the protected people as its subjects.
    const audits = (
      await t.db.pool.query("SELECT action, subject_ids FROM audit_log WHERE record_type = 'witness_protection' AND record_id = $1", [
        prosecutionId,
      ])
    ).rows as Array<{ action: string; subject_ids: string[] }>;
    expect(audits).toHaveLength(2);
    expect(
      audits.every((a) => a.action === 'read_personal_data' && a.subject_ids.includes(victimIds[0]) && a.subject_ids.length === 3),
    ).toBe(true);
  });

  it('refuses, naming the field and appending nothing: another case’s victim, a date before the opening or in the future', async () => {
    const before = (await events()).length;
    const bad = async (url: string, body: object, field: string) => {
      const answer = await t.api('prosecutor').post(`${path()}/${url}`).send(body).expect(400);
      expect(answer.body.fields.map((f: { field: string }) => f.field)).toEqual([field]);
    };
    const measure = { protectedPerson: 'victim', victimId: victimIds[0], measure: 'separate_waiting', grantedAt: hoursAgo(50) };
    await bad('protection-measures', { ...measure, victimId: randomUUID() }, 'victimId');
    await bad('protection-measures', { ...measure, grantedAt: hoursAgo(95) }, 'grantedAt');
    await bad('protection-measures', { ...measure, grantedAt: hoursAgo(-2) }, 'grantedAt');
    await bad('protection-measures', { ...measure, measure: 'hide' }, 'measure');
    await bad('protection-measures', { ...measure, protectedPerson: 'witness', victimId: undefined }, 'witnessReference');
    await bad('gesell-interviews', { victimId: randomUUID(), heldAt: hoursAgo(50) }, 'victimId');
    await bad('gesell-interviews', { victimId: victimIds[0], heldAt: hoursAgo(99) }, 'heldAt');
    expect((await events()).length).toBe(before);
  });

  it('is for the prosecutors and judges of the case only', async () => {
    for (const role of ['police', 'protection', 'operator', 'analyst'] as const) {
      await t.api(role).get(`${path()}/protection`).expect(403);
    }
    await t
      .api('judiciary')
      .post(`${path()}/gesell-interviews`)
      .send({ victimId: victimIds[0], heldAt: hoursAgo(50) })
      .expect(403);
    // A prosecutor of another department does not learn the prosecution exists; of its own, reads it.
    await t.api('prosecutor', ['15']).get(`${path()}/protection`).expect(404);
    await t.api('judiciary', ['15']).get(`${path()}/protection`).expect(404);
    await t.api('prosecutor', ['08']).get(`${path()}/protection`).expect(200);
    await t.api('prosecutor').get(`/api/v1/prosecutions/${randomUUID()}/protection`).expect(404);
    const me = (await t.api('prosecutor').get('/api/v1/me').expect(200)).body;
    expect(me.allowed).toEqual(
      expect.arrayContaining([
        'POST /api/v1/prosecutions/{prosecutionId}/protection-measures',
        'POST /api/v1/prosecutions/{prosecutionId}/gesell-interviews',
        'GET /api/v1/prosecutions/{prosecutionId}/protection',
      ]),
    );
  });

  it('erases one witness alone: its reference and notes read null, every measure and the other witness stay', async () => {
    const keep = randomUUID();
    const erase = randomUUID();
    for (const [witnessId, reference] of [
      [keep, 'Testigo Rosa Huamán'],
      [erase, 'Testigo Pedro Condori'],
    ]) {
      await t
        .api('prosecutor')
        .post(`${path()}/protection-measures`)
        .send({
          protectedPerson: 'witness',
          witnessId,
          witnessReference: reference,
          measure: 'address_reserve',
          grantedAt: hoursAgo(40),
          notes: 'Nota',
        })
        .expect(201);
    }
    // The witness's key is a record key of its own, named from its id: the generic erasure of a data subject.
    const subject = recordKeyId('protected-person', erase);
    const asked = (
      await t.api('admin').post(`/api/v1/subjects/${subject}/erasure-requests`).send({ reason: 'Ley 29733, art. 20' }).expect(201)
    ).body;
    await t
      .api('admin')
      .post(`/api/v1/erasure-requests/${asked.requestId}/approval`)
      .set('Authorization', `Bearer ${t.token('admin', { subject: 'second-admin' })}`)
      .expect(200);
    const read = (await t.api('prosecutor').get(`${path()}/protection`).expect(200)).body as {
      measures: Array<{ personId: string; witnessReference: string | null; notes: string | null }>;
    };
    expect(read.measures.find((m) => m.personId === erase)).toMatchObject({ witnessReference: null, notes: null });
    expect(read.measures.find((m) => m.personId === keep)).toMatchObject({ witnessReference: 'Testigo Rosa Huamán', notes: 'Nota' });
    expect(read.measures.find((m) => m.personId === victimIds[0])).toMatchObject({ protectedPerson: 'victim' });
    expect(read.measures).toHaveLength(4);
  });

  it('erases a victim with the notes of her protection measures', async () => {
    const measureId = randomUUID();
    await t
      .api('prosecutor')
      .post(`${path()}/protection-measures`)
      .send({
        measureId,
        protectedPerson: 'victim',
        victimId: victimIds[1],
        measure: 'residence_change',
        grantedAt: hoursAgo(30),
        notes: 'Se muda con su hermana',
      })
      .expect(201);
    const asked = (
      await t.api('admin').post(`/api/v1/subjects/${victimIds[1]}/erasure-requests`).send({ reason: 'Ley 29733, art. 20' }).expect(201)
    ).body;
    await t
      .api('admin')
      .post(`/api/v1/erasure-requests/${asked.requestId}/approval`)
      .set('Authorization', `Bearer ${t.token('admin', { subject: 'second-admin' })}`)
      .expect(200);
    const read = (await t.api('prosecutor').get(`${path()}/protection`).expect(200)).body as {
      measures: Array<{ measureId: string; notes: string | null; measure: string }>;
    };
    expect(read.measures.find((m) => m.measureId === measureId)).toMatchObject({ notes: null, measure: 'residence_change' });
  });
});
