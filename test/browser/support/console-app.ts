import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../../../apps/api/src/create-app.js';
import { loadConfig, mintSignInCode, projectRoot, resolveAuthKeys, type Role } from '#platform';
import { testAnchorExport } from '../../support/anchors.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { signTestToken } from '../../support/tokens.js';

export const CONSOLE_DIR = join(projectRoot(), 'dist', 'console');

export interface ConsoleApp {
  app: INestApplication;
  db: TestDatabase;
  /** http://127.0.0.1:<port> — the console at `/`, the API under /api/v1, as `npm start` serves them. */
  url: string;
  /** An HTTP client of the API acting as `role`, to set up data the way another user would have. */
  api(role?: Role, departments?: readonly string[]): request.Agent;
  token(role: Role, departments?: readonly string[], subject?: string): string;
  /** A one-time sign-in link, exactly as `npm run cli -- login-url --role R --department DD` prints it. */
  signInLink(role: Role, departments?: readonly string[], subject?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The application exactly as `npm start` builds it (createApp: API, built console, security headers and CSP),
 * listening on a free loopback port, with the projections running in the background as in production, on a
 * fresh database of the test run's embedded PostgreSQL. The console must have been built (`npm run build:console`,
 * which `npm test` runs first).
 */
export async function startConsoleApp(env: Record<string, string> = {}): Promise<ConsoleApp> {
  if (!existsSync(join(CONSOLE_DIR, 'index.html'))) throw new Error('console not built: run npm run build:console');
  const db = await createTestDatabase();
  const secret = randomBytes(32).toString('base64url');
  const config = loadConfig(
    {
      SEED_DEMO: 'false',
      RUN_PROJECTIONS: 'true',
      MASTER_KEY: randomBytes(32).toString('base64'),
      AUTH_JWT_SECRET: secret,
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1000000',
      RATE_LIMIT_HEAVY_PER_MINUTE: '1000000',
      CONSOLE_DIR,
      INTEGRITY_ANCHOR_SECONDS: '0',
      ...testAnchorExport().env,
      ...env,
    },
    [],
  );
  const app = await createApp(config, db, false);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const token = (role: Role, departments: readonly string[] = [], subject?: string) =>
    signTestToken(secret, role, { departments, subject, expiresIn: 3600 });
  const keys = resolveAuthKeys(config.auth, config.dataDir);
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    db,
    url,
    async signInLink(role, departments = [], subject) {
      const { code } = await mintSignInCode(keys, { subject: subject ?? `browser-${role}`, role, departments, hours: 1 });
      return `${url}/sign-in#code=${code}`;
    },
    api: (role: Role = 'admin', departments: readonly string[] = []) =>
      request.agent(app.getHttpServer()).set('Authorization', `Bearer ${token(role, departments)}`),
    token,
    async close() {
      await app.close();
      await db.close();
    },
  };
}
