import { isAbsolute, join } from 'node:path';
import { DEFAULT_REFERRAL_DEADLINE_MINUTES, REFERRAL_DEADLINE_MAX_MINUTES, REFERRAL_DESTINATIONS, type ReferralDestination } from '#domain';
import { projectRoot } from './project-root.js';

/** Everything configurable, read once from the environment and validated. Nothing else reads process.env. */
export interface AppConfig {
  port: number;
  host: string;
  /** External PostgreSQL; when absent the embedded one under dataDir is started. */
  databaseUrl: string | null;
  /**
   * The owner of the tables (runs the migrations, grants DATABASE_URL's role), with DATABASE_URL only; null: the
   * application's own role migrates and owns its tables (a warning at start-up).
   */
  migrationDatabaseUrl: string | null;
  dataDir: string;
  embeddedPostgresPort: number;
  /**
   * Load the demo year on the first start of an empty registry. SEED_DEMO defaults to true only for the embedded
   * database (no DATABASE_URL): a database given by URL may be a production one, and the log is append-only.
   */
  seedDemo: boolean;
  /** SHUTDOWN_TIMEOUT_MS: how long SIGTERM/SIGINT may take (requests in flight, projections, pools, database). */
  shutdownTimeoutMs: number;
  /**
   * RUN_PROJECTIONS: run the background work in this process — the projections, the integration relay and the referral
   * webhook sender. `npm start` does; an api replica of the distributed shape does not (a projector does).
   */
  runProjections: boolean;
  /** PROJECTOR_PORT: where a projector process (apps/projector) answers its probes and the scraper. */
  projectorPort: number;
  /** PROJECTION_BATCH_SIZE: events a projection folds per transaction (and per checkpoint). */
  projectionBatchSize: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** LOG_FORMAT: readable lines (`pretty`), JSON lines (`json`), or by whether stdout is a terminal (`auto`). */
  logFormat: 'pretty' | 'json' | 'auto';
  /** Largest accepted request body, in bytes. */
  bodyLimitBytes: number;
  /** Connections of the process's one database pool (event store, projections, read-model queries). */
  databasePoolSize: number;
  seedsDir: string;
  /** Disclosure control threshold: analyst outputs suppress cells counting 1..k−1 (DESIGN.md: default 5). */
  disclosureK: number;
  /** Base64 32-byte key that seals personal fields; when absent, generated once under dataDir (local use). */
  masterKey: string | null;
  /** MASTER_KEYS_FILE: the versioned master keyring (rotate-master-key); null: DATA_DIR/master-keys.json, unless MASTER_KEY alone is set. */
  masterKeysFile: string | null;
  /** Days within which the operator deletes backups (database and keyring) older than a master key rotation (README, "Erasure"). */
  backupRetentionDays: number;
  /** Seconds between integrity anchors taken by the API (0: none; `verify` and POST /integrity/anchors still take them). */
  integrityAnchorSeconds: number;
  /** Ed25519 private key (PKCS#8 PEM) that signs each integrity anchor; generated when absent. Never in the database. */
  anchorSigningKeyFile: string;
  /** Where each signed anchor is appended as a JSON line, outside the database; `verify` checks against its last line. */
  anchorExportFile: string;
  /** Also POST each signed anchor (JSON) here, e.g. a timestamping or log service; null: none. */
  anchorExportUrl: string | null;
  /** Requests per minute allowed to one verified subject (`sub`); 0 turns every limit off. */
  rateLimitPerMinute: number;
  /** Requests per minute without a valid token (none, or one that does not verify) allowed to one client address. */
  rateLimitPerAddressPerMinute: number;
  /** Heavy requests (starting an integrity walk, publishing) per minute allowed to one subject, each kind counted apart. */
  rateLimitHeavyPerMinute: number;
  /** Express's `trust proxy` (TRUST_PROXY): false (the socket's address), a number of proxy hops, or addresses/subnets. */
  trustProxy: false | number | string;
  /** How bearer tokens are verified (see auth/token-verifier.ts). */
  auth: AuthConfig;
  /** The identity provider the web console signs in with (authorization code + PKCE); null: local sign-in links. */
  oidc: OidcConfig | null;
  /** How long a read with `minPosition` waits for the projections before answering 409 position_not_reached. */
  readYourWritesWaitMs: number;
  /** The built web console (index.html and assets/), served at `/`. */
  consoleDir: string;
  /** Failed attempts at one event after which its projection stops (FAILED) until `projections retry` or `skip`. */
  projectionMaxAttempts: number;
  /** Backoff between attempts at a failing event: from this many ms, doubling, up to `projectionRetryMaxMs`. */
  projectionRetryInitialMs: number;
  projectionRetryMaxMs: number;
  /** GET /health/ready fails once a projection has been failing (retrying or FAILED) for longer than this. */
  readinessProjectionFailureSeconds: number;
  /** METRICS_TOKEN: the bearer token GET /metrics requires; null: /metrics answers loopback clients only. */
  metricsToken: string | null;
  /**
   * REFERRAL_DEADLINES: minutes within which each destination answers (accepts or rejects) a referral; defaults
   * 24 h for PNP and MINISTERIO_PUBLICO, 72 h for the others (DEFAULT_REFERRAL_DEADLINE_MINUTES).
   */
  referralDeadlineMinutes: Record<ReferralDestination, number>;
  /** REFERRAL_WEBHOOKS: where new and overdue referrals are pushed, per destination (signed, no personal field). */
  referralWebhooks: ReferralWebhook[];
  /** Seconds between the API's passes over the referral notifications (0: none; the tests call the task). */
  referralWebhookSeconds: number;
  /** Failed attempts at one notification after which it is dead-lettered; backoff from `…RetryInitialMs`, doubling, up to 1 h. */
  referralWebhookMaxAttempts: number;
  referralWebhookRetryInitialMs: number;
  /** Seconds between heartbeat comments on GET /referrals/notifications (REFERRAL_STREAM_HEARTBEAT_SECONDS). */
  referralStreamHeartbeatSeconds: number;
  /** KAFKA_BROKERS (host:port, comma-separated): where integration events are published; null: the relay is off. */
  kafkaBrokers: string[] | null;
  /** KAFKA_CLIENT_ID: the producer's client id, also the CloudEvents `source` (`urn:<client id>`). */
  kafkaClientId: string;
  /**
   * EVENT_STORE: the log's adapter. Only `postgres` serves the API today: `kurrentdb` (with KURRENTDB_URL) is validated
   * and then refused, because the projections and read models still read PostgreSQL's log (README, "Event store").
   */
  /**
   * EVENT_STORE: where the log lives. `postgres` (default): the `events` table. `kurrentdb`: KurrentDB at
   * `kurrentDbUrl`; PostgreSQL keeps the read models, their checkpoints, the keys, the audit log and an exact copy of
   * the log (the log copier), which the queries over the log read.
   */
  eventStore: 'postgres' | 'kurrentdb';
  /** KURRENTDB_URL: the KurrentDB connection string, with EVENT_STORE=kurrentdb; null otherwise. */
  kurrentDbUrl: string | null;
}

/** A receiving unit's webhook: the referrals addressed to `destination` are POSTed to `url`, signed with `secret`. */
export interface ReferralWebhook {
  destination: ReferralDestination;
  url: string;
  secret: string;
}

/** What the browser needs for the provider's authorization-code flow with PKCE (GET /api/v1/auth/config). */
export interface OidcConfig {
  /** The issuer URL (its /.well-known/openid-configuration is read by the browser). */
  authority: string;
  clientId: string;
  scope: string;
}

/**
 * Exactly one way to verify tokens: a shared HS256 secret, or an identity provider's JWKS (RS256/ES256). Both
 * null means the embedded default: a secret generated once under dataDir (local use only).
 */
export interface AuthConfig {
  jwtSecret: string | null;
  /** AUTH_JWT_SECRET_PREVIOUS: secrets still accepted for verification during a rotation (never used to sign). */
  previousSecrets: string[];
  jwksUrl: string | null;
  /** Required `iss` and `aud` claims, when set (both required with a JWKS). */
  issuer: string | null;
  audience: string | null;
  /** TOKEN_MAX_HOURS: longest token lifetime (`exp` − `iat`) accepted, minted and asked for by a sign-in link. */
  maxHours: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): AppConfig {
  const root = projectRoot();
  const dataDir = env.DATA_DIR ? (isAbsolute(env.DATA_DIR) ? env.DATA_DIR : join(root, env.DATA_DIR)) : join(root, '.data');
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  const migrationDatabaseUrl = env.MIGRATION_DATABASE_URL?.trim() || null;
  if (migrationDatabaseUrl && !databaseUrl) {
    throw new ConfigError('MIGRATION_DATABASE_URL needs DATABASE_URL (the serving role); the embedded database has both roles already');
  }
  const anchorExportUrl = env.ANCHOR_EXPORT_URL?.trim() || null;
  if (anchorExportUrl && !isHttpUrl(anchorExportUrl))
    throw new ConfigError(`ANCHOR_EXPORT_URL must be an http(s) URL (got "${anchorExportUrl}")`);
  const key = masterKey(env);
  const rawKeysFile = env.MASTER_KEYS_FILE?.trim() || null;
  const masterKeysFile = rawKeysFile ? (isAbsolute(rawKeysFile) ? rawKeysFile : join(root, rawKeysFile)) : null;
  if (databaseUrl && !key && !masterKeysFile) {
    // With an external database the key must outlive this machine: generating one locally would lose data.
    throw new ConfigError(
      'MASTER_KEY or MASTER_KEYS_FILE is required when DATABASE_URL is set (32 random bytes, base64: `openssl rand -base64 32`)',
    );
  }
  const auth = authConfig(env);
  if (databaseUrl && !auth.jwtSecret && !auth.jwksUrl) {
    // A secret generated on this machine would not be shared with the other replicas nor with the issuer.
    throw new ConfigError(
      'AUTH_JWT_SECRET or AUTH_JWKS_URL is required when DATABASE_URL is set (a shared HS256 secret of at least 32 bytes, or the JWKS URL of your identity provider)',
    );
  }
  const host = env.HOST?.trim() || '127.0.0.1';
  if (!auth.jwtSecret && !auth.jwksUrl && (env.NODE_ENV === 'production' || !isLoopback(host))) {
    // The generated `<dataDir>/jwt-secret` is for the embedded local default only: never for a served registry.
    throw new ConfigError(
      `AUTH_JWT_SECRET or AUTH_JWKS_URL is required ${env.NODE_ENV === 'production' ? 'with NODE_ENV=production' : `when HOST is not a loopback address (HOST=${host})`}: the generated local secret is for the embedded default on this machine only`,
    );
  }
  return {
    port: integer(env, 'PORT', 3000, 1, 65535),
    host,
    databaseUrl,
    migrationDatabaseUrl,
    dataDir,
    embeddedPostgresPort: integer(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    seedDemo: !argv.includes('--no-demo') && boolean(env, 'SEED_DEMO', databaseUrl === null),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 100, 600_000),
    runProjections: boolean(env, 'RUN_PROJECTIONS', true),
    projectorPort: integer(env, 'PROJECTOR_PORT', 3001, 1, 65535),
    projectionBatchSize: integer(env, 'PROJECTION_BATCH_SIZE', 2000, 1, 100_000),
    logLevel: oneOf(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    logFormat: oneOf(env, 'LOG_FORMAT', ['pretty', 'json', 'auto'] as const, 'auto'),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 64 * 1024, 1024, 10 * 1024 * 1024),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 20, 2, 500),
    seedsDir: join(root, 'seeds'),
    disclosureK: integer(env, 'DISCLOSURE_K', 5, 2, 100),
    masterKey: key,
    masterKeysFile,
    backupRetentionDays: integer(env, 'BACKUP_RETENTION_DAYS', 30, 1, 3650),
    integrityAnchorSeconds: integer(env, 'INTEGRITY_ANCHOR_SECONDS', 300, 0, 86_400),
    anchorSigningKeyFile: path(env.ANCHOR_SIGNING_KEY_FILE, root, join(dataDir, 'anchor-signing-key.pem')),
    anchorExportFile: path(env.ANCHOR_EXPORT_FILE, root, join(dataDir, 'integrity-anchors.jsonl')),
    anchorExportUrl,
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 600, 0, 1_000_000),
    rateLimitPerAddressPerMinute: integer(env, 'RATE_LIMIT_PER_ADDRESS_PER_MINUTE', 120, 1, 1_000_000),
    rateLimitHeavyPerMinute: integer(env, 'RATE_LIMIT_HEAVY_PER_MINUTE', 6, 1, 1_000_000),
    trustProxy: trustProxy(env),
    auth,
    oidc: oidcConfig(env, auth),
    readYourWritesWaitMs: integer(env, 'READ_YOUR_WRITES_WAIT_MS', 5000, 0, 60_000),
    projectionMaxAttempts: integer(env, 'PROJECTION_MAX_ATTEMPTS', 10, 1, 1000),
    projectionRetryInitialMs: integer(env, 'PROJECTION_RETRY_INITIAL_MS', 200, 1, 60_000),
    projectionRetryMaxMs: integer(env, 'PROJECTION_RETRY_MAX_MS', 30_000, 1, 3_600_000),
    readinessProjectionFailureSeconds: integer(env, 'READINESS_PROJECTION_FAILURE_SECONDS', 60, 0, 86_400),
    metricsToken: metricsToken(env),
    referralDeadlineMinutes: referralDeadlines(env),
    referralWebhooks: referralWebhooks(env),
    referralWebhookSeconds: integer(env, 'REFERRAL_WEBHOOK_SECONDS', 30, 0, 86_400),
    referralWebhookMaxAttempts: integer(env, 'REFERRAL_WEBHOOK_MAX_ATTEMPTS', 8, 1, 100),
    referralWebhookRetryInitialMs: integer(env, 'REFERRAL_WEBHOOK_RETRY_INITIAL_MS', 1000, 1, 3_600_000),
    referralStreamHeartbeatSeconds: integer(env, 'REFERRAL_STREAM_HEARTBEAT_SECONDS', 15, 1, 300),
    kafkaBrokers: kafkaBrokers(env),
    kafkaClientId: env.KAFKA_CLIENT_ID?.trim() || 'registro-trata',
    ...eventStoreChoice(env),
    consoleDir: env.CONSOLE_DIR?.trim()
      ? isAbsolute(env.CONSOLE_DIR.trim())
        ? env.CONSOLE_DIR.trim()
        : join(root, env.CONSOLE_DIR.trim())
      : join(root, 'dist', 'console'),
  };
}

/** KAFKA_BROKERS, when set: host:port entries separated by commas. */
function kafkaBrokers(env: NodeJS.ProcessEnv): string[] | null {
  const list = (env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (list.length === 0) return null;
  const bad = list.find((b) => !/^[A-Za-z0-9.-]+:\d{1,5}$/.test(b) && !/^\[[0-9a-fA-F:]+\]:\d{1,5}$/.test(b));
  if (bad)
    throw new ConfigError(
      `KAFKA_BROKERS debe ser host:puerto separados por comas / must be host:port entries separated by commas (got "${bad}")`,
    );
  return list;
}

/**
 * EVENT_STORE=postgres|kurrentdb (default postgres) and KURRENTDB_URL, required with kurrentdb (a connection string,
 * never echoed with its credentials).
 */
function eventStoreChoice(env: NodeJS.ProcessEnv): Pick<AppConfig, 'eventStore' | 'kurrentDbUrl'> {
  const choice = oneOf(env, 'EVENT_STORE', ['postgres', 'kurrentdb'] as const, 'postgres');
  if (choice === 'postgres') return { eventStore: 'postgres', kurrentDbUrl: null };
  const url = env.KURRENTDB_URL?.trim();
  if (!url) {
    throw new ConfigError(
      'EVENT_STORE=kurrentdb necesita KURRENTDB_URL (p. ej. kurrentdb://host:2113?tls=true) / EVENT_STORE=kurrentdb needs KURRENTDB_URL (e.g. kurrentdb://host:2113?tls=true)',
    );
  }
  if (!/^(kurrentdb|kurrent|kdb|esdb)(\+discover)?:\/\//.test(url)) {
    throw new ConfigError(
      `KURRENTDB_URL debe ser una cadena de conexión kurrentdb:// (o kdb://, esdb://) / KURRENTDB_URL must be a kurrentdb:// (or kdb://, esdb://) connection string (got "${url.replace(/\/\/[^@/]*@/, '//***@')}")`,
    );
  }
  return { eventStore: 'kurrentdb', kurrentDbUrl: url };
}

/** METRICS_TOKEN, when set, at least 16 visible characters: the scraper's bearer token for GET /metrics. */
function metricsToken(env: NodeJS.ProcessEnv): string | null {
  const token = env.METRICS_TOKEN?.trim();
  if (!token) return null;
  if (token.length < 16 || !/^[\x21-\x7e]+$/.test(token))
    throw new ConfigError('METRICS_TOKEN must be at least 16 visible characters without spaces (e.g. openssl rand -hex 32)');
  return token;
}

/**
 * OIDC_AUTHORITY and OIDC_CLIENT_ID go together, and only with AUTH_JWKS_URL: the provider that signs the
 * console's users in must be the one whose keys verify their tokens.
 */
function oidcConfig(env: NodeJS.ProcessEnv, auth: AuthConfig): OidcConfig | null {
  const authority = env.OIDC_AUTHORITY?.trim() || null;
  const clientId = env.OIDC_CLIENT_ID?.trim() || null;
  if (!authority && !clientId) return null;
  if (!authority || !clientId) throw new ConfigError('OIDC_AUTHORITY and OIDC_CLIENT_ID must be set together');
  if (!isHttpUrl(authority)) throw new ConfigError(`OIDC_AUTHORITY must be an http(s) URL (got "${authority}")`);
  if (!auth.jwksUrl)
    throw new ConfigError("OIDC_AUTHORITY needs AUTH_JWKS_URL (the same provider's key set) to verify the tokens it issues");
  return { authority: authority.replace(/\/+$/, ''), clientId, scope: env.OIDC_SCOPE?.trim() || 'openid' };
}

/**
 * REFERRAL_DEADLINES: comma-separated `DESTINATION=DURATION` pairs overriding the defaults, e.g.
 * `PNP=12h,SHELTER=2d,OTHER=90m` (a whole number of minutes `m`, hours `h` or days `d`, positive, at most a year).
 * Destinations not named keep their default; an unknown destination, a repeated one or a duration that is not
 * positive stops the start-up.
 */
function referralDeadlines(env: NodeJS.ProcessEnv): Record<ReferralDestination, number> {
  const deadlines = { ...DEFAULT_REFERRAL_DEADLINE_MINUTES };
  const raw = env.REFERRAL_DEADLINES?.trim();
  if (!raw) return deadlines;
  const seen = new Set<string>();
  for (const part of raw.split(',')) {
    const match = /^\s*([A-Z_]+)\s*=\s*(\d+)\s*([mhd])\s*$/.exec(part);
    const destination = match?.[1] as ReferralDestination | undefined;
    if (!match || !destination || !REFERRAL_DESTINATIONS.includes(destination)) {
      throw new ConfigError(
        `REFERRAL_DEADLINES must be DESTINATION=DURATION pairs separated by commas, DESTINATION one of ${REFERRAL_DESTINATIONS.join(', ')} and DURATION a whole number of m, h or d (e.g. PNP=24h,SHELTER=3d; got "${part.trim()}")`,
      );
    }
    if (seen.has(destination)) throw new ConfigError(`REFERRAL_DEADLINES names ${destination} twice`);
    seen.add(destination);
    const minutes = Number(match[2]) * { m: 1, h: 60, d: 24 * 60 }[match[3] as 'm' | 'h' | 'd'];
    if (minutes <= 0 || minutes > REFERRAL_DEADLINE_MAX_MINUTES) {
      throw new ConfigError(
        `REFERRAL_DEADLINES: the deadline of ${destination} must be a positive duration of at most 365d (got "${part.trim()}")`,
      );
    }
    deadlines[destination] = minutes;
  }
  return deadlines;
}

/**
 * REFERRAL_WEBHOOKS: comma-separated `DESTINATION=URL|SECRET` entries (several per destination allowed), the URL
 * http(s) (https except on a loopback host) and the secret a strong one of at least 32 bytes (it signs the bodies).
 */
function referralWebhooks(env: NodeJS.ProcessEnv): ReferralWebhook[] {
  const raw = env.REFERRAL_WEBHOOKS?.trim();
  if (!raw) return [];
  return raw.split(',').map((part) => {
    const match = /^\s*([A-Z_]+)=([^|\s]+)\|(\S+)\s*$/.exec(part);
    const destination = match?.[1] as ReferralDestination | undefined;
    if (!match || !destination || !REFERRAL_DESTINATIONS.includes(destination) || !isHttpUrl(match[2])) {
      // The entry is not echoed: it may hold a secret.
      throw new ConfigError(
        `REFERRAL_WEBHOOKS must be DESTINATION=URL|SECRET entries separated by commas, DESTINATION one of ${REFERRAL_DESTINATIONS.join(', ')} and URL http(s)`,
      );
    }
    const url = new URL(match[2]);
    if (url.protocol !== 'https:' && !isLoopback(url.hostname))
      throw new ConfigError(`REFERRAL_WEBHOOKS: the URL of ${destination} must use https:// (http only for a loopback host)`);
    checkSecretStrength(`REFERRAL_WEBHOOKS (secret of ${destination})`, match[3]);
    return { destination, url: match[2], secret: match[3] };
  });
}

/** A path from the environment, relative to the project root; `fallback` when unset. */
function path(raw: string | undefined, root: string, fallback: string): string {
  const value = raw?.trim();
  if (!value) return fallback;
  return isAbsolute(value) ? value : join(root, value);
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

/**
 * TRUST_PROXY: unset or `false`, the client address is the socket's (X-Forwarded-For is ignored, so it cannot be
 * forged to dodge the per-address rate limit); a number of proxy hops in front; or a comma-separated list of the
 * proxies' addresses or subnets (also `loopback`, `linklocal`, `uniquelocal`), as Express understands them.
 */
function trustProxy(env: NodeJS.ProcessEnv): false | number | string {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw || raw.toLowerCase() === 'false') return false;
  if (/^\d+$/.test(raw)) return integer(env, 'TRUST_PROXY', 0, 0, 10);
  if (!raw.split(',').every((part) => /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/.test(part.trim()))) {
    throw new ConfigError(
      `TRUST_PROXY must be false, a number of proxy hops (0–10), or a comma-separated list of proxy addresses or subnets (got "${raw}")`,
    );
  }
  return raw;
}

function masterKey(env: NodeJS.ProcessEnv): string | null {
  const raw = env.MASTER_KEY?.trim();
  if (!raw) return null;
  if (Buffer.from(raw, 'base64').length !== 32) throw new ConfigError('MASTER_KEY must be 32 bytes, base64-encoded');
  return raw;
}

function authConfig(env: NodeJS.ProcessEnv): AuthConfig {
  const jwtSecret = env.AUTH_JWT_SECRET?.trim() || null;
  const previousSecrets = (env.AUTH_JWT_SECRET_PREVIOUS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const jwksUrl = env.AUTH_JWKS_URL?.trim() || null;
  const issuer = env.AUTH_ISSUER?.trim() || null;
  const audience = env.AUTH_AUDIENCE?.trim() || null;
  if (jwtSecret && jwksUrl) throw new ConfigError('set AUTH_JWT_SECRET or AUTH_JWKS_URL, not both');
  if (jwtSecret) checkSecretStrength('AUTH_JWT_SECRET', jwtSecret);
  if (previousSecrets.length > 0 && !jwtSecret)
    throw new ConfigError('AUTH_JWT_SECRET_PREVIOUS needs AUTH_JWT_SECRET (the current secret, the only one that signs)');
  for (const previous of previousSecrets) checkSecretStrength('AUTH_JWT_SECRET_PREVIOUS', previous);
  if (jwksUrl) {
    if (!isHttpUrl(jwksUrl)) throw new ConfigError(`AUTH_JWKS_URL must be an http(s) URL (got "${jwksUrl}")`);
    const url = new URL(jwksUrl);
    // Keys fetched over plain HTTP could be replaced on the way: https, except for a key set on this machine.
    if (url.protocol !== 'https:' && !isLoopback(url.hostname))
      throw new ConfigError(`AUTH_JWKS_URL must use https:// (http only for a loopback host; got "${jwksUrl}")`);
    if (!issuer)
      throw new ConfigError(
        "AUTH_ISSUER is required with AUTH_JWKS_URL (the identity provider's `iss`, e.g. https://sso.example.gob.pe/realms/registro)",
      );
    if (!audience)
      throw new ConfigError(
        "AUTH_AUDIENCE is required with AUTH_JWKS_URL (the `aud` your identity provider puts in this API's tokens, e.g. registro-api)",
      );
  }
  return { jwtSecret, previousSecrets, jwksUrl, issuer, audience, maxHours: integer(env, 'TOKEN_MAX_HOURS', 8, 1, 720) };
}

/**
 * A shared HS256 secret must be long (32 bytes) and not guessable: at least 8 distinct characters and an
 * estimated 128 bits (Shannon entropy of its characters × length), which `openssl rand -base64 32` far exceeds.
 */
export function checkSecretStrength(name: string, secret: string): void {
  if (Buffer.byteLength(secret, 'utf8') < 32) throw new ConfigError(`${name} must be at least 32 bytes (e.g. \`openssl rand -base64 32\`)`);
  const counts = new Map<string, number>();
  for (const char of secret) counts.set(char, (counts.get(char) ?? 0) + 1);
  const length = [...secret].length;
  const bits = [...counts.values()].reduce((sum, n) => sum - n * Math.log2(n / length), 0);
  if (counts.size < 8 || bits < 128) {
    throw new ConfigError(
      `${name} is too predictable (${counts.size} distinct characters, about ${Math.floor(bits)} bits): use a random one, e.g. \`openssl rand -base64 32\``,
    );
  }
}

function isHttpUrl(raw: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(raw).protocol);
  } catch {
    return false;
  }
}

/** 127.0.0.0/8, ::1 and localhost (the brackets of an IPv6 URL host removed). */
export function isLoopback(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, '').toLowerCase();
  return name === 'localhost' || name === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}
