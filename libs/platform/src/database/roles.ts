import pg from 'pg';
import { createDataSource, migrate } from './data-source.js';

/**
 * The registry's two database roles. The owner runs the migrations and owns every table; the application serves
 * with a role that may only read and append the log, the audit log, the publications and the integrity anchors
 * (no UPDATE, DELETE, TRUNCATE, TRIGGER, ownership or DDL), so its credentials cannot switch off the append-only
 * triggers nor rewrite what they protect. Read models, checkpoints and working tables stay fully writable.
 */
export interface DatabaseUrls {
  /** The serving role: what the API, the CLI's commands and the demo loader connect with. */
  url: string;
  /** The owner: runs the migrations and grants the serving role. Equal to `url` only for an unsplit external setup. */
  ownerUrl: string;
}

/** The serving role of the embedded default (its password is generated and kept in the data folder). */
export const EMBEDDED_SERVING_ROLE = 'registro_app';

type Queryable = Pick<pg.Client, 'query'>;

/** The role a connection URL logs in as. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * Creates (or re-passwords, unless `resetExisting` is false) a login role without any privilege of its own: no
 * superuser, no CREATEDB/CREATEROLE, nothing inherited. Idempotent, and safe when two processes race to create it
 * (roles are cluster-wide).
 */
export async function ensureServingRole(
  db: Queryable,
  role: string,
  password: string,
  options: { resetExisting?: boolean } = {},
): Promise<void> {
  const name = quoteIdent(role);
  const secret = quoteLiteral(password);
  const exists = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_roles WHERE rolname = $1', [role]);
  if (exists.rows[0].n === 0) {
    try {
      await db.query(
        `CREATE ROLE ${name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS PASSWORD ${secret}`,
      );
      return;
    } catch (error) {
      // Another process created it first (duplicate_object, or the catalog's unique index): fall through.
      if (!['42710', '23505'].includes((error as { code?: string }).code ?? '')) throw error;
    }
  }
  if (options.resetExisting === false) return;
  await db.query(`ALTER ROLE ${name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS PASSWORD ${secret}`);
}

/**
 * The serving role's privileges on the schema as migrated, granted by the owner after every migration run (so a
 * table added by a later migration is covered, and a data folder of an earlier version is converted on start-up).
 * Tables carrying the append-only trigger get SELECT and INSERT only; every other table full DML; the migrations
 * table SELECT (to see that nothing is pending); sequences USAGE. No CREATE on the schema, no TRIGGER anywhere.
 */
export async function grantServingRole(db: Queryable, role: string): Promise<{ appendOnly: string[]; writable: string[] }> {
  const name = quoteIdent(role);
  const { rows } = await db.query<{ table_name: string; append_only: boolean }>(
    `SELECT c.relname AS table_name,
            EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid
                       AND t.tgfoid = 'refuse_append_only_change'::regproc) AS append_only
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
      ORDER BY c.relname`,
  );
  const appendOnly = rows.filter((r) => r.append_only).map((r) => r.table_name);
  const writable = rows.filter((r) => !r.append_only && r.table_name !== 'schema_migrations').map((r) => r.table_name);
  const statements = [
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
    `REVOKE ALL ON SCHEMA public FROM ${name}`,
    `GRANT USAGE ON SCHEMA public TO ${name}`,
    `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${name}`,
    ...appendOnly.map((table) => `GRANT SELECT, INSERT ON ${quoteIdent(table)} TO ${name}`),
    ...writable.map((table) => `GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ${quoteIdent(table)} TO ${name}`),
    `GRANT SELECT ON schema_migrations TO ${name}`,
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${name}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${name}`,
  ];
  for (const sql of statements) await db.query(sql);
  return { appendOnly, writable };
}

/**
 * The advisory lock (in this database) under which a process migrates and grants. Several processes start at once
 * against one database (two api replicas and a projector in docker-compose.yml): the first to take it migrates, the
 * others wait and then find nothing pending. Beside ANCHOR_LOCK and AUDIT_CHAIN_LOCK, which it must not equal.
 */
export const MIGRATION_LOCK = 7_314_206_003;

/**
 * Migrates as the owner and grants the serving role (created first, with DATABASE_URL's password, when it does
 * not exist yet); returns the migrations applied. With one URL for both (an
 * external database without MIGRATION_DATABASE_URL) nothing is granted, and `warn` is told when that role owns
 * the tables (a serving role granted by someone else only sees that no migration is pending).
 * Serialized with every other process preparing the same database by MIGRATION_LOCK.
 */
export async function prepareDatabase(urls: DatabaseUrls, warn: (message: string) => void = () => undefined): Promise<string[]> {
  const client = new pg.Client({ connectionString: urls.ownerUrl });
  await client.connect();
  try {
    // A session lock on this connection, held while the migrations run on TypeORM's own connection: it is
    // released when this connection ends, also when the process dies half-way (the migrations are transactional).
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const owner = await createDataSource(urls.ownerUrl, 1).initialize();
    let applied: string[];
    try {
      applied = await migrate(owner);
    } finally {
      await owner.destroy();
    }
    await grantDatabase(client, urls, warn);
    return applied;
  } finally {
    await client.end();
  }
}

/** The serving role's side of prepareDatabase, on the owner's connection that holds MIGRATION_LOCK. */
async function grantDatabase(client: pg.Client, urls: DatabaseUrls, warn: (message: string) => void): Promise<void> {
  const serving = roleOf(urls.url);
  const {
    rows: [{ current }],
  } = await client.query<{ current: string }>('SELECT current_user AS current');
  if (serving === current) {
    const {
      rows: [owns],
    } = await client.query<{ owner: boolean }>(
      "SELECT pg_get_userbyid(relowner) = current_user AS owner FROM pg_class WHERE oid = to_regclass('public.events')",
    );
    if (owns?.owner)
      warn(
        'the application connects as the owner of its tables (set MIGRATION_DATABASE_URL to the owner and DATABASE_URL ' +
          'to a serving role): its credentials could switch off the append-only triggers',
      );
    return;
  }
  const {
    rows: [known],
  } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_roles WHERE rolname = $1', [serving]);
  if (known.n === 0) {
    // An external server whose serving role was never created (e.g. a compose volume of an earlier version): the
    // owner creates it with DATABASE_URL's password, if it may create roles; otherwise PostgreSQL says why not.
    await ensureServingRole(client, serving, decodeURIComponent(new URL(urls.url).password), { resetExisting: false });
  }
  const {
    rows: [powers],
  } = await client.query<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_roles WHERE rolname = $1', [serving]);
  if (powers.rolsuper) warn(`the serving role ${serving} (DATABASE_URL) is a superuser: grants cannot restrict it`);
  await client.query('BEGIN');
  try {
    await grantServingRole(client, serving);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
