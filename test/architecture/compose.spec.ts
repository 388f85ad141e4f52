import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type AppConfig } from '../../libs/platform/src/config/config.js';
import { projectRoot } from '../../libs/platform/src/config/project-root.js';
import {
  buildSourceOf,
  configVariables,
  dockerfileEnvironment,
  interpolate,
  readComposeFile,
  type ComposeService,
} from '../support/compose-file.js';

/**
 * docker-compose.yml, the distributed shape, cannot be started here (no Docker engine): it is parsed and checked
 * against what the application reads. `docker compose config` validates it too where the tool exists.
 */
const root = projectRoot();
const compose = readComposeFile(root);
const services = compose.services;
/** The services that run this repository's image (built from its Dockerfile). */
const appServices = Object.entries(services).filter(([, service]) => service.build !== undefined);
const hostEnv = { MASTER_KEY: randomBytes(32).toString('base64'), AUTH_JWT_SECRET: randomBytes(32).toString('base64') };

/** A service's environment as its process sees it: the image's ENV, then the compose values, interpolated. */
function processEnv(service: ComposeService, host: Record<string, string | undefined> = hostEnv): Record<string, string> {
  const env: Record<string, string> = { ...dockerfileEnvironment(root) };
  for (const [name, value] of Object.entries(service.environment ?? {})) env[name] = interpolate(String(value), host);
  return env;
}

const configOf = (name: string): AppConfig => loadConfig(processEnv(services[name]), []);

const healthPort = (service: ComposeService) =>
  Number(/127\.0\.0\.1:(\d+)\//.exec([service.healthcheck?.test ?? []].flat().join(' '))?.[1]);
const hostOf = (address: string) => address.replace(/^[a-z]+:\/\/([^@/]*@)?/, '').split(/[:/]/)[0];

describe('docker-compose.yml', () => {
  it('runs postgres, kurrentdb, kafka, the api, the proxy and the projector, the api and projector from this image', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'kafka', 'kurrentdb', 'postgres', 'projector', 'proxy']);
    expect(appServices.map(([name]) => name).sort()).toEqual(['api', 'projector']);
    expect(services.kafka.image).toMatch(/^apache\/kafka:/);
    expect(services.proxy.image).toMatch(/^nginx:/);
  });

  it('gives every service a health check', () => {
    for (const [name, service] of Object.entries(services)) {
      const test = [service.healthcheck?.test ?? []].flat();
      expect({ name, disabled: service.healthcheck?.disable === true, test: test.length > 0 && test[0] !== 'NONE' }).toEqual({
        name,
        disabled: false,
        test: true,
      });
    }
  });

  it('runs two api replicas without a published port, and only the proxy publishes, on the host loopback', () => {
    expect(services.api.deploy?.replicas).toBe(2);
    expect(services.api.container_name).toBeUndefined();
    const publishing = Object.entries(services).filter(([, service]) => (service.ports ?? []).length > 0);
    expect(publishing.map(([name]) => name)).toEqual(['proxy']);
    expect(services.proxy.ports!.every((port) => port.startsWith('127.0.0.1:'))).toBe(true);
  });

  it("points the proxy's nginx configuration at the api's port and listens where it publishes", () => {
    const [mount] = services.proxy.configs ?? [];
    expect(mount.target).toBe('/etc/nginx/conf.d/default.conf');
    const raw = compose.configs?.[mount.source]?.content ?? '';
    // Compose interpolates the text: every nginx variable must be escaped ($$host), or it would vanish.
    expect(raw.replace(/\$\$/g, '').match(/\$[A-Za-z_{]/g)).toBeNull();
    const nginx = interpolate(raw, {});
    expect(nginx).toMatch(new RegExp(`server api:${configOf('api').port}\\b`));
    expect(nginx).toMatch(/proxy_pass http:\/\/registro_api;/);
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$remote_addr;/);
    const published = services.proxy.ports![0].split(':').at(-1);
    expect(nginx).toMatch(new RegExp(`listen ${published};`));
    expect(healthPort(services.proxy)).toBe(Number(published));
  });

  it('starts the api after postgres is healthy, the projector after postgres and kafka, the proxy after the api', () => {
    expect(services.api.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(services.projector.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      kafka: { condition: 'service_healthy' },
    });
    expect(services.proxy.depends_on).toEqual({ api: { condition: 'service_healthy' } });
  });

  it("starts the projector from a file the build emits, and checks its health on PROJECTOR_PORT's readiness", () => {
    const [program, entry] = services.projector.command ?? [];
    expect(program).toBe('node');
    expect(buildSourceOf(root, entry)).toBe('apps/projector/src/main.ts');
    expect(existsSync(join(root, 'apps/projector/src/main.ts'))).toBe(true);
    expect([services.projector.healthcheck?.test].flat().join(' ')).toMatch(/\/health\/ready/);
    expect(healthPort(services.projector)).toBe(configOf('projector').projectorPort);
    expect(healthPort(services.api)).toBe(configOf('api').port);
  });

  it('declares every named volume it mounts, mounts every one declared, and keeps each stateful service on one', () => {
    const declared = Object.keys(compose.volumes ?? {}).sort();
    const mounted = (service: ComposeService) =>
      (service.volumes ?? []).map((volume) => volume.split(':')[0]).filter((source) => !/^[./~]/.test(source));
    const used = [...new Set(Object.values(services).flatMap(mounted))].sort();
    expect(used).toEqual(declared);
    for (const name of ['postgres', 'kurrentdb', 'kafka', 'api', 'projector']) expect(mounted(services[name]).length).toBeGreaterThan(0);
  });

  it('gives the app only variables config.ts reads, and the image only those too', () => {
    const known = configVariables(root);
    // The scan must see the variables read through each of its patterns, or it proves nothing.
    for (const name of ['DATABASE_URL', 'NODE_ENV', 'PORT', 'RUN_PROJECTIONS', 'PROJECTOR_PORT', 'TRUST_PROXY', 'KAFKA_BROKERS'])
      expect(known).toContain(name);
    for (const [name, service] of appServices) {
      const unknown = Object.keys(service.environment ?? {}).filter((variable) => !known.has(variable));
      expect({ name, unknown }).toEqual({ name, unknown: [] });
    }
    expect(Object.keys(dockerfileEnvironment(root)).filter((variable) => !known.has(variable))).toEqual([]);
  });

  it('sets what config.ts requires in production, so that each app service loads its configuration', () => {
    const api = configOf('api');
    const projector = configOf('projector');
    for (const config of [api, projector]) {
      expect(config).toMatchObject({ host: '0.0.0.0', seedDemo: false, eventStore: 'postgres', masterKey: hostEnv.MASTER_KEY });
      expect(config.auth.jwtSecret).toBe(hostEnv.AUTH_JWT_SECRET);
      expect(new URL(config.databaseUrl!).username).toBe('registro_app');
      expect(new URL(config.migrationDatabaseUrl!).username).not.toBe('registro_app');
    }
    expect(processEnv(services.api).NODE_ENV).toBe('production');
    expect(api).toMatchObject({ runProjections: false, trustProxy: 1, kafkaBrokers: null });
    expect(projector.kafkaBrokers).toEqual(['kafka:19092']);
    // The hosts they connect to are services they wait for.
    expect(hostOf(api.databaseUrl!)).toBe('postgres');
    expect(Object.keys(services.projector.depends_on ?? {})).toEqual(
      expect.arrayContaining([hostOf(projector.databaseUrl!), ...projector.kafkaBrokers!.map(hostOf)]),
    );
  });

  it('takes the secrets from the environment, refusing to start without MASTER_KEY or AUTH_JWT_SECRET', () => {
    for (const [, service] of appServices) {
      const env = service.environment ?? {};
      for (const [name, value] of Object.entries(env).filter(([name]) => /(KEY|SECRET|TOKEN|PASSWORD)$/.test(name)))
        expect({ name, value: String(value) }).toEqual({ name, value: expect.stringMatching(new RegExp(`^\\$\\{${name}(:?[-?].*)?\\}$`)) });
      expect(String(env.MASTER_KEY)).toMatch(/^\$\{MASTER_KEY:\?.+\}$/);
      expect(String(env.AUTH_JWT_SECRET)).toMatch(/^\$\{AUTH_JWT_SECRET:\?.+\}$/);
      expect(() => processEnv(service, { ...hostEnv, MASTER_KEY: '' })).toThrow(/MASTER_KEY/);
      expect(() => processEnv(service, { MASTER_KEY: hostEnv.MASTER_KEY })).toThrow(/AUTH_JWT_SECRET/);
    }
  });

  it("runs them from the app's multi-stage, non-root image, which ships the build's dist/ (both entry points)", () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^RUN npm ci --omit=dev\b/m);
    expect(dockerfile).toMatch(/^RUN npm run build$/m);
    expect(dockerfile).toMatch(/^COPY --from=build \/app\/dist \.\/dist$/m);
    expect(dockerfile.match(/^USER (\S+)$/gm)?.at(-1)).not.toMatch(/root|\b0\b/);
    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.build).toMatch(/build:api/);
    expect(scripts['build:api']).toBe('tsc -p tsconfig.build.json');
  });

  it('is valid for `docker compose config` where Docker Compose is installed', () => {
    if (spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status !== 0) {
      console.log('skipped: docker compose not available');
      return;
    }
    const result = spawnSync('docker', ['compose', 'config', '-q'], { cwd: root, env: { ...process.env, ...hostEnv }, encoding: 'utf8' });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  });
});
