import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectionRunner } from '#event-store';
import {
  FieldSealer,
  KNOWN_EVENT_TYPES,
  MASTER_KEYRING,
  projectionOpener,
  projectionOverview,
  projectRoot,
  type MasterKeyring,
} from '#platform';
import { PROJECTIONS } from '#read-models';
import { createTestApp, type TestApp } from '../support/app.js';
import { waitUntilLogVisible } from '../support/database.js';
import { caseRegistration, hotlineCall, prosecutorReferral, suspect, victim } from '../support/fixtures.js';
import { freePort, readTables, runNode, type NodeRun } from '../support/processes.js';
import { seededRandom } from '../support/random.js';

/**
 * The distributed shape's background process, BUILT (`node dist/apps/projector/src/main.js`, built by `npm test`):
 * two projectors against one database while an api appends. Exactly one of them holds each projection's advisory
 * lock; SIGKILL of that one lets the hot standby take every projection over and finish, and the read tables it leaves
 * are, row by row, those of a clean rebuild from the log.
 */
const MAIN = join(projectRoot(), 'dist', 'apps', 'projector', 'src', 'main.js');
const NAMES = PROJECTIONS.map((p) => p.name);
const masterKey = randomBytes(32).toString('base64');

interface Projector extends NodeRun {
  name: string;
  port: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await sleep(100);
  }
}

describe('two projector processes against one database', () => {
  let t: TestApp;
  let dataDir: string;
  const running: Projector[] = [];
  const day = (d: number, hour = 9) => new Date(Date.UTC(2025, 0, 1 + d, hour + 5)).toISOString();
  const random = seededRandom(15);

  const post = async (path: string, body: object) => {
    const response = await t.api('admin').post(`/api/v1${path}`).send(body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };

  /** One hotline call, sometimes classified, closed, or referred to the police and registered as a case. */
  async function journey(i: number): Promise<void> {
    const start = random.int(0, 330);
    const { callId } = await post('/hotline-calls', hotlineCall({ receivedAt: day(start), anonymous: false, topic: 'trafficking' }));
    if (i % 3 === 0) {
      await post(`/hotline-calls/${callId}/closure`, { closedAt: day(start, 10), outcome: 'information_provided' });
      return;
    }
    const { referralId } = await post(`/hotline-calls/${callId}/referrals`, { to: 'PNP', ubigeo: '1501', referredAt: day(start, 11) });
    if (i % 3 === 1) return;
    const { caseId } = await post(
      '/cases',
      caseRegistration({
        registeredAt: day(start + 1),
        ubigeo: '150101',
        source: 'hotline_referral',
        referralId,
        victims: [victim({ age: random.int(8, 40) })],
        suspects: [suspect({ suspectId: randomUUID() })],
      }),
    );
    await post(`/cases/${caseId}/prosecutor-referral`, prosecutorReferral({ referredAt: day(start + 2) }));
  }

  async function journeys(from: number, count: number): Promise<void> {
    for (let i = from; i < from + count; i += 4) await Promise.all([0, 1, 2, 3].map((k) => (i + k < from + count ? journey(i + k) : null)));
  }

  function startProjector(name: string, port: number): Projector {
    const url = (base: string) => `${base}${base.includes('?') ? '&' : '?'}application_name=${name}`;
    const run = runNode(MAIN, {
      DATABASE_URL: url(t.db.url),
      MIGRATION_DATABASE_URL: url(t.db.ownerUrl),
      MASTER_KEY: masterKey,
      AUTH_JWT_SECRET: t.secret,
      DATA_DIR: dataDir,
      PROJECTOR_PORT: String(port),
      // Small batches: a catch-up takes many transactions, so the kill lands between (or inside) them.
      PROJECTION_BATCH_SIZE: '10',
      LOG_FORMAT: 'json',
      DATABASE_POOL_SIZE: '4',
    });
    const projector = { ...run, name, port };
    running.push(projector);
    return projector;
  }

  const ready = async (projector: Projector) =>
    eventually(`${projector.name} ready`, async () => {
      if (projector.child.exitCode !== null) throw new Error(`${projector.name} exited:\n${projector.output()}`);
      const response = await fetch(`http://127.0.0.1:${projector.port}/health/ready`).catch(() => null);
      return response?.ok ? ((await response.json()) as { role: string; activeProjections: string[] }) : undefined;
    });

  /** Who holds each projection's advisory lock, by the application_name of the holding connection. */
  const lockHolders = async () =>
    (
      await t.db.pool.query<{ objid: string; holder: string }>(
        `SELECT l.objid::text, a.application_name AS holder
           FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
            AND l.classid::bigint = (hashtext('projection')::bigint + 4294967296) % 4294967296`,
      )
    ).rows;

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build:api\` (npm test does it)`);
    t = await createTestApp({ MASTER_KEY: masterKey });
    dataDir = mkdtempSync(join(tmpdir(), 'registro-projector-'));
    await journeys(0, 120);
  }, 180_000);

  afterAll(async () => {
    for (const projector of running) if (projector.child.exitCode === null) projector.child.kill('SIGKILL');
    await Promise.all(running.map((p) => p.exited));
    await t?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs each projection in exactly one; after a SIGKILL the standby takes over, and the tables equal a clean rebuild', async () => {
    const a = startProjector('projector-a', await freePort());
    await eventually('projector-a holds every projection', async () => ((await ready(a)).role === 'active' ? true : undefined));
    const b = startProjector('projector-b', await freePort());
    expect(await ready(b)).toMatchObject({ role: 'standby', activeProjections: [] });

    // Exactly one holder per projection, and it is projector-a.
    const before = await lockHolders();
    expect(before).toHaveLength(NAMES.length);
    expect(new Set(before.map((l) => l.objid)).size).toBe(NAMES.length);
    expect(new Set(before.map((l) => l.holder))).toEqual(new Set(['projector-a']));

    // The api goes on appending while projector-a dies without a word.
    const writing = journeys(1000, 60);
    await sleep(300);
    a.child.kill('SIGKILL');
    expect((await a.exited).signal).toBe('SIGKILL');
    const checkpoint = async () =>
      Number((await t.db.pool.query<{ max: string }>('SELECT max(global_position) FROM projection_checkpoints')).rows[0].max);
    const atKill = await checkpoint();
    await eventually(
      'projector-b takes every projection over',
      async () => ((await ready(b)).role === 'active' ? true : undefined),
      30_000,
    );
    await writing;

    const after = await lockHolders();
    expect(after).toHaveLength(NAMES.length);
    expect(new Set(after.map((l) => l.holder))).toEqual(new Set(['projector-b']));
    expect(b.output()).toMatch(/this process is the active runner/);

    // projector-b finishes: every projection at the head of the log.
    await waitUntilLogVisible(t.db.pool);
    await eventually('projector-b catches up', async () => {
      const overview = await projectionOverview(t.db.pool, NAMES);
      return overview.every((p) => p.lagEvents === 0 && p.state === 'running') ? overview : undefined;
    });
    // What was appended after the kill was projected by projector-b alone.
    expect(await checkpoint()).toBeGreaterThan(atKill);
    b.child.kill('SIGTERM');
    expect((await b.exited).code).toBe(0);

    const tables = PROJECTIONS.flatMap((p) => p.tables);
    const projected = await readTables(t.db.pool, tables);
    expect(projected.hotline_call_facts.length).toBe(180);
    expect(projected.referral_facts.length).toBe(120);
    const open = projectionOpener(t.db.pool, t.app.get<MasterKeyring>(MASTER_KEYRING), t.app.get(FieldSealer));
    for (const projection of PROJECTIONS) {
      await new ProjectionRunner(t.db.pool, projection, { knownEventTypes: KNOWN_EVENT_TYPES, open }).rebuild();
    }
    expect(await readTables(t.db.pool, tables)).toEqual(projected);
  }, 240_000);

  it('answers only its probes and the scraper: /metrics from this machine, problem details for anything else', async () => {
    const c = startProjector('projector-c', await freePort());
    await ready(c);
    const metrics = await fetch(`http://127.0.0.1:${c.port}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^registro_projection_lag_events\{projection="hotline-statistics"\} \d+$/m);
    const other = await fetch(`http://127.0.0.1:${c.port}/api/v1/hotline-calls`);
    expect(other.status).toBe(404);
    expect(other.headers.get('content-type')).toBe('application/problem+json');
    expect(await other.json()).toMatchObject({ status: 404, code: 'not_found', instance: '/api/v1/hotline-calls' });
    c.child.kill('SIGTERM');
    expect((await c.exited).code).toBe(0);
  });
});

describe('a projector without DATABASE_URL', () => {
  it('refuses to start, saying what to do in its last line', async () => {
    const run = runNode(MAIN, { LOG_FORMAT: 'json', DATA_DIR: mkdtempSync(join(tmpdir(), 'registro-projector-')) });
    const { code } = await run.exited;
    const output = run.output();
    expect(code).toBe(1);
    expect(output).toContain('the projector needs DATABASE_URL');
    expect(output.trim().split('\n').at(-1)).toMatch(/Qué hacer: .* \/ What to do: /);
  });
});
