import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { ProjectionDaemon } from '#event-store';
import { PROJECTIONS } from '#read-models';
import { ConfigError, exitAfterFailedStart, ensurePortFree, loadConfig, PG_POOL, portTaken, RegistryMetrics } from '#platform';
import { createLogger } from '../../api/src/http/logging.js';
import { createProbeServer } from './probe-server.js';
import { ProjectorModule } from './projector.module.js';

/**
 * `node dist/apps/projector/src/main.js`: the distributed shape's background process — the projections, the
 * integration relay (KAFKA_BROKERS) and the referral webhooks — against the PostgreSQL of DATABASE_URL. Start as many
 * as you like: one is active per projection (PostgreSQL advisory locks), the others wait as hot standbys and take
 * over within a poll (200 ms) of the active one's connection going away. Serves only its probes and metrics on
 * PROJECTOR_PORT. (`npm start` needs none of this: its one process runs the projections itself.)
 */
async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const logs = createLogger(config);
  Logger.overrideLogger(logs);
  const logger = new Logger('Projector');
  if (!config.databaseUrl) {
    throw new ConfigError(
      'the projector needs DATABASE_URL (the PostgreSQL the api replicas use); `npm start` runs the projections in its own process instead',
    );
  }
  await ensurePortFree(config.projectorPort, config.host, 'PROJECTOR_PORT');
  const database = { url: config.databaseUrl, ownerUrl: config.migrationDatabaseUrl ?? config.databaseUrl };
  const app = await NestFactory.createApplicationContext(ProjectorModule.register(config, database), { logger: logs, abortOnError: false });
  await app.init();
  const daemon = app.get(ProjectionDaemon);
  const server = createProbeServer({
    config,
    pool: app.get<pg.Pool>(PG_POOL),
    daemon,
    metrics: app.get(RegistryMetrics),
    projections: PROJECTIONS.map((p) => p.name),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? portTaken(config.projectorPort, config.host, 'PROJECTOR_PORT') : error),
    );
    server.listen(config.projectorPort, config.host, resolve);
  }).catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  onSignals(server, () => app.close(), config.shutdownTimeoutMs, logger);
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  logger.log(
    `ready in ${((performance.now() - started) / 1000).toFixed(1)} s: ${PROJECTIONS.length} projections` +
      `${config.kafkaBrokers ? ', integration relay' : ''}${config.referralWebhooks.length ? ', referral webhooks' : ''}; ` +
      `probes http://${host}:${config.projectorPort}/health/ready, metrics /metrics`,
  );
}

/**
 * SIGTERM/SIGINT: stop answering probes, stop the projections at a batch boundary (their checkpoints are the last
 * committed batch's), the relay and the webhook sender, close the pool; within SHUTDOWN_TIMEOUT_MS, else exit 1.
 * Another projector takes over the released locks at its next poll.
 */
function onSignals(server: Server, close: () => Promise<void>, timeoutMs: number, logger: Logger): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: stopping the projections at a batch boundary, then the pool`);
    const bound = setTimeout(() => {
      logger.error(`shutdown took longer than ${timeoutMs} ms (SHUTDOWN_TIMEOUT_MS): exiting now`);
      process.exit(1);
    }, timeoutMs);
    server.close();
    server.closeAllConnections();
    close().then(
      () => {
        clearTimeout(bound);
        logger.log('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

// Every failed start ends with one line that says what to do, and a non-zero exit code.
main().catch((error: unknown) =>
  exitAfterFailedStart(error, new Logger('Projector'), 'no se pudo iniciar el proyector / projector start-up failed'),
);
