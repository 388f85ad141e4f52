import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadConfig, startEmbeddedDatabase } from '#platform';
import { createApp } from '../create-app.js';
import { errorsMarkdown } from '../http/problem-details.js';
import { CONTRACT_FILES, contractFiles, ERRORS_FILE, README_FILE, readmeWithRolesTable } from './console-contract.js';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer()
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      })
      .on('error', reject);
  });

/**
 * `npm run openapi`: the document needs a running app, and the app a database: a throw-away embedded PostgreSQL
 * in a temporary directory, with throw-away keys. Writes the console's openapi.json and schema.d.ts, and the
 * README's "Roles" table (from the routes' @Access declarations), and docs/errors.md (every error code).
 */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'registro-openapi-'));
  const port = await freePort();
  const embedded = await startEmbeddedDatabase(dataDir, port, () => undefined);
  try {
    const config = loadConfig(
      {
        DATA_DIR: dataDir,
        SEED_DEMO: 'false',
        RUN_PROJECTIONS: 'false',
        LOG_LEVEL: 'error',
        AUTH_JWT_SECRET: randomBytes(32).toString('base64url'),
        MASTER_KEY: randomBytes(32).toString('base64'),
      },
      [],
    );
    const app = await createApp(config, embedded, false);
    await app.listen(0, '127.0.0.1');
    try {
      const { port: apiPort } = app.getHttpServer().address() as AddressInfo;
      const document = (await (await fetch(`http://127.0.0.1:${apiPort}/docs-json`)).json()) as object;
      const files = await contractFiles(document);
      mkdirSync(dirname(CONTRACT_FILES.json), { recursive: true });
      writeFileSync(CONTRACT_FILES.json, files.json);
      writeFileSync(CONTRACT_FILES.types, files.types);
      writeFileSync(README_FILE, readmeWithRolesTable(readFileSync(README_FILE, 'utf8'), document));
      writeFileSync(ERRORS_FILE, errorsMarkdown());
      process.stderr.write(
        `escrito / written: ${CONTRACT_FILES.json}, ${CONTRACT_FILES.types}, ${README_FILE} (### Roles), ${ERRORS_FILE}\n`,
      );
    } finally {
      await app.close();
    }
  } finally {
    await embedded.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`npm run openapi: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
