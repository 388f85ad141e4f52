import { isAbsolute, join } from 'node:path';
import { projectRoot } from './project-root.js';

/** Everything configurable, read once from the environment and validated. Nothing else reads process.env. */
export interface AppConfig {
  port: number;
  host: string;
  /** External PostgreSQL; when absent the embedded one under dataDir is started. */
  databaseUrl: string | null;
  dataDir: string;
  embeddedPostgresPort: number;
  /** Load the demo year on the first start of an empty registry. */
  seedDemo: boolean;
  /** Run the projections in this process (turn off in an api-only replica). */
  runProjections: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Largest accepted request body, in bytes. */
  bodyLimitBytes: number;
  seedsDir: string;
  /** Disclosure control threshold: analyst outputs suppress cells counting 1..k−1 (DESIGN.md: default 5). */
  disclosureK: number;
  /** Base64 32-byte key that seals personal fields; when absent, generated once under dataDir (local use). */
  masterKey: string | null;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): AppConfig {
  const root = projectRoot();
  const dataDir = env.DATA_DIR ? (isAbsolute(env.DATA_DIR) ? env.DATA_DIR : join(root, env.DATA_DIR)) : join(root, '.data');
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  const key = masterKey(env);
  if (databaseUrl && !key) {
    // With an external database the key must outlive this machine: generating one locally would lose data.
    throw new ConfigError('MASTER_KEY is required when DATABASE_URL is set (32 random bytes, base64: `openssl rand -base64 32`)');
  }
  return {
    port: integer(env, 'PORT', 3000, 1, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    databaseUrl,
    dataDir,
    embeddedPostgresPort: integer(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    seedDemo: !argv.includes('--no-demo') && boolean(env, 'SEED_DEMO', true),
    runProjections: boolean(env, 'RUN_PROJECTIONS', true),
    logLevel: oneOf(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 64 * 1024, 1024, 10 * 1024 * 1024),
    seedsDir: join(root, 'seeds'),
    disclosureK: integer(env, 'DISCLOSURE_K', 5, 2, 100),
    masterKey: key,
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
  }
  return value;
}

function boolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false (got "${env[name]}")`);
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new ConfigError(`${name} must be one of ${allowed.join(', ')}`);
  return raw as T;
}

function masterKey(env: NodeJS.ProcessEnv): string | null {
  const raw = env.MASTER_KEY?.trim();
  if (!raw) return null;
  if (Buffer.from(raw, 'base64').length !== 32) throw new ConfigError('MASTER_KEY must be 32 bytes, base64-encoded');
  return raw;
}
