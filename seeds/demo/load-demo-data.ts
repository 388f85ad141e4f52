import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type pg from 'pg';
import { performance } from 'node:perf_hooks';
import { CATALOGS, PG_POOL, type ReferenceCatalogs } from '../../libs/platform/src/index.js';
import { ExecuteHotlineCallCommand } from '../../apps/api/src/hotline-calls/execute-hotline-call-command.js';
import { DEMO_YEAR, generateHotlineDemo } from './hotline-demo.js';

const CONCURRENCY = 8;

/**
 * Loads the demo year into an empty registry through the command bus, the path the API uses (validation,
 * decider, append), never by inserting rows. Ids are deterministic, so an interrupted load can simply be run
 * again: calls already there are recognised as retries.
 */
export async function loadDemoDataIfEmpty(app: INestApplicationContext, logger: LoggerService): Promise<void> {
  const pool = app.get<pg.Pool>(PG_POOL);
  const { rows } = await pool.query<{ present: boolean }>("SELECT EXISTS (SELECT 1 FROM events WHERE metadata->>'actor' <> 'demo-generator') AS present");
  const { rows: demo } = await pool.query<{ n: string }>("SELECT count(*) AS n FROM events WHERE metadata->>'actor' = 'demo-generator'");
  if (rows[0].present) {
    logger.log('the registry already holds real data: demo data not loaded');
    return;
  }
  const journeys = generateHotlineDemo(app.get<ReferenceCatalogs>(CATALOGS).ubigeo, new Date().toISOString());
  const expected = journeys.reduce((n, j) => n + j.commands.length, 0);
  if (Number(demo[0].n) >= expected) return;
  logger.log(`loading the demo year ${DEMO_YEAR}: ${journeys.length} hotline calls (run with --no-demo or SEED_DEMO=false to skip)`);
  const commandBus = app.get(CommandBus);
  const started = performance.now();
  let done = 0;
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < journeys.length; i = next++) {
      for (const command of journeys[i].commands) {
        await commandBus.execute(new ExecuteHotlineCallCommand(command, { idempotencyKey: `demo-${command.type}` }));
      }
      if (++done % 1000 === 0) logger.log(`demo: ${done}/${journeys.length} calls`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  logger.log(`demo loaded: ${journeys.length} calls, ${expected} events in ${seconds.toFixed(1)} s`);
}
