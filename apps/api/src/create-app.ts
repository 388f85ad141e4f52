import { RequestMethod, VersioningType, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { AccessTable } from './auth/access.js';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { AppConfig, DatabaseUrls } from '#platform';
import { AppModule } from './app.module.js';
import { consoleStatic } from './http/console-static.js';
import { createLogger, type RegistryLogger } from './http/logging.js';
import { createValidationPipe } from './http/validation.pipe.js';
import { createDocument } from './openapi/document.js';

export { createLogger, RegistryLogger } from './http/logging.js';

/**
 * The HTTP application, configured identically for `npm start` and the end-to-end tests: migrated as the owner
 * (`database.ownerUrl`), served as the restricted role (`database.url`). `logger: false` keeps it silent.
 */
export async function createApp(config: AppConfig, database: DatabaseUrls, logger?: RegistryLogger | false): Promise<INestApplication> {
  const logs = logger === false ? createLogger(config, 'silent') : (logger ?? createLogger(config));
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, database, logs), {
    logger: logs,
    bodyParser: false,
    // A provider that fails (migrations, a missing keyring) is thrown to the caller, which stops the embedded
    // database and says what to do (main.ts), instead of Nest's own process.exit(1).
    abortOnError: false,
  });
  // Nest's own lines and every `new Logger(...)` of the code go through pino, inside a request with its id.
  app.useLogger(app.get(Logger));
  // Security headers (HSTS, no sniffing, frame denial, a same-origin CSP that the docs UI also satisfies). No
  // upgrade-insecure-requests: TLS ends at the proxy in front, and locally the docs are served over plain HTTP.
  // The console talks to this origin only, and in OIDC mode to the identity provider (discovery, token endpoint).
  const connectSrc = ["'self'", ...(config.oidc ? [new URL(config.oidc.authority).origin] : [])];
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null, connectSrc } } }));
  // The web console, same origin, under the same headers; before Nest's routes, so its files need no token.
  app.use(consoleStatic(config.consoleDir));
  // API answers may hold personal data (once a purpose is stated) and are per token: no browser or proxy keeps them.
  app.use('/api', (_request: unknown, response: { setHeader(name: string, value: string): void }, next: () => void) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.useBodyParser('json', { limit: config.bodyLimitBytes });
  // Probes and the scraper at the root, outside the versioned API.
  app.setGlobalPrefix('api', {
    exclude: ['health', 'health/live', 'health/ready', 'health/status', 'metrics'].map((path) => ({ path, method: RequestMethod.GET })),
  });
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(createValidationPipe());
  app.disable('x-powered-by');
  // The client address (req.ip) the per-address rate limit counts: the socket's, or the proxies' X-Forwarded-For.
  app.set('trust proxy', config.trustProxy);
  app.set('etag', false); // ETags are record versions, set by the controllers
  const document = createDocument(app);
  // GET /me lists what a role may call from the same @Access declarations the document carries.
  app.get(AccessTable).load(document as unknown as { paths: Record<string, Record<string, unknown>> });
  SwaggerModule.setup('docs', app, document);
  return app;
}
