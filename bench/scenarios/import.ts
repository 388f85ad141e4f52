import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { runCli } from '../../apps/cli/src/main.js';
import type { CliIO } from '../../apps/cli/src/cli-io.js';
import type { BenchServer } from '../lib/database.js';
import { generateCasesFile } from '../lib/import-file.js';
import { RssSampler, type Measurement } from '../lib/measure.js';
import type { BenchOptions } from '../run.js';

/** A CLI's streams: the summary and diagnostics kept, the progress bar dropped. */
function benchIO(): CliIO & { output(): string } {
  const out: Buffer[] = [];
  const sink = (keep: boolean) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        if (keep) out.push(Buffer.from(chunk));
        done();
      },
    });
  return {
    stdout: sink(true),
    stderr: sink(false),
    stdoutIsTTY: false,
    log: (message) => out.push(Buffer.from(`${message}\n`)),
    output: () => Buffer.concat(out).toString('utf8'),
  };
}

/** Clock ticks of a Linux process: [utime, stime, cutime, cstime] and its parent (fields 14–17 and 4 of /proc/PID/stat). */
function ticksOf(pid: number): { own: number; reaped: number; parent: number } | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return { own: Number(fields[11]) + Number(fields[12]), reaped: Number(fields[13]) + Number(fields[14]), parent: Number(fields[1]) };
  } catch {
    return null;
  }
}

/**
 * CPU seconds the PostgreSQL server has used so far (Linux; null elsewhere): the postmaster, its live backends and
 * those it has reaped. With the CLI's own CPU time, the import's cost in CPU-seconds, which a shared machine's load
 * does not change (its wall time it does).
 */
function serverCpuSeconds(postmaster: number): number | null {
  const main = ticksOf(postmaster);
  if (!main) return null;
  let ticks = main.own + main.reaped;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = ticksOf(Number(entry));
    if (child?.parent === postmaster) ticks += child.own;
  }
  return ticks / 100; // USER_HZ is 100 on Linux
}

/**
 * `npm run cli -- import cases FILE` on a generated historic file (one row per victim per case, every column used),
 * on a fresh registry database: the whole command (read, check, decide, reserve numbers, seal, append), then the
 * same file again (nothing appended). Rows per second over the whole command's wall time.
 */
export async function importScenarios(server: BenchServer, options: BenchOptions, log: (m: string) => void): Promise<Measurement[]> {
  const ownerUrl = await server.createRegistryDatabase('bench_import');
  const rows = options.quick ? 10_000 : 50_000;
  const generated = generateCasesFile(rows, 5);
  const dir = mkdtempSync(join(tmpdir(), 'registro-bench-import-'));
  const file = join(dir, 'cases.csv');
  writeFileSync(file, generated.csv);
  const env = {
    DATABASE_URL: server.serving(ownerUrl).url,
    MIGRATION_DATABASE_URL: ownerUrl,
    MASTER_KEY: randomBytes(32).toString('base64'),
    AUTH_JWT_SECRET: randomBytes(32).toString('base64url'),
  };
  log(
    `  ${generated.rows.toLocaleString('en')} rows, ${generated.cases.toLocaleString('en')} cases, ${generated.victims.toLocaleString('en')} victims`,
  );
  const probe = new pg.Client({ connectionString: ownerUrl });
  await probe.connect();
  const backend = (await probe.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  const postmaster = ticksOf(backend)?.parent ?? 0;
  await probe.end();
  const run = async (scenario: string, expected: RegExp): Promise<Measurement> => {
    const io = benchIO();
    const sampler = new RssSampler();
    const cpu = process.cpuUsage();
    const serverBefore = serverCpuSeconds(postmaster);
    const started = performance.now();
    const code = await runCli(['import', 'cases', file, '--source-system', 'bench'], io, env);
    const seconds = (performance.now() - started) / 1000;
    const peakRssMb = sampler.stop();
    const used = process.cpuUsage(cpu);
    const cliCpu = (used.user + used.system) / 1e6;
    const serverAfter = serverCpuSeconds(postmaster);
    const serverCpu = serverBefore !== null && serverAfter !== null ? serverAfter - serverBefore : null;
    const cpuNote =
      serverCpu === null
        ? `CPU: CLI ${cliCpu.toFixed(1)} s`
        : `CPU: CLI ${cliCpu.toFixed(1)} s + PostgreSQL ${serverCpu.toFixed(1)} s = ${Math.round(generated.rows / (cliCpu + serverCpu)).toLocaleString('en')} rows per CPU-second`;
    if (code !== 0 || !expected.test(io.output())) throw new Error(`${scenario}: exit code ${code}\n${io.output()}`);
    return {
      scenario,
      concurrency: 1,
      operations: generated.rows,
      seconds,
      throughput: generated.rows / seconds,
      p50Ms: null,
      p95Ms: null,
      p99Ms: null,
      peakRssMb,
      notes: `rows/s; ${generated.cases.toLocaleString('en')} cases, ${generated.victims.toLocaleString('en')} victims; whole CLI command; ${cpuNote}`,
    };
  };
  try {
    return [
      await run('import: historic cases file, new', new RegExp(`imported ${generated.rows} `)),
      await run('import: same file again (nothing appended)', new RegExp(`already imported ${generated.rows}`)),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
