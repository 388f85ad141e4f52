import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { MIGRATIONS } from './data-source.js';
import { prepareDatabase, type DatabaseUrls } from './roles.js';

/**
 * docker-compose.yml starts two api replicas and a projector at once, and each one prepares the database on
 * start-up: on one fresh database the three must all succeed, and every migration must be applied exactly once.
 */
let admin: pg.Client;
let database: string;
let role: string;
let urls: DatabaseUrls;

beforeAll(async () => {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest (test/support/global-setup.js)');
  admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  database = `test_${randomBytes(6).toString('hex')}`;
  role = `registro_race_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${database}`);
  const ownerUrl = new URL(adminUrl);
  ownerUrl.pathname = `/${database}`;
  const servingUrl = new URL(ownerUrl);
  servingUrl.username = role;
  servingUrl.password = randomBytes(12).toString('base64url');
  urls = { url: servingUrl.toString(), ownerUrl: ownerUrl.toString() };
});

afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`DROP ROLE IF EXISTS ${role}`);
  await admin.end();
});

it('lets three processes prepare one fresh database at once: one migrates, the others wait and find nothing to do', async () => {
  const warnings: string[] = [];
  const runs = await Promise.all([1, 2, 3].map(() => prepareDatabase(urls, (message) => warnings.push(message))));

  expect(warnings).toEqual([]);
  const names = MIGRATIONS.map((migration) => migration.name);
  expect(runs.filter((applied) => applied.length > 0)).toEqual([names]);
  expect(runs.filter((applied) => applied.length === 0)).toHaveLength(2);

  const owner = new pg.Client({ connectionString: urls.ownerUrl });
  await owner.connect();
  try {
    const { rows } = await owner.query<{ name: string; n: number }>(
      'SELECT name, count(*)::int AS n FROM schema_migrations GROUP BY name ORDER BY name',
    );
    expect(rows).toEqual([...names].sort().map((name) => ({ name, n: 1 })));
    const {
      rows: [granted],
    } = await owner.query<{ ok: boolean }>("SELECT has_table_privilege($1, 'events', 'INSERT') AS ok", [role]);
    expect(granted.ok).toBe(true);
    // The lock is a session lock of the preparing connection: nothing holds it once the three are done.
    const { rows: held } = await owner.query(
      "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
    );
    expect(held).toEqual([]);
  } finally {
    await owner.end();
  }
});
