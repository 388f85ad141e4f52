import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintSignInCode, mintToken, projectRoot, type DatabaseUrls, type Role } from '#platform';

export interface AppProcess {
  baseUrl: string;
  /** `Bearer <token>` of an administrator, for every request to /api/v1. */
  authorization: string;
  /** A one-time console sign-in link, as `npm run cli -- login-url` prints it. */
  signInLink(role: Role): Promise<string>;
  rssBytes(): number;
  stop(): Promise<void>;
}

/**
 * The built API (`dist/`) as its own process, as in production, so the load generator does not share its event loop:
 * serving as the restricted role, migrating as the owner; its anchor key and exports in a throw-away folder.
 */
export async function startApp(database: DatabaseUrls, env: Record<string, string> = {}): Promise<AppProcess> {
  const port = await freePort();
  const secret = randomBytes(32).toString('base64url');
  const anchors = mkdtempSync(join(tmpdir(), 'registro-bench-anchors-'));
  const child: ChildProcess = spawn(process.execPath, [join(projectRoot(), 'dist/apps/api/src/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      MIGRATION_DATABASE_URL: database.ownerUrl,
      ANCHOR_SIGNING_KEY_FILE: join(anchors, 'anchor-signing-key.pem'),
      ANCHOR_EXPORT_FILE: join(anchors, 'integrity-anchors.jsonl'),
      PORT: String(port),
      MASTER_KEY: randomBytes(32).toString('base64'),
      SEED_DEMO: 'false',
      RUN_PROJECTIONS: 'false',
      AUTH_JWT_SECRET: secret,
      RATE_LIMIT_PER_MINUTE: '0',
      // A run may outlast the default 8-hour token cap: this private server accepts its one 24-hour token.
      TOKEN_MAX_HOURS: '24',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 300) throw new Error('the API did not become ready in 30 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const keys = { kind: 'secret' as const, secret: new TextEncoder().encode(secret), issuer: null, audience: null, maxHours: 24 };
  const token = await mintToken(keys, { subject: 'bench', role: 'admin', departments: [], hours: 24 });
  return {
    baseUrl,
    authorization: `Bearer ${token}`,
    async signInLink(role) {
      const { code } = await mintSignInCode(keys, { subject: `bench-${role}`, role, departments: [], hours: 1 });
      return `${baseUrl}/sign-in#code=${code}`;
    },
    rssBytes() {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      return match ? Number(match[1]) * 1024 : 0;
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
