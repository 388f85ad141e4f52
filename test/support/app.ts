import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { randomBytes } from 'node:crypto';
import { createApp, createLogger } from '../../apps/api/src/create-app.js';
import type { LogOutput, RegistryLogger } from '../../apps/api/src/http/logging.js';
import { ProjectionDaemon } from '#event-store';
import { loadConfig, type Role } from '#platform';
import { createTestDatabase, waitUntilLogVisible, type TestDatabase } from './database.js';
import { signTestToken, type TestTokenOptions } from './tokens.js';
import { testAnchorExport } from './anchors.js';

export interface TestApp {
  app: INestApplication;
  db: TestDatabase;
  /** Runs the projections until they have caught up with the log. */
  project(): Promise<void>;
  /** An HTTP client acting as `role` (national scope unless departments are given): every request carries its token. */
  api(role?: Role, departments?: readonly string[]): request.Agent;
  /** A token as `api` sends it, with options (expired, other subject, odd claims) for the authentication tests. */
  token(role: Role | string, options?: TestTokenOptions): string;
  /** The HS256 secret the app verifies tokens with (sign-in links, CLI runs against this app). */
  secret: string;
  /** The app's logger when it was given somewhere to log (`logs`). */
  logger?: RegistryLogger;
  close(): Promise<void>;
}

/**
 * The real HTTP application on a fresh database; projections run on demand so tests are deterministic. Silent,
 * unless `logs` is given: then it logs there as `npm start` does (LOG_LEVEL, LOG_FORMAT from `env`).
 * nestjs-pino keeps the first logger of the process (of a spec file, under Jest): one logging app per spec file.
 */
export async function createTestApp(env: Record<string, string> = {}, logs?: LogOutput): Promise<TestApp> {
  const db = await createTestDatabase();
  // A secret of the test's own, so the tests never read or write the developer's .data/jwt-secret.
  const secret = randomBytes(32).toString('base64url');
  const config = loadConfig(
    {
      SEED_DEMO: 'false',
      RUN_PROJECTIONS: 'false',
      MASTER_KEY: randomBytes(32).toString('base64'),
      BODY_LIMIT_BYTES: '16384',
      // Suites send hundreds of requests a minute with one token; the limit itself is tested with a small one.
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1000000',
      RATE_LIMIT_HEAVY_PER_MINUTE: '1000000',
      // The anchor key and the exported anchors in a folder of the test's own, never the developer's .data.
      ...testAnchorExport().env,
      ...(env.AUTH_JWKS_URL ? {} : { AUTH_JWT_SECRET: secret }),
      ...env,
    },
    [],
  );
  const logger = logs ? createLogger(config, logs) : undefined;
  const app = await createApp(config, db, logger ?? false);
  await app.init();
  return {
    app,
    db,
    api(role: Role = 'admin', departments: readonly string[] = []) {
      return request.agent(app.getHttpServer()).set('Authorization', `Bearer ${signTestToken(secret, role, { departments })}`);
    },
    token: (role, options) => signTestToken(secret, role, options),
    secret: env.AUTH_JWT_SECRET ?? secret,
    logger,
    async project() {
      await waitUntilLogVisible(db.pool);
      await app.get(ProjectionDaemon).tick();
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}
