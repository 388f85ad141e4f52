import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import {
  CATALOGS,
  loadConfig,
  mintToken,
  PG_POOL,
  resolveAuthKeys,
  startEmbeddedDatabase,
  type AppConfig,
  type EmbeddedDatabase,
  type ReferenceCatalogs,
} from '#platform';
import { loadDemoDataIfEmpty } from '../../../seeds/demo/load-demo-data.js';
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
  if (!config.databaseUrl) {
    embedded = await startEmbeddedDatabase(config.dataDir, config.embeddedPostgresPort, (m) => logger.log(m));
    logger.log(`embedded PostgreSQL running on 127.0.0.1:${config.embeddedPostgresPort}, data in ${config.dataDir}`);
  }
  const database = config.databaseUrl
    ? { url: config.databaseUrl, ownerUrl: config.migrationDatabaseUrl ?? config.databaseUrl }
    : { url: embedded!.url, ownerUrl: embedded!.ownerUrl };
  const app = await createApp(config, database, logs);
  const stopEmbedded = async () => {
    // Ctrl-C reaches the embedded server too (same process group) and it shuts itself down cleanly; stopping
    // it again must not turn a clean exit into an error.
    await embedded?.stop().catch(() => undefined);
    embedded = null;
  };
  process.once('beforeExit', () => void stopEmbedded());
  const shutdown = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.log(`${signal} received: stopping the server and the database`);
      shutdown.abort(new Error(`${signal} received`));
      void app
        .close()
        .then(stopEmbedded)
        .then(
          () => {
            logger.log('stopped');
            process.exit(0);
          },
          (error: unknown) => {
            logger.error(`shutdown failed: ${String(error)}`);
            process.exit(1);
          },
        );
    });
  }
  await app.listen(config.port, config.host);
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
  return mintToken(resolveAuthKeys(config.auth, config.dataDir), { subject: 'demo-loader', role: 'admin', departments: [], hours: 1 });
}

/** How this process reaches its own server: loopback when it listens on every interface (0.0.0.0 is no destination). */
function selfUrl(address: AddressInfo): string {
  const wildcard = address.address === '0.0.0.0' || address.address === '::';
  const host = wildcard ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

main().catch((error: unknown) => {
  new Logger('Registro').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
