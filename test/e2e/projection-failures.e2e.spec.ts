import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import request from 'supertest';
import { PostgresEventStore } from '#event-store';
import { runCli } from '../../apps/cli/src/main.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { captureIO } from '../support/capture-io.js';
import { waitUntilLogVisible } from '../support/database.js';
import { hotlineCall } from '../support/fixtures.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface StatusBody {
  projections: Array<{
    name: string;
    state: string;
    position: number;
    lagEvents: number;
    failure: { globalPosition: number; eventId: string; eventType: string; message: string; attempts: number } | null;
    failingTooLong: boolean;
    skips: Array<{ position: number; eventType: string; reason: string; skippedBy: string }>;
  }>;
}

describe('a poison event', () => {
  let t: TestApp;
  let env: NodeJS.ProcessEnv;
  let poison: { position: number; eventId: string };
  const byName = async (name: string) => {
    const body = (await t.api('auditor').get('/health/status').expect(200)).body as StatusBody;
    return body.projections.find((p) => p.name === name) as StatusBody['projections'][number];
  };
  /** Ticks as the daemon would (each failed tick rejects), until `done` or 50 ticks. */
  const tickUntil = async (done: () => Promise<boolean>) => {
    for (let i = 0; i < 50 && !(await done()); i++) {
      await t.project().catch(() => undefined);
      await sleep(5);
    }
  };
  const cli = async (...argv: string[]) => {
    const io = captureIO();
    const exit = await runCli(argv, io.io, env);
    return { exit, ...io.out };
  };

  beforeAll(async () => {
    t = await createTestApp({
      PROJECTION_MAX_ATTEMPTS: '3',
      PROJECTION_RETRY_INITIAL_MS: '1',
      PROJECTION_RETRY_MAX_MS: '2',
      READINESS_PROJECTION_FAILURE_SECONDS: '1',
    });
    env = { DATABASE_URL: t.db.url, MASTER_KEY: randomBytes(32).toString('base64'), AUTH_JWT_SECRET: t.secret };
    await t
      .api('operator')
      .post('/api/v1/hotline-calls')
      .send(hotlineCall({ callId: randomUUID() }))
      .expect(201);
    // Planted as the owner: a TrialOpened whose trial id is no UUID, which the trial-links projection cannot store.
    const eventId = randomUUID();
    const appended = await new PostgresEventStore(t.db.pool).append(
      `trial-${randomUUID()}`,
      [
        {
          eventId,
          type: 'TrialOpened',
          data: { trialId: 'not-a-uuid-4455667788', prosecutionId: randomUUID() },
          metadata: { actor: 'test' },
        },
      ],
      0,
    );
    poison = { position: appended.lastGlobalPosition, eventId };
    await t
      .api('operator')
      .post('/api/v1/hotline-calls')
      .send(hotlineCall({ callId: randomUUID() }))
      .expect(201);
    await waitUntilLogVisible(t.db.pool);
  });
  afterAll(async () => t.close());

  it('stops that projection visibly (FAILED, position, event, error) while the others advance, and readiness fails after the threshold', async () => {
    await tickUntil(async () => (await byName('trial-links')).state === 'failed');
    const failed = await byName('trial-links');
    expect(failed).toMatchObject({
      state: 'failed',
      failure: { globalPosition: poison.position, eventId: poison.eventId, eventType: 'TrialOpened', attempts: 3 },
    });
    expect(failed.failure?.message).toMatch(/^\[22P02\] error: invalid input syntax for type uuid/);
    expect(failed.failure?.message).not.toContain('not-a-uuid'); // the offending value stays out
    expect(failed.lagEvents).toBe(2); // the poison and the call after it
    // Another projection went on past it to the head of the log.
    expect(await byName('hotline-call-list')).toMatchObject({ state: 'running', lagEvents: 0, failure: null });
    // Which projection and why is for admins and auditors; others get a 403.
    await t.api('operator').get('/health/status').expect(403);
    await request(t.app.getHttpServer()).get('/health/status').expect(401);

    // Failing, but not yet for longer than READINESS_PROJECTION_FAILURE_SECONDS (1 s) …
    const since = Date.parse(
      (await t.api('admin').get('/health/status')).body.projections.find((p: { name: string }) => p.name === 'trial-links').failure.since,
    );
    if (Date.now() - since < 900) {
      const early = await request(t.app.getHttpServer()).get('/health/ready').expect(200);
      expect(early.body).toMatchObject({ status: 'ok', projections: { failing: 1, failingTooLong: 0 } });
    }
    await sleep(Math.max(0, since + 1100 - Date.now()));
    const ready = await request(t.app.getHttpServer()).get('/health/ready').expect(503);
    expect(ready.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(ready.body).toMatchObject({
      status: 503,
      code: 'not_ready',
      fields: [{ field: 'projections', reason: expect.stringMatching(/^1 proyección\(es\) fallando más de 1 s/) }],
    });
    // Liveness is another matter: the process answers; GET /health as before.
    await request(t.app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
    await request(t.app.getHttpServer()).get('/health').expect(200);

    const metrics = parsePrometheusTextFormat((await request(t.app.getHttpServer()).get('/metrics').expect(200)).text);
    const sample = (name: string) =>
      Number(metrics.find((f) => f.name === name)?.metrics.find((m) => m.labels?.projection === 'trial-links')?.value);
    expect(sample('registro_projection_errors_total')).toBe(3);
    expect(sample('registro_projection_failing')).toBe(2);
    expect(sample('registro_projection_lag_events')).toBe(2);

    const status = await cli('projections', 'status');
    expect(status.exit).toBe(0);
    expect(status.stdout).toContain(`trial-links: FALLIDA/FAILED`);
    expect(status.stdout).toContain(
      `fallo/failure: posición/position ${poison.position}, TrialOpened (evento/event ${poison.eventId}), 3 intentos/attempts`,
    );
    expect(status.stdout).toMatch(/hotline-call-list: en marcha\/running, .* retraso\/lag 0 eventos\/events/);
    expect(status.stdout).not.toContain('not-a-uuid');
  });

  it('retry clears the failed state (the event is tried again, from a fresh count)', async () => {
    const retried = await cli('projections', 'retry', 'trial-links');
    expect(retried.exit).toBe(0);
    expect(retried.stderr).toContain('fallo borrado');
    expect(await byName('trial-links')).toMatchObject({ state: 'running', failure: null });
    await t.project().catch(() => undefined);
    expect(await byName('trial-links')).toMatchObject({ state: 'retrying', failure: { globalPosition: poison.position, attempts: 1 } });

    // A rebuild stops on the poison too, and says what to do.
    const rebuilt = await cli('rebuild', '--projection', 'trial-links');
    expect(rebuilt.exit).toBe(1);
    expect(rebuilt.stderr).toContain(`la proyección trial-links falla en la posición ${poison.position} (TrialOpened)`);
    expect(rebuilt.stderr).toContain(`projections skip trial-links --position ${poison.position} --reason`);
    expect(rebuilt.stderr).not.toContain('not-a-uuid');
  });

  it('skip records who, when, where and why (listed by status and readiness), and the projection resumes past exactly that event', async () => {
    expect((await cli('projections', 'skip', 'trial-links', '--position', String(poison.position))).exit).toBe(2); // --reason required
    expect((await cli('projections', 'skip', 'nope', '--position', '1', '--reason', 'x')).exit).toBe(2);
    const skipped = await cli(
      'projections',
      'skip',
      'trial-links',
      '--position',
      String(poison.position),
      '--reason',
      'importación defectuosa',
    );
    expect(skipped.exit).toBe(0);
    expect(skipped.stderr).toContain(`omisión registrada / skip recorded: trial-links, posición/position ${poison.position} (TrialOpened)`);
    await t.project();
    const resumed = await byName('trial-links');
    expect(resumed).toMatchObject({ state: 'running', failure: null, lagEvents: 0 });
    expect(resumed.skips).toEqual([
      expect.objectContaining({
        position: poison.position,
        eventType: 'TrialOpened',
        reason: 'importación defectuosa',
        skippedBy: expect.stringMatching(/^cli:/),
      }),
    ]);
    const ready = await request(t.app.getHttpServer()).get('/health/ready').expect(200);
    expect(ready.body.projections).toMatchObject({ failing: 0, failingTooLong: 0, skips: 1 });
    expect((await cli('projections', 'status')).stdout).toMatch(
      /omitido\/skipped: posición\/position \d+, TrialOpened por\/by cli:\S+ el\/at .*: importación defectuosa/,
    );

    // The skip table is append-only, even for the serving role.
    await expect(t.db.pool.query('DELETE FROM projection_skips')).rejects.toThrow(/append-only/);

    // A rebuild honours the skip: it goes through the log without stopping on the poison.
    const rebuilt = await cli('rebuild', '--projection', 'trial-links');
    expect(rebuilt.exit).toBe(0);
    expect(await byName('trial-links')).toMatchObject({ state: 'running', lagEvents: 0, failure: null });
  });
});
