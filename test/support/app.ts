import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { createApp } from '../../apps/api/src/create-app.js';
import { ProjectionDaemon } from '../../libs/event-store/src/index.js';
import { loadConfig } from '../../libs/platform/src/index.js';
import { createTestDatabase, waitUntilLogVisible, type TestDatabase } from './database.js';

export interface TestApp {
  app: INestApplication;
  db: TestDatabase;
  /** Runs the projections until they have caught up with the log. */
  project(): Promise<void>;
  close(): Promise<void>;
}

/** The real HTTP application on a fresh database; projections run on demand so tests are deterministic. */
export async function createTestApp(): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig(
    { SEED_DEMO: 'false', RUN_PROJECTIONS: 'false', MASTER_KEY: randomBytes(32).toString('base64'), BODY_LIMIT_BYTES: '16384' },
    [],
  );
  const app = await createApp(config, db.url, false);
  await app.init();
  return {
    app,
    db,
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
