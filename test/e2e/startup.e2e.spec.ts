import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PostgresEventStore } from '#event-store';
import type { UbigeoCatalog } from '#domain';
import { existingEmbeddedDatabaseUrl, projectRoot } from '#platform';
import { loadDemoDataIfEmpty } from '../../seeds/demo/load-demo-data.js';
import { countEvents, createTestDatabase } from '../support/database.js';
import { hotlineCall } from '../support/fixtures.js';
import { freePort, runNode, type NodeRun } from '../support/processes.js';
import { signTestToken } from '../support/tokens.js';

/**
 * The BUILT registry (`node dist/apps/api/src/main.js`, built by `npm test`) started as an operator would, each
 * run with its own DATA_DIR and ports: a second start in the same folder, a crash of the whole process group, a
 * SIGTERM under load, a missing keyring with sealed data, and DATABASE_URL without a demo. The runs share one data
 * folder in order, so the PostgreSQL cluster is initialised once.
 */
const MAIN = join(projectRoot(), 'dist', 'apps', 'api', 'src', 'main.js');
const secret = randomBytes(32).toString('base64url');

type Run = NodeRun;

/** Started detached (its own process group, with its embedded PostgreSQL), so the whole group can be killed. */
function start(env: Record<string, string>): Run {
  const defaults = { AUTH_JWT_SECRET: secret, SEED_DEMO: 'false', INTEGRITY_ANCHOR_SECONDS: '0', RATE_LIMIT_PER_MINUTE: '0' };
  return runNode(MAIN, { ...defaults, ...env }, { detached: true });
}

async function until(run: Run, pattern: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void run.exited.then(() => (gone = true));
  while (!pattern.test(run.output())) {
    if (gone) throw new Error(`the registry exited before ${pattern}:\n${run.output()}`);
    if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The last line printed: every failed start ends with the advice. */
function lastLine(run: Run): string {
  return run.output().trim().split('\n').at(-1)!;
}

describe('start-up and shutdown of the built registry', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let running: Run | null = null;
  const acknowledged: string[] = [];

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build:api\` (npm test does it)`);
    dataDir = mkdtempSync(join(tmpdir(), 'registro-startup-'));
    env = { DATA_DIR: dataDir, PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()) };
  });

  afterAll(async () => {
    if (running && running.child.exitCode === null) {
      process.kill(-running.child.pid!, 'SIGKILL');
      await running.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`http://127.0.0.1:${env.PORT}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${signTestToken(secret, 'operator')}`, 'content-type': 'application/json', ...init.headers },
    });

  it('refuses a second start in the same folder in under 10 s, naming the running one’s PID', async () => {
    running = start(env);
    await until(running, /ready in/, 90_000); // the first start initialises the cluster
    const began = Date.now();
    const second = start(env);
    const { code } = await second.exited;
    expect(Date.now() - began).toBeLessThan(10_000);
    expect(code).not.toBe(0);
    expect(second.output()).toContain(`PID ${running.child.pid}`);
    expect(second.output()).not.toContain('"message":"undefined"');
    expect(lastLine(second)).toMatch(/Qué hacer: .* \/ What to do: /);
    expect((await fetch(`http://127.0.0.1:${env.PORT}/health`)).status).toBe(200); // the first one is untouched
  }, 120_000);

  it('loses no acknowledged command when stopped with SIGTERM under load', async () => {
    const run = running!;
    let stopping = false;
    const worker = async () => {
      for (;;) {
        const callId = randomUUID();
        try {
          const response = await api('/api/v1/hotline-calls', {
            method: 'POST',
            body: JSON.stringify(hotlineCall({ callId, summary: 'Llamada de prueba sobre una oferta de empleo' })),
          });
          if (response.status === 201) acknowledged.push(callId);
          else await response.body?.cancel();
        } catch {
          if (stopping) return; // the server has closed: nothing more is answered
        }
      }
    };
    const workers = Array.from({ length: 6 }, worker);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const before = acknowledged.length;
    process.kill(run.child.pid!, 'SIGTERM');
    stopping = true;
    await Promise.all(workers);
    const { code } = await run.exited;
    expect({ code, output: code === 0 ? '' : run.output() }).toEqual({ code: 0, output: '' });
    expect(before).toBeGreaterThan(0);
    // Our order: the application (requests, projections, pools) closes before the database stops.
    const out = run.output();
    expect(out.indexOf('application closed')).toBeGreaterThan(out.indexOf('SIGTERM received'));
    expect(out.indexOf('stopped')).toBeGreaterThan(out.indexOf('application closed'));

    running = start(env);
    await until(running, /ready in/, 30_000);
    const pool = new pg.Pool({ connectionString: existingEmbeddedDatabaseUrl(dataDir, Number(env.EMBEDDED_PG_PORT))! });
    try {
      const { rows } = await pool.query<{ stream_id: string }>('SELECT stream_id FROM events WHERE stream_id = ANY($1)', [
        acknowledged.map((id) => `hotline-call-${id}`),
      ]);
      expect(new Set(rows.map((r) => r.stream_id)).size).toBe(acknowledged.length);
      const sealed = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM events WHERE data::text LIKE '%"sealed:v%'`);
      expect(Number(sealed.rows[0].n)).toBeGreaterThan(0); // the summaries are sealed: the keyring test below needs them
    } finally {
      await pool.end();
    }
  }, 90_000);

  it('recovers by itself after a SIGKILL of the whole process group', async () => {
    const crashed = running!;
    process.kill(-crashed.child.pid!, 'SIGKILL');
    await crashed.exited;
    expect(existsSync(join(dataDir, 'registro.pid'))).toBe(true); // both locks are left behind
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(true);
    running = start(env);
    await until(running, /ready in/, 30_000);
    expect(running.output()).toMatch(/stale lock/);
    expect(running.output()).toMatch(/stale PostgreSQL lock removed/);
    expect((await api(`/api/v1/hotline-calls/${acknowledged[0]}`)).status).toBe(200); // the data survived the crash
    process.kill(running.child.pid!, 'SIGTERM');
    expect((await running.exited).code).toBe(0);
    running = null;
  }, 60_000);

  it('refuses to start, never generating a new key, when the keyring is missing and the log holds sealed data', async () => {
    const keyring = join(dataDir, 'master-keys.json');
    renameSync(keyring, `${keyring}.aside`);
    try {
      const run = start(env);
      const { code } = await run.exited;
      expect(code).not.toBe(0);
      expect(run.output()).toMatch(/master keyring .* is missing, but the database holds sealed personal data/);
      expect(lastLine(run)).toMatch(/Qué hacer: restaure .*master-keys\.json.* \/ What to do: restore /);
      expect(run.output()).toContain('no se pudo iniciar / start-up failed: the master keyring');
      expect(existsSync(keyring)).toBe(false);
      // Its database was stopped before it exited.
      expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    } finally {
      renameSync(`${keyring}.aside`, keyring);
    }
  }, 60_000);

  it('loads no demo into a database given by DATABASE_URL', async () => {
    const db = await createTestDatabase(2);
    const otherDir = mkdtempSync(join(tmpdir(), 'registro-startup-url-'));
    try {
      const run = start({
        DATA_DIR: otherDir,
        PORT: String(await freePort()),
        DATABASE_URL: db.url,
        MIGRATION_DATABASE_URL: db.ownerUrl,
        MASTER_KEY: randomBytes(32).toString('base64'),
        SEED_DEMO: '', // unset: the default for a database given by URL is no demo
      });
      await until(run, /ready in/, 30_000);
      expect(run.output()).not.toMatch(/loading the demo/);
      expect(await countEvents(db.pool)).toBe(0);
      process.kill(run.child.pid!, 'SIGTERM');
      expect((await run.exited).code).toBe(0);
    } finally {
      await db.close();
      rmSync(otherDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the demo loader', () => {
  it('never loads into a database holding events of another origin, even with a demo-like correlation id', async () => {
    const db = await createTestDatabase(2);
    try {
      await new PostgresEventStore(db.pool).append(
        `hotline-call-${randomUUID()}`,
        [
          {
            eventId: randomUUID(),
            type: 'HotlineCallRecorded',
            data: {},
            metadata: { actor: 'operator:someone', correlationId: 'demo-42' },
          },
        ],
        'any',
      );
      const messages: string[] = [];
      const logger = { log: (m: unknown) => messages.push(String(m)), error: () => undefined, warn: () => undefined };
      // Nothing listens at this address: any request the loader sent would fail the test.
      await loadDemoDataIfEmpty(
        { baseUrl: 'http://127.0.0.1:9/api/v1', pool: db.pool, ubigeo: {} as UbigeoCatalog, authorization: '' },
        logger,
      );
      expect(messages.join('\n')).toMatch(/data of another origin: demo data not loaded/);
      expect(await countEvents(db.pool)).toBe(1);
    } finally {
      await db.close();
    }
  });
});

describe('start-up failures that say what to do', () => {
  const folders: string[] = [];
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'registro-startup-'));
    folders.push(dir);
    return dir;
  };
  afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** Something else listening on a port, as another program would. */
  async function occupied(): Promise<{ port: number; close(): Promise<void> }> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { port: (server.address() as { port: number }).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
  }

  it.each(['EMBEDDED_PG_PORT', 'PORT'])(
    'names %s when its port is taken, and suggests another',
    async (setting) => {
      const taken = await occupied();
      try {
        const env = {
          DATA_DIR: folder(),
          PORT: String(await freePort()),
          EMBEDDED_PG_PORT: String(await freePort()),
          [setting]: String(taken.port),
        };
        const run = start(env);
        const { code } = await run.exited;
        expect(code).not.toBe(0);
        expect(run.output()).toContain(`port ${taken.port} (${setting})`);
        expect(run.output()).not.toContain('undefined');
        expect(lastLine(run)).toMatch(new RegExp(`Qué hacer: .*${setting}=${taken.port + 1}.* / What to do: `));
      } finally {
        await taken.close();
      }
    },
    60_000,
  );

  it('refuses a data folder of another PostgreSQL major version, saying how to move the data', async () => {
    const dataDir = folder();
    mkdirSync(join(dataDir, 'postgres'), { recursive: true });
    writeFileSync(join(dataDir, 'postgres', 'PG_VERSION'), '12\n');
    const run = start({ DATA_DIR: dataDir, PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()) });
    const { code } = await run.exited;
    expect(code).not.toBe(0);
    expect(run.output()).toMatch(/belongs to PostgreSQL 12, this registry runs PostgreSQL \d+/);
    expect(lastLine(run)).toMatch(/Qué hacer: .*backup.* \/ What to do: .*restore into a new DATA_DIR/);
    expect(readFileSync(join(dataDir, 'postgres', 'PG_VERSION'), 'utf8')).toBe('12\n'); // the folder is left as it was
  }, 60_000);
});
