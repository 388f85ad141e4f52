import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { CommandBus } from '@nestjs/cqrs';
import {
  CATALOGS,
  loadConfig,
  PG_POOL,
  startEmbeddedDatabase,
  type EmbeddedDatabase,
  type ReferenceCatalogs,
} from '../../../libs/platform/src/index.js';
import { loadDemoDataIfEmpty } from '../../../seeds/demo/load-demo-data.js';
import { createApp, createLogger } from './create-app.js';
import { ExecuteHotlineCallCommand } from './hotline-calls/execute-hotline-call-command.js';

/**
 * `npm start`: with no configuration, a real PostgreSQL under ./.data, migrations, the demo year on first start,
 * and the API on port 3000. DATABASE_URL points it at an external PostgreSQL instead.
 */
async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  Logger.overrideLogger(createLogger(config));
  const logger = new Logger('Registro');
  let embedded: EmbeddedDatabase | null = null;
  if (!config.databaseUrl) {
    embedded = await startEmbeddedDatabase(config.dataDir, config.embeddedPostgresPort, (m) => logger.log(m));
    logger.log(`embedded PostgreSQL running on 127.0.0.1:${config.embeddedPostgresPort}, data in ${config.dataDir}`);
  }
  const app = await createApp(config, config.databaseUrl ?? embedded!.url, createLogger(config));
  const stopEmbedded = async () => {
    // Ctrl-C reaches the embedded server too (same process group) and it shuts itself down cleanly; stopping
    // it again must not turn a clean exit into an error.
    await embedded?.stop().catch(() => undefined);
    embedded = null;
  };
  process.once('beforeExit', () => void stopEmbedded());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.log(`${signal} received: stopping the server and the database`);
      void app.close().then(stopEmbedded).then(() => {
        logger.log('stopped');
        process.exit(0);
      }, (error: unknown) => {
        logger.error(`shutdown failed: ${String(error)}`);
        process.exit(1);
      });
    });
  }
  await app.init();
  if (config.seedDemo) {
    const commandBus = app.get(CommandBus);
    await loadDemoDataIfEmpty({
      pool: app.get(PG_POOL),
      ubigeo: app.get<ReferenceCatalogs>(CATALOGS).ubigeo,
      execute: async (command, idempotencyKey) =>
        (await commandBus.execute(new ExecuteHotlineCallCommand(command, { idempotencyKey }))).appended,
    }, logger);
  }
  await app.listen(config.port, config.host);
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  logger.log(`ready in ${((performance.now() - started) / 1000).toFixed(1)} s: API ${url}/api/v1, docs ${url}/docs, health ${url}/health`);
}

main().catch((error: unknown) => {
  new Logger('Registro').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
