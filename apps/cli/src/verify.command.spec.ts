import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PostgresEventStore, type NewEvent } from '#event-store';
import { createTestDatabase, waitUntilLogVisible, type TestDatabase } from '#test-support/database.js';
import { EXIT } from './cli-errors.js';
import { runCli } from './main.js';
import { testAnchorExport } from '#test-support/anchors.js';
import { rewriteStreamAsOwner } from '#test-support/tamper.js';
import { captureIO } from '#test-support/capture-io.js';

const event = (n: number): NewEvent => ({ eventId: randomUUID(), type: 'Something', data: { n }, metadata: { actor: 'test' } });

/** `verify` walks the chains, checks the anchors, and anchors the log it has found intact. */
describe('npm run cli -- verify, with anchors', () => {
  let db: TestDatabase;
  let env: NodeJS.ProcessEnv;
  const streams = [`s-${randomUUID()}`, `s-${randomUUID()}`, `s-${randomUUID()}`];
  const anchors = testAnchorExport();

  const verify = async () => {
    const cli = captureIO();
    const exitCode = await runCli(['verify'], cli.io, env);
    return { exitCode, text: cli.stdout() };
  };
  const tamper = async (sql: string, params: unknown[]) => {
    await db.pool.query('ALTER TABLE events DISABLE TRIGGER events_no_update_delete');
    await db.pool.query(sql, params).finally(() => db.pool.query('ALTER TABLE events ENABLE TRIGGER events_no_update_delete'));
  };

  beforeAll(async () => {
    db = await createTestDatabase(4);
    env = {
      DATABASE_URL: db.url,
      MASTER_KEY: randomBytes(32).toString('base64'),
      AUTH_JWT_SECRET: randomBytes(32).toString('base64'),
      ...anchors.env,
    };
    const store = new PostgresEventStore(db.pool);
    for (const [i, stream] of streams.entries()) await store.append(stream, [event(1), event(2), event(3)].slice(0, i + 1), 0);
    await waitUntilLogVisible(db.pool);
  });
  afterAll(async () => db.close());

  it('anchors an intact log after checking it, and not again while it has not moved', async () => {
    const first = await verify();
    expect(first.exitCode).toBe(EXIT.ok);
    expect(first.text).toContain('hash chains intact: 3 flujos/streams, 6 eventos/events');
    expect(first.text).toContain('anchors intact: 0');
    expect(first.text).toMatch(
      /anchor 1: posición global \/ global position 6, 3 flujos\/streams, 6 eventos\/events, heads_hash [0-9a-f]{64}/,
    );
    const second = await verify();
    expect(second.text).toContain('anchors intact: 1 (1 recalculados/recomputed)');
    expect(second.text).toContain('anchor 1:');
    expect((await db.pool.query('SELECT count(*)::int AS n FROM integrity_anchors')).rows[0].n).toBe(1);
  });

  it('detects and names a stream whose last event was deleted after the anchor (exit code 3)', async () => {
    await tamper('DELETE FROM events WHERE stream_id = $1 AND stream_position = 3', [streams[2]]);
    const { exitCode, text } = await verify();
    expect(exitCode).toBe(EXIT.integrity);
    expect(text).toContain('hash chains intact');
    expect(text).toContain('INTEGRITY FAILURE: el anclaje 1 ya no coincide / anchor 1 no longer matches');
    expect(text).toMatch(new RegExp(`flujo / stream: +${streams[2]}`));
    expect(text).toContain('anchored head: 3; ahora / now: 2');
    expect(text).toMatch(/motivo \/ reason: +head_missing/);
    // A failed check anchors nothing: the truncated log is not made to look right.
    expect((await db.pool.query('SELECT count(*)::int AS n FROM integrity_anchors')).rows[0].n).toBe(1);
  });

  it('detects one changed byte of a hash (exit code 3)', async () => {
    await tamper(
      `UPDATE events SET hash = overlay(hash placing (CASE WHEN substr(hash, 1, 1) = 'a' THEN 'b' ELSE 'a' END) from 1 for 1)
      WHERE stream_id = $1 AND stream_position = 1`,
      [streams[1]],
    );
    const { exitCode, text } = await verify();
    expect(exitCode).toBe(EXIT.integrity);
    expect(text).toContain(streams[1]);
    expect(text).toMatch(/motivo \/ reason: +hash_mismatch/);
  });
});

/** `verify` checks the database against the signed anchors exported outside it (ANCHOR_EXPORT_FILE, or --anchors). */
describe('npm run cli -- verify, against the exported anchors', () => {
  let db: TestDatabase;
  let env: NodeJS.ProcessEnv;
  const streams = [`s-${randomUUID()}`, `s-${randomUUID()}`];
  const anchors = testAnchorExport();

  const verify = async (...options: string[]) => {
    const cli = captureIO();
    const exitCode = await runCli(['verify', ...options], cli.io, env);
    return { exitCode, text: cli.stdout() };
  };

  beforeAll(async () => {
    db = await createTestDatabase(4);
    env = {
      DATABASE_URL: db.url,
      MASTER_KEY: randomBytes(32).toString('base64'),
      AUTH_JWT_SECRET: randomBytes(32).toString('base64'),
      ...anchors.env,
    };
    const store = new PostgresEventStore(db.pool);
    for (const stream of streams) await store.append(stream, [event(1), event(2)], 0);
    await waitUntilLogVisible(db.pool);
  });
  afterAll(async () => db.close());

  it('exports the anchor it takes, then finds the database matching it', async () => {
    expect((await verify()).text).toContain(`sin anclajes exportados en / no exported anchors in ${anchors.env.ANCHOR_EXPORT_FILE}`);
    const { exitCode, text } = await verify();
    expect(exitCode).toBe(EXIT.ok);
    expect(text).toMatch(/anclajes exportados coinciden \/ exported anchors match: 1 \(último\/last 1, clave\/key [0-9a-f]{16}\)/);
    expect(readFileSync(anchors.env.ANCHOR_EXPORT_FILE, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('names the anchor that differs from the exported one after a rewrite by the owner (exit code 3), from a copy given by --anchors', async () => {
    const copy = join(anchors.dir, 'copia-externa.jsonl');
    copyFileSync(anchors.env.ANCHOR_EXPORT_FILE, copy);
    writeFileSync(anchors.env.ANCHOR_EXPORT_FILE, ''); // the default export lost: only the copy kept elsewhere remains
    await rewriteStreamAsOwner(db.pool, streams[1], (data) => ({ ...data, n: 42 }));
    const withoutCopy = await verify();
    expect(withoutCopy.exitCode).toBe(EXIT.ok); // the rewrite is complete: nothing inside the database tells
    expect(withoutCopy.text).toContain('hash chains intact: 2 flujos/streams, 4 eventos/events');
    const { exitCode, text } = await verify('--anchors', copy);
    expect(exitCode).toBe(EXIT.integrity);
    expect(text).toContain('the database does not match the exported anchors');
    expect(text).toContain(`archivo / file:           ${copy}, línea / line 1`);
    expect(text).toMatch(/anclaje \/ anchor: +1\n/);
    expect(text).toMatch(/campos \/ fields: +headsHash/);
    expect(text).toMatch(/motivo \/ reason: +anchor_differs: el anclaje de la base difiere del exportado/);
  });
});
