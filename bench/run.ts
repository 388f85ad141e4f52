import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '#platform';
import { startBenchServer } from './lib/database.js';
import type { Measurement } from './lib/measure.js';
import { compareToTargets, renderTable } from './report.js';
import { appendComparison } from './scenarios/append-comparison.js';
import { consoleScenarios } from './scenarios/console.js';
import { httpScenarios } from './scenarios/http.js';
import { importScenarios } from './scenarios/import.js';
import { replayAndQueryScenarios } from './scenarios/rebuild.js';
import { scaleScenarios } from './scenarios/scale.js';

export interface BenchOptions {
  quick: boolean;
  durationMs: number;
  scale: boolean;
}

/**
 * `npm run bench` — every scenario in one process, on one embedded PostgreSQL it starts itself; prints a Markdown
 * table with the ratios to the baselines and writes the JSON to bench/results/. `--quick` is the one-minute
 * smoke run; `--scale 10m` adds the 10-million-event growth run; `--only emmett,http` runs the named groups.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const scaleIndex = args.indexOf('--scale');
  if (scaleIndex >= 0 && args[scaleIndex + 1] !== '10m') throw new Error('--scale takes the value 10m');
  const options: BenchOptions = { quick, durationMs: quick ? 2000 : 10_000, scale: scaleIndex >= 0 };
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  log(`bench (${quick ? 'quick' : 'full'}) on ${machine}`);

  // `--pg name=value` (repeatable) changes a server setting for every contender, e.g. `--pg wal_compression=pglz`.
  const settings = args.flatMap((arg, i) => (arg === '--pg' ? [args[i + 1]] : []));
  if (settings.length > 0) log(`server settings: ${settings.join(', ')}`);
  const server = await startBenchServer(settings);
  const results: Measurement[] = [];
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null;
  const run = async (name: string, scenario: () => Promise<Measurement[]>) => {
    if (only && !only.some((o) => name.toLowerCase().includes(o.toLowerCase()))) return;
    log(`▶ ${name}`);
    const measured = await scenario().catch((error: unknown) => {
      log(`✖ ${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
      throw error;
    });
    for (const result of measured) {
      results.push(result);
      log(`  ${result.scenario} ×${result.concurrency}: ${Math.round(result.throughput).toLocaleString('en')}/s`);
    }
  };
  try {
    await run('appends: raw PostgreSQL, ours, Emmett', () => appendComparison(server, options));
    await run('commands over HTTP', () => httpScenarios(server, options));
    await run('replay and queries', () => replayAndQueryScenarios(server, options, log));
    await run('console in the browser', () => consoleScenarios(server, options, log));
    await run('import of historic records', () => importScenarios(server, options, log));
    if (options.scale) await run('scale to 10M events', () => scaleScenarios(server, options, log));
  } finally {
    await server.stop();
  }

  const targets = compareToTargets(results);
  const report = { date: new Date().toISOString(), machine, mode: quick ? 'quick' : 'full', settings, results, targets };
  const dir = join(projectRoot(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${report.date.replace(/[:.]/g, '-')}-${report.mode}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${renderTable(report)}\n\nJSON: ${file}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
