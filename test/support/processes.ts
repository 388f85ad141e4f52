import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type pg from 'pg';
import { projectRoot } from '#platform';

/** A port nothing listens on right now, on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface NodeRun {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr interleaved. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A built entry point (`dist/…/main.js`) run by this Node with exactly `env` (plus PATH and HOME), from the project root. */
export function runNode(script: string, env: Record<string, string>, options: { detached?: boolean } = {}): NodeRun {
  const child = spawn(process.execPath, [script], {
    cwd: projectRoot(),
    detached: options.detached ?? false,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code: number | null, signal: NodeJS.Signals | null) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/** Every row of each table, in a fixed order: two states of the read models compare with toEqual. */
export async function readTables(pool: pg.Pool, tables: readonly string[]): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  for (const table of tables) rows[table] = (await pool.query(`SELECT * FROM ${table} t ORDER BY t::text`)).rows;
  return rows;
}
