import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { caseStreamName } from '#domain';
import { PostgresEventStore } from '#event-store';
import { documentHashOf, loadCatalogs, loadConfig, MASTER_KEYRING, SubjectKeyStore, type MasterKeyring } from '#platform';
import { ErasureReach1764201600960 } from '../../libs/platform/src/database/migrations/1764201600960-erasure-reach.js';
import { OfficialStatistics } from '#read-models';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseRegistration, victim } from '../support/fixtures.js';
import { EMBEDDED_SERVING_ROLE, grantServingRole } from '#platform';

const PURPOSE = 'Verificación de supresión';

/**
 * A registry upgraded from the version whose VictimIdentified events held the document's keyed hash in clear
 * (`documentHash`): the migration moves the hashes into document_links, the statistics and the case list link by
 * link id from then on, and erasing one of the person's old records erases them all and deletes the link.
 */
describe('erasure and linkage over events recorded with documentHash in clear', () => {
  let t: TestApp;
  let hash: string;
  const oldCases = [randomUUID(), randomUUID()];
  const oldVictims = [randomUUID(), randomUUID()];

  const victimsTotal = async () => {
    const statistics = new OfficialStatistics(t.db.dataSource, loadCatalogs(loadConfig({}, []).seedsDir));
    const report = await statistics.report(
      { kind: 'monthly', period: '2025-05', department: null },
      { disclosure: { k: 5, applied: false } },
    );
    return report.tables.find((table) => table.id === 'victims_by_nationality')!.rows.find((row) => row.key === 'total')!.values[0];
  };

  beforeAll(async () => {
    t = await createTestApp();
    // A case through the API today, whose events give the shape of the old ones.
    const template = (
      await t
        .api('admin')
        .post('/api/v1/cases')
        .send(
          caseRegistration({
            registeredAt: '2025-05-05T10:00:00-05:00',
            policeUnit: 'DIRCTPTIM Cusco',
            ubigeo: '080101',
            victims: [victim({ victimId: randomUUID(), age: 30 })],
          }),
        )
        .expect(201)
    ).body.caseId as string;
    const { rows } = await t.db.pool.query<{ event_type: string; data: Record<string, unknown> }>(
      'SELECT event_type, data FROM events WHERE stream_id = $1 ORDER BY stream_position',
      [caseStreamName(template)],
    );
    const registered = rows.find((r) => r.event_type === 'CaseRegistered')!.data;
    const identified = rows.find((r) => r.event_type === 'VictimIdentified')!.data;
    hash = documentHashOf(t.app.get<MasterKeyring>(MASTER_KEYRING).linkageKey, 'DNI', '44556677')!;
    const store = new PostgresEventStore(t.db.pool);
    for (const [i, caseId] of oldCases.entries()) {
      const { linkId: _none, ...victim } = identified;
      // Events of that time held the police unit in clear (it is sealed since), and a documentHash instead of a link.
      await store.append(
        caseStreamName(caseId),
        [
          {
            eventId: randomUUID(),
            type: 'CaseRegistered',
            data: { ...registered, caseId, policeUnit: 'DIRCTPTIM Cusco', registeredAt: `2025-05-1${i}T10:00:00-05:00` },
            metadata: { actor: 'legacy' },
          },
          {
            eventId: randomUUID(),
            type: 'VictimIdentified',
            metadata: { actor: 'legacy' },
            data: {
              ...victim,
              caseId,
              victimId: oldVictims[i],
              documentHash: hash,
              personal: { fullName: null, documentType: null, documentNumber: null, phone: null, address: null },
            },
          },
        ],
        0,
      );
    }
    await t.app.get(SubjectKeyStore).keyring({ create: oldVictims.map((id) => ({ id, kind: 'victim' as const })) });
    // The registry as it was before this migration, then migrated.
    const runner = t.db.dataSource.createQueryRunner();
    try {
      const migration = new ErasureReach1764201600960();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    // As at start-up after migrations: the serving role gets its privileges on the tables the migration made.
    await grantServingRole(t.db.pool, EMBEDDED_SERVING_ROLE);
    await t.project();
  });
  afterAll(async () => t.close());

  it('backfills document_links from the old events; the statistics and the case list use the link, never the hash', async () => {
    const links = (await t.db.pool.query<{ link_id: string; document_hash: string }>('SELECT link_id, document_hash FROM document_links'))
      .rows;
    expect(links).toEqual([{ link_id: expect.any(String), document_hash: hash }]);
    const units = (await t.db.pool.query<{ unit_key: string }>("SELECT unit_key FROM stat_units WHERE unit_key LIKE 'victim:%'")).rows.map(
      (r) => r.unit_key,
    );
    expect(units).toContain(`victim:link:${links[0].link_id}`);
    expect(units.filter((key) => key.includes(hash))).toEqual([]);
    const listed = (
      await t.db.pool.query<{ link_id: string | null }>('SELECT link_id FROM case_list_victims WHERE case_id = ANY($1::uuid[])', [oldCases])
    ).rows;
    expect(listed).toEqual([{ link_id: links[0].link_id }, { link_id: links[0].link_id }]);
    // The API's victim and the one person of the two old denunciations.
    expect(await victimsTotal()).toBe(2);
    const found = await t
      .api('admin')
      .post('/api/v1/cases/search')
      .send({ documentType: 'DNI', documentNumber: '44.556.677', purpose: PURPOSE })
      .expect(200);
    expect(found.body.items.map((c: { caseId: string }) => c.caseId).sort()).toEqual([...oldCases].sort());
  });

  it('erases every old record of the person and deletes her link; the counts stay', async () => {
    const asked = (
      await t.api('admin').post(`/api/v1/subjects/${oldVictims[0]}/erasure-requests`).send({ reason: 'Ley 29733 art. 20' }).expect(201)
    ).body;
    expect([...asked.linkedSubjects].sort()).toEqual([...oldVictims].sort());
    const approved = (
      await request(t.app.getHttpServer())
        .post(`/api/v1/erasure-requests/${asked.requestId}/approval`)
        .set('Authorization', `Bearer ${t.token('admin', { subject: 'second-admin' })}`)
        .expect(200)
    ).body;
    expect(approved.erasures.map((e: { subjectId: string }) => e.subjectId).sort()).toEqual([...oldVictims].sort());
    expect((await t.db.pool.query('SELECT * FROM document_links')).rows).toEqual([]);
    const found = await t
      .api('admin')
      .post('/api/v1/cases/search')
      .send({ documentType: 'DNI', documentNumber: '44556677', purpose: PURPOSE })
      .expect(200);
    expect(found.body.items).toEqual([]);
    await t.project();
    expect(await victimsTotal()).toBe(2);
  });
});
