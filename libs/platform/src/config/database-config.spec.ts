import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { projectRoot } from './project-root.js';

const external = {
  DATABASE_URL: 'postgres://registro_app:x@db/registro',
  MASTER_KEY: randomBytes(32).toString('base64'),
  AUTH_JWT_SECRET: randomBytes(32).toString('base64'),
};

/** The two database roles and where signed anchors go (README, Configuration). */
describe('database roles and anchor export configuration', () => {
  it('takes the owner from MIGRATION_DATABASE_URL, only beside DATABASE_URL', () => {
    expect(loadConfig({ ...external, MIGRATION_DATABASE_URL: 'postgres://registro:y@db/registro' }, []).migrationDatabaseUrl).toBe(
      'postgres://registro:y@db/registro',
    );
    expect(loadConfig(external, []).migrationDatabaseUrl).toBeNull();
    expect(() => loadConfig({ MIGRATION_DATABASE_URL: 'postgres://registro:y@db/registro' }, [])).toThrow(ConfigError);
    expect(() => loadConfig({ MIGRATION_DATABASE_URL: 'postgres://registro:y@db/registro' }, [])).toThrow(
      /MIGRATION_DATABASE_URL needs DATABASE_URL/,
    );
  });

  it('keeps the signing key and the export in the data folder by default, anywhere when told', () => {
    const defaults = loadConfig({ DATA_DIR: '/srv/registro' }, []);
    expect(defaults).toMatchObject({
      anchorSigningKeyFile: '/srv/registro/anchor-signing-key.pem',
      anchorExportFile: '/srv/registro/integrity-anchors.jsonl',
      anchorExportUrl: null,
    });
    const set = loadConfig(
      {
        ANCHOR_SIGNING_KEY_FILE: '/run/secrets/anchor.pem',
        ANCHOR_EXPORT_FILE: 'anchors.jsonl',
        ANCHOR_EXPORT_URL: 'https://tsa.example.gob.pe/anchors',
      },
      [],
    );
    expect(set).toMatchObject({
      anchorSigningKeyFile: '/run/secrets/anchor.pem',
      anchorExportFile: join(projectRoot(), 'anchors.jsonl'),
      anchorExportUrl: 'https://tsa.example.gob.pe/anchors',
    });
    expect(() => loadConfig({ ANCHOR_EXPORT_URL: 'ftp://tsa.example.gob.pe' }, [])).toThrow(/ANCHOR_EXPORT_URL must be an http\(s\) URL/);
  });
});

/** The demo year goes only where it cannot land on real data by accident (README, "Operating the registry"). */
describe('demo data default', () => {
  it('loads the demo by default only into the embedded database, with DATABASE_URL only when SEED_DEMO=true', () => {
    expect(loadConfig({}, []).seedDemo).toBe(true);
    expect(loadConfig({}, ['--no-demo']).seedDemo).toBe(false);
    expect(loadConfig(external, []).seedDemo).toBe(false);
    expect(loadConfig({ ...external, SEED_DEMO: 'true' }, []).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: 'false' }, []).seedDemo).toBe(false);
  });

  it('bounds the graceful shutdown by SHUTDOWN_TIMEOUT_MS (10 s by default)', () => {
    expect(loadConfig({}, []).shutdownTimeoutMs).toBe(10_000);
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: '2500' }, []).shutdownTimeoutMs).toBe(2500);
    expect(() => loadConfig({ SHUTDOWN_TIMEOUT_MS: 'soon' }, [])).toThrow(ConfigError);
  });
});
