import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { OutboxRelay } from '#platform';
import { PostgresEventStore } from '#event-store';
import { captureIO } from '#test-support/capture-io.js';
import { createTestDatabase, waitUntilLogVisible, type TestDatabase } from '#test-support/database.js';
import { hotlineCall } from '#test-support/fixtures.js';
import { TestPublisher } from '#test-support/test-publisher.js';
import { EXIT } from '../cli-errors.js';
import { runCli } from '../main.js';

const SUMMARY = 'La llamante Rosa Mamani dice que su hija está en Laberinto';

/** `integration status | dead-letters | retry` on a real PostgreSQL, with a dead letter the relay itself made. */
describe('the integration commands of the CLI', () => {
  let db: TestDatabase;
  let env: NodeJS.ProcessEnv;
  let poison: { eventId: string; position: number };

  const cli = async (line: string, extra: NodeJS.ProcessEnv = {}, publisher?: TestPublisher) => {
    const { io, out } = captureIO();
    const exitCode = await runCli(line.split(' '), io, { ...env, ...extra }, publisher ? { publisher: () => publisher } : {});
    return { exitCode, stdout: out.stdout, stderr: out.stderr };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    env = { DATABASE_URL: db.url, MASTER_KEY: randomBytes(32).toString('base64'), AUTH_JWT_SECRET: randomBytes(32).toString('base64url') };
    const store = new PostgresEventStore(db.pool);
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const [i, eventId] of ids.entries()) {
      const callId = randomUUID();
      await store.append(
        `hotline-call-${callId}`,
        [{ eventId, type: 'HotlineCallReceived', data: { ...hotlineCall({ summary: SUMMARY }), callId } }],
        0,
      );
      if (i === 1) poison = { eventId, position: 0 };
    }
    await waitUntilLogVisible(db.pool);
    const rejecting = new TestPublisher();
    rejecting.rejected.add(poison.eventId);
    const relay = new OutboxRelay(db.pool, rejecting, { source: 'urn:registro-trata', batchSize: 10, maxAttempts: 1 });
    for (let i = 0; i < 10; i++) await relay.processBatch().catch(() => undefined);
    const { rows } = await db.pool.query('SELECT global_position FROM integration_dead_letters');
    poison.position = Number(rows[0].global_position);
  });
  afterAll(async () => db.close());

  it('status: the relay checkpoint, the log head, the lag and the unresolved dead letters', async () => {
    const { exitCode, stdout } = await cli('integration status');
    expect(exitCode).toBe(EXIT.ok);
    const head = Number((await db.pool.query('SELECT max(global_position) AS head FROM events')).rows[0].head);
    expect(stdout).toBe(
      `kafka: posición/position ${head}, cabeza del registro/log head ${head}, retraso/lag 0 eventos/events, ` +
        `2 publicados/published, 1 cartas muertas/dead letters, actualizado/updated ${stdout.match(/updated (\S+)\n/)?.[1]}\n`,
    );
  });

  it('dead-letters: relay, position, type, event id, attempts, error and time, without the event data', async () => {
    const { exitCode, stdout } = await cli('integration dead-letters');
    expect(exitCode).toBe(EXIT.ok);
    expect(stdout).toMatch(
      new RegExp(
        `^kafka: posición/position ${poison.position}, HotlineCallReceived \\(evento/event ${poison.eventId}\\), 1 intentos/attempts, ` +
          `\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z: MessageRejected: MESSAGE_TOO_LARGE\\n$`,
      ),
    );
    expect(stdout).not.toContain('Rosa');
  });

  it('retry without KAFKA_BROKERS: refused in one line saying what to set, the dead letter left as it was', async () => {
    const { exitCode, stderr } = await cli(`integration retry --position ${poison.position}`);
    expect(exitCode).toBe(EXIT.usage);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/KAFKA_BROKERS=/)]);
    expect((await db.pool.query('SELECT 1 FROM integration_dead_letters WHERE resolved_at IS NULL')).rowCount).toBe(1);
  });

  it('retry with a broker that fails: exit 1, still unresolved; an unknown position: exit 2', async () => {
    const down = new TestPublisher();
    down.unreachable = 1;
    expect((await cli(`integration retry --position ${poison.position}`, { KAFKA_BROKERS: '127.0.0.1:9' }, down)).exitCode).toBe(
      EXIT.failure,
    );
    expect(down.closed).toBe(true);
    expect((await db.pool.query('SELECT 1 FROM integration_dead_letters WHERE resolved_at IS NULL')).rowCount).toBe(1);
    const unknown = await cli(`integration retry --position ${poison.position + 1}`, { KAFKA_BROKERS: '127.0.0.1:9' }, new TestPublisher());
    expect(unknown.exitCode).toBe(EXIT.usage);
    expect(unknown.stderr).toContain(`no unresolved dead letter of kafka at position ${poison.position + 1}`);
  });

  it('retry: publishes that one event as the relay would, marks it resolved once, and the row can change no more', async () => {
    const publisher = new TestPublisher();
    const { exitCode, stderr } = await cli(`integration retry --position ${poison.position}`, { KAFKA_BROKERS: '127.0.0.1:9' }, publisher);
    expect(exitCode).toBe(EXIT.ok);
    expect(stderr).toContain('published and resolved');
    expect(publisher.ids()).toEqual([poison.eventId]);
    expect(publisher.acknowledged[0]).toMatchObject({
      topic: 'registro.hotline-calls',
      headers: { ce_type: 'pe.gob.registro-trata.HotlineCallReceived.v1' },
    });
    expect(JSON.parse(publisher.acknowledged[0].value)).toMatchObject({ id: poison.eventId, source: 'urn:registro-trata' });
    expect(publisher.acknowledged[0].value).not.toContain('Rosa');

    expect((await cli('integration dead-letters')).stdout).toBe('');
    expect((await cli('integration dead-letters --all')).stdout).toMatch(/, resuelta\/resolved \S+Z por\/by cli:\S+\n$/);
    expect((await cli('integration status')).stdout).toContain('0 cartas muertas/dead letters');
    const again = await cli(`integration retry --position ${poison.position}`, { KAFKA_BROKERS: '127.0.0.1:9' }, new TestPublisher());
    expect(again.exitCode).toBe(EXIT.usage);
    await expect(db.pool.query("UPDATE integration_dead_letters SET resolved_by = 'someone else'")).rejects.toThrow(/resolved, once/);
    await expect(db.pool.query("UPDATE integration_dead_letters SET error = 'rewritten'")).rejects.toThrow(/resolved, once/);
    await expect(db.pool.query('DELETE FROM integration_dead_letters')).rejects.toThrow(/never deleted/);
  });
});
