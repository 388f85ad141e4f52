import { afterAll, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore } from '#event-store';
import { EXIT } from '../../apps/cli/src/cli-errors.js';
import { runCli } from '../../apps/cli/src/main.js';
import { testAnchorExport } from '../support/anchors.js';
import { captureIO } from '../support/capture-io.js';
import { createTestDatabase, waitUntilLogVisible } from '../support/database.js';

/** A port nothing listens on, for the new server. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const dir = mkdtempSync(join(tmpdir(), 'registro-restore-new-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A new PostgreSQL server's transaction counter starts far behind the one backed up: restored events keep their
 * transaction ids, so the restore must move the counter past them or no reader would ever see the log.
 */
it('restores into a new embedded server (its own DATA_DIR), whose log the projections and verify then read', async () => {
  const db = await createTestDatabase(2);
  const anchors = testAnchorExport();
  const file = join(dir, 'registro.jsonl');
  try {
    const store = new PostgresEventStore(db.pool);
    for (let i = 0; i < 3; i++)
      await store.append(`s-${randomUUID()}`, [{ eventId: randomUUID(), type: 'Something', data: { i }, metadata: {} }], 0);
    await waitUntilLogVisible(db.pool);
    const source = {
      DATABASE_URL: db.url,
      MASTER_KEY: randomBytes(32).toString('base64'),
      AUTH_JWT_SECRET: randomBytes(32).toString('base64'),
      ...anchors.env,
    };
    expect(await runCli(['backup', '--out', file], captureIO().io, source)).toBe(EXIT.ok);

    const embedded = { DATA_DIR: join(dir, 'data'), EMBEDDED_PG_PORT: String(await freePort()), ...anchors.env };
    const restore = captureIO();
    expect(await runCli(['restore', '--in', file], restore.io, embedded)).toBe(EXIT.ok);
    expect(restore.stderr()).toContain('creating the embedded PostgreSQL');
    expect(restore.stderr()).toMatch(/advancing the transaction counter from \d+ to \d+/);
    // Every projection saw the three restored events (of a type none of them knows).
    expect(restore.stdout()).toMatch(/official-statistics: 3 eventos\/events/);

    const verify = captureIO();
    expect(await runCli(['verify'], verify.io, embedded)).toBe(EXIT.ok);
    expect(verify.stdout()).toContain('hash chains intact: 3 flujos/streams, 3 eventos/events');
  } finally {
    await db.close();
  }
}, 120_000);
