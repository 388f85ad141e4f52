import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore, type NewEvent } from '#event-store';
import { loadCatalogs, loadConfig, type ReferenceCatalogs } from '#platform';
import { canonicalJson, OfficialStatistics, PROJECTIONS, type PublishedReport } from '#read-models';
import { countEvents, createTestDatabase, waitUntilLogVisible, type TestDatabase } from '#test-support/database.js';
import { describeFailure, EXIT } from './cli-errors.js';
import { runCli } from './main.js';
import { publish } from './publish.command.js';
import { rebuildProjections, selectProjections } from './rebuild.command.js';
import { produceReport } from './report.command.js';
import { verifyLog } from './verify.command.js';
import { testAnchorExport } from '#test-support/anchors.js';
import { captureIO } from '#test-support/capture-io.js';

/** Standard output and error kept in memory. */

const received = (callId: string, day: number, topic: string): NewEvent => ({
  eventId: randomUUID(),
  type: 'HotlineCallReceived',
  data: {
    callId,
    receivedAt: new Date(Date.UTC(2025, 2, day, 15)).toISOString(),
    channel: 'phone',
    language: 'es',
    callerUbigeo: '150101',
    anonymous: false,
    topic,
    summary: null,
  },
  metadata: { actor: 'test' },
});

describe('the CLI commands on a real PostgreSQL', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let catalogs: ReferenceCatalogs;
  let env: NodeJS.ProcessEnv;
  const streams: string[] = [];
  const anchors = testAnchorExport();

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
    catalogs = loadCatalogs(loadConfig({}, []).seedsDir);
    env = {
      DATABASE_URL: db.url,
      MASTER_KEY: randomBytes(32).toString('base64'),
      AUTH_JWT_SECRET: randomBytes(32).toString('base64url'),
      ...anchors.env,
    };
    for (let i = 0; i < 12; i++) {
      const callId = randomUUID();
      const stream = `hotline-call-${callId}`;
      streams.push(stream);
      await store.append(stream, [received(callId, 1 + i, i % 2 === 0 ? 'trafficking' : 'information')], 0);
      if (i % 3 === 0) {
        await store.append(
          stream,
          [
            {
              eventId: randomUUID(),
              type: 'HotlineCallClosed',
              data: { callId, closedAt: new Date(Date.UTC(2025, 2, 1 + i, 16)).toISOString(), outcome: 'information_provided' },
            },
          ],
          1,
        );
      }
    }
    // Written by a newer version: the projections skip it and count it, the hash chain covers it all the same.
    await store.append(`future-${randomUUID()}`, [{ eventId: randomUUID(), type: 'SomethingFromTheFuture', data: { n: 1 } }], 0);
    await waitUntilLogVisible(db.pool);
  });
  afterAll(async () => db.close());

  it('rebuilds every projection up to the last event of the log', async () => {
    const total = await countEvents(db.pool);
    const seen: Array<[string, number]> = [];
    const results = await rebuildProjections(db.pool, selectProjections(null), {
      start: (projection, n) => seen.push([projection, n]),
      update: () => undefined,
      stop: () => undefined,
    });
    expect(results.map((r) => r.projection)).toEqual(PROJECTIONS.map((p) => p.name));
    expect(seen).toEqual(PROJECTIONS.map((p) => [p.name, total]));
    for (const result of results) {
      expect(result.events).toBe(total);
      expect(result.status.eventsProcessed + result.status.eventsSkippedUnknown).toBe(total);
      expect(result.status.eventsSkippedUnknown).toBe(1);
      expect(result.eventsPerSecond).toBeGreaterThan(0);
    }
    const counts = await db.pool.query<{ received: string }>('SELECT sum(received) AS received FROM hotline_call_counts');
    expect(Number(counts.rows[0].received)).toBe(12);
  });

  it('rebuilds one projection only when asked', async () => {
    const results = await rebuildProjections(db.pool, selectProjections('trial-links'));
    expect(results.map((r) => r.projection)).toEqual(['trial-links']);
  });

  it('produces the monthly report at the current position, disclosure control applied, in every format', async () => {
    const statistics = new OfficialStatistics(db.dataSource, catalogs);
    const request = { kind: 'monthly' as const, period: '2025-03', department: null };
    const json = await produceReport(statistics, request, { asOf: null, format: 'json', lang: 'es' }, 5);
    const report = JSON.parse(String(json.body)) as PublishedReport;
    expect(report).toMatchObject({
      kind: 'monthly',
      period: '2025-03',
      asOfPosition: await countEvents(db.pool),
      disclosureControl: { k: 5, applied: true },
    });
    expect(json.body).toBe(canonicalJson(json.report));
    const csv = await produceReport(statistics, request, { asOf: null, format: 'csv', lang: 'en' }, 5);
    expect(Buffer.isBuffer(csv.body)).toBe(true);
    const xlsx = await produceReport(statistics, request, { asOf: null, format: 'xlsx', lang: 'es' }, 5);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    const earlier = await produceReport(statistics, request, { asOf: 3, format: 'json', lang: 'es' }, 5);
    expect(earlier.report.asOfPosition).toBe(3);
  });

  it('publishes once per id: a retry is the original, another request under the same id is refused', async () => {
    const statistics = new OfficialStatistics(db.dataSource, catalogs);
    const id = randomUUID();
    const command = { command: 'publish' as const, kind: 'inei-annual' as const, period: '2025', department: null, id };
    const first = await publish(statistics, command, { k: 5, now: new Date('2026-01-05T12:00:00Z') });
    const frozen = await statistics.publication(id);
    expect(first).toMatchObject({ publicationId: id, asOfPosition: await countEvents(db.pool), k: 5, replayed: false });
    expect(first.sha256).toBe(createHash('sha256').update(frozen.content).digest('hex'));
    expect(await publish(statistics, command, { k: 5, now: new Date() })).toEqual({ ...first, replayed: true });
    const conflict = await publish(statistics, { ...command, period: '2024' }, { k: 5, now: new Date() }).catch((e: unknown) => e);
    expect(describeFailure(conflict, false)).toMatchObject({
      exitCode: EXIT.usage,
      message: expect.stringMatching(/^Ya existe una publicación con ese id/),
    });
  });

  it('runs end to end from the command line on DATABASE_URL', async () => {
    const report = captureIO();
    expect(await runCli(['report', 'monthly', '--year', '2025', '--month', '3'], report.io, env)).toBe(EXIT.ok);
    expect(JSON.parse(report.stdout())).toMatchObject({ kind: 'monthly', period: '2025-03', disclosureControl: { k: 5, applied: true } });
    const published = captureIO();
    expect(await runCli(['publish', '--kind', 'monthly', '--period', '2025-03', '--department', '15'], published.io, env)).toBe(EXIT.ok);
    expect(JSON.parse(published.stdout())).toMatchObject({
      kind: 'monthly',
      period: '2025-03',
      department: '15',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const unknownDepartment = captureIO();
    expect(await runCli(['report', 'monthly', '--year', '2025', '--month', '3', '--department', '99'], unknownDepartment.io, env)).toBe(
      EXIT.usage,
    );
    expect(unknownDepartment.stderr()).toMatch(/--department: «99» no es un departamento del catálogo UBIGEO del INEI/);
    const future = captureIO();
    expect(await runCli(['export', 'inei', '--year', '2025', '--as-of', '100000'], future.io, env)).toBe(EXIT.usage);
    expect(future.stderr()).toMatch(/Las estadísticas aún no llegan a la posición 100000/);
    const toTerminal = captureIO(true);
    expect(await runCli(['export', 'inei', '--year', '2025', '--format', 'xlsx'], toTerminal.io, env)).toBe(EXIT.usage);
    expect(toTerminal.stdout()).toBe('');
  });

  it('refuses to run on a data directory without a database, creating nothing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'registro-cli-'));
    try {
      const out = captureIO();
      expect(await runCli(['verify'], out.io, { DATA_DIR: empty })).toBe(EXIT.usage);
      expect(out.stderr()).toMatch(/no hay datos en .*: ejecute npm start primero \/ no data in .*: run npm start first/);
      expect(readdirSync(empty)).toEqual([]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    expect(existsSync(empty)).toBe(false);
  });

  it('finds an intact log intact, and names the broken link after tampering (exit code 3)', async () => {
    const intact = await verifyLog(db.pool, anchors.exporter);
    expect(intact.exitCode).toBe(EXIT.ok);
    expect(intact.report).toMatchObject({ ok: true, eventsChecked: await countEvents(db.pool), streamsChecked: streams.length + 1 });
    const cli = captureIO();
    expect(await runCli(['verify'], cli.io, env)).toBe(EXIT.ok);
    expect(cli.stdout()).toMatch(/^cadenas de hash íntegras \/ hash chains intact: 13 flujos\/streams/);

    const [tampered] = await store.readStream(streams[3]); // an 'information' call, now said to be about trafficking
    await db.pool.query('ALTER TABLE events DISABLE TRIGGER events_no_update_delete');
    await db.pool.query(`UPDATE events SET data = jsonb_set(data, '{topic}', '"trafficking"') WHERE event_id = $1`, [tampered.eventId]);
    await db.pool.query('ALTER TABLE events ENABLE TRIGGER events_no_update_delete');

    const broken = await verifyLog(db.pool, anchors.exporter);
    expect(broken.exitCode).toBe(EXIT.integrity);
    expect(broken.report.firstBrokenLink).toMatchObject({
      streamId: streams[3],
      streamPosition: 1,
      eventId: tampered.eventId,
      reason: 'hash_mismatch',
    });
    const again = captureIO();
    expect(await runCli(['verify'], again.io, env)).toBe(EXIT.integrity);
    expect(again.stdout()).toContain('INTEGRIDAD COMPROMETIDA / INTEGRITY FAILURE');
    expect(again.stdout()).toContain(streams[3]);
    expect(again.stdout()).toContain(tampered.eventId);
    expect(again.stdout()).toMatch(/motivo \/ reason: +hash_mismatch/);
  });
});
