import type { LoggerService } from '@nestjs/common';
import type pg from 'pg';
import { performance } from 'node:perf_hooks';
import type { HotlineCallCommand, UbigeoCatalog } from '../../libs/domain/src/index.js';
import { DEMO_YEAR, generateHotlineDemo } from './hotline-demo.js';

const CONCURRENCY = 8;

export interface DemoTarget {
  pool: pg.Pool;
  ubigeo: UbigeoCatalog;
  /** Executes one command through the application's command bus; returns how many events it appended. */
  execute(command: HotlineCallCommand, idempotencyKey: string): Promise<number>;
}

/**
 * Loads the demo year into a registry that holds no real data, through the command bus the API uses
 * (validation, decider, append), never by inserting rows. Ids and idempotency keys are deterministic, so an
 * interrupted load simply runs again: what is already there is recognised as a retry.
 */
export async function loadDemoDataIfEmpty(target: DemoTarget, logger: LoggerService): Promise<void> {
  const { rows } = await target.pool.query<{ real: boolean; demo: string }>(
    `SELECT EXISTS (SELECT 1 FROM events WHERE metadata->>'actor' IS DISTINCT FROM 'demo-generator') AS real,
            (SELECT count(*) FROM events WHERE metadata->>'actor' = 'demo-generator') AS demo`,
  );
  if (rows[0].real) {
    logger.log('the registry already holds real data: demo data not loaded');
    return;
  }
  const journeys = generateHotlineDemo(target.ubigeo, new Date().toISOString());
  const commands = journeys.reduce((n, j) => n + j.commands.length, 0);
  if (Number(rows[0].demo) >= commands) return; // every demo command leaves exactly one event
  logger.log(`loading the demo year ${DEMO_YEAR}: ${journeys.length} hotline calls (skip with --no-demo or SEED_DEMO=false)`);
  const started = performance.now();
  let done = 0;
  let appended = 0;
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < journeys.length; i = next++) {
      for (const command of journeys[i].commands) {
        const added = await target.execute(command, `demo-${command.type}`); // not `appended += await …`: workers interleave
        appended += added;
      }
      if (++done % 1000 === 0) logger.log(`demo: ${done}/${journeys.length} calls`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  logger.log(`demo loaded: ${journeys.length} calls, ${appended} events appended in ${seconds.toFixed(1)} s`);
}
