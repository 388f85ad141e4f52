import { ConsoleLogger, RequestMethod, VersioningType, type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AccessTable } from './auth/access.js';
import helmet from 'helmet';
import type { AppConfig, DatabaseUrls } from '#platform';
import { AppModule } from './app.module.js';
import { consoleStatic } from './http/console-static.js';
import { createValidationPipe } from './http/validation.pipe.js';

const LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  debug: ['debug', 'log', 'warn', 'error', 'fatal'],
  info: ['log', 'warn', 'error', 'fatal'],
  warn: ['warn', 'error', 'fatal'],
  error: ['error', 'fatal'],
};

/** Structured (JSON) logs, one object per line, at the configured level. */
export function createLogger(config: AppConfig): ConsoleLogger {
  return new ConsoleLogger({ json: true, logLevels: LEVELS[config.logLevel] });
}

/**
 * The HTTP application, configured identically for `npm start` and the end-to-end tests: migrated as the owner
 * (`database.ownerUrl`), served as the restricted role (`database.url`).
 */
export async function createApp(config: AppConfig, database: DatabaseUrls, logger?: ConsoleLogger | false): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, database), {
    logger: logger ?? createLogger(config),
    bodyParser: false,
    // A provider that fails (migrations, a missing keyring) is thrown to the caller, which stops the embedded
    // database and says what to do (main.ts), instead of Nest's own process.exit(1).
    abortOnError: false,
  });
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
  app.setGlobalPrefix('api', { exclude: [{ path: 'health', method: RequestMethod.GET }] });
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(createValidationPipe());
  app.disable('x-powered-by');
  // The client address (req.ip) the per-address rate limit counts: the socket's, or the proxies' X-Forwarded-For.
  app.set('trust proxy', config.trustProxy);
  app.set('etag', false); // ETags are record versions, set by the controllers
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Registro de Trata')
      .setDescription('Registro de casos y derivaciones contra la trata de personas / Case and referral registry against human trafficking')
      .setVersion('1')
      .build(),
  );
  // GET /me lists what a role may call from the same @Access declarations the document carries.
  app.get(AccessTable).load(document as unknown as { paths: Record<string, Record<string, unknown>> });
  SwaggerModule.setup('docs', app, document);
  return app;
}
