import type { Measurement } from './lib/measure.js';

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean | null;
}

const find = (results: Measurement[], prefix: string, concurrency?: number) =>
  results.find((r) => r.scenario.startsWith(prefix) && (concurrency === undefined || r.concurrency === concurrency));

/** The issue's targets, as ratios to the baselines measured in the same run. */
export function compareToTargets(results: Measurement[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const check = (target: string, value: number | undefined, format: (v: number) => string, ok: (v: number) => boolean) =>
    checks.push(
      value === undefined || Number.isNaN(value)
        ? { target, measured: 'not measured', met: null }
        : { target, measured: format(value), met: ok(value) },
    );
  for (const c of [1, 16]) {
    const raw = find(results, 'baseline: INSERT', c);
    const ours = find(results, 'ours: append, new streams', c);
    const emmett = find(results, 'emmett: appendToStream, new streams', c);
    check(
      `append time ≤ 1.3× raw INSERT+COMMIT (×${c})`,
      raw && ours ? raw.throughput / ours.throughput : undefined,
      (v) => `${v.toFixed(2)}×`,
      (v) => v <= 1.3,
    );
    check(
      `append throughput ≥ 1.2× Emmett (×${c})`,
      ours && emmett ? ours.throughput / emmett.throughput : undefined,
      (v) => `${v.toFixed(2)}×`,
      (v) => v >= 1.2,
    );
  }
  const rawRead = find(results, 'limit: gap-safe SELECT');
  for (const rebuild of results.filter((r) => r.scenario.startsWith('rebuild:'))) {
    check(
      `${rebuild.scenario} ≥ 50,000 events/s`,
      rebuild.throughput,
      (v) => `${Math.round(v).toLocaleString('en')}/s`,
      (v) => v >= 50_000,
    );
    check(
      `${rebuild.scenario} within 3× of the raw read`,
      rawRead ? rawRead.throughput / rebuild.throughput : undefined,
      (v) => `${v.toFixed(2)}×`,
      (v) => v <= 3,
    );
  }
  const http64 = find(results, 'http:', 64);
  check(
    'HTTP commands ≥ 2,000/s at 64 connections',
    http64?.throughput,
    (v) => `${Math.round(v).toLocaleString('en')}/s`,
    (v) => v >= 2000,
  );
  check(
    'HTTP commands p99 < 50 ms at 64 connections',
    http64?.p99Ms ?? undefined,
    (v) => `${v.toFixed(1)} ms`,
    (v) => v < 50,
  );
  // Targets: statistics and the monthly report p95 under 20 ms at 1M events; the INEI annual export under 2 s.
  // As-of reads sum the ledger instead of the current cells and have no target of their own.
  for (const query of results.filter((r) => r.scenario.startsWith('query:') && !r.scenario.includes('asOf='))) {
    if (query.scenario.includes('/inei/')) {
      check(
        `${query.scenario} p99 < 2 s`,
        query.p99Ms ?? undefined,
        (v) => `${v.toFixed(1)} ms`,
        (v) => v < 2000,
      );
      continue;
    }
    check(
      `${query.scenario} p95 < 20 ms`,
      query.p95Ms ?? undefined,
      (v) => `${v.toFixed(1)} ms`,
      (v) => v < 20,
    );
  }
  const bundle = find(results, 'console: first screen JavaScript');
  check(
    'console: first screen JavaScript ≤ 250 kB gzip',
    bundle?.throughput,
    (v) => `${v.toFixed(1)} kB`,
    (v) => v <= 250,
  );
  const usable = find(results, 'console: sign-in link');
  check(
    'console: first screen usable < 1 s (p95)',
    usable?.p95Ms ?? undefined,
    (v) => `${v.toFixed(0)} ms`,
    (v) => v < 1000,
  );
  const visible = find(results, 'console: save');
  check(
    'console: saved call in the list < 300 ms (p95)',
    visible?.p95Ms ?? undefined,
    (v) => `${v.toFixed(0)} ms`,
    (v) => v < 300,
  );
  const imported = find(results, 'import: historic cases file, new');
  check(
    'import of historic records ≥ 2,000 rows/s',
    imported?.throughput,
    (v) => `${Math.round(v).toLocaleString('en')} rows/s`,
    (v) => v >= 2000,
  );
  const empty = find(results, 'scale: append at empty');
  const tenM = find(results, 'scale: append at 10M');
  check(
    'append rate at 10M within 20% of empty',
    empty && tenM ? tenM.throughput / empty.throughput : undefined,
    (v) => `${(v * 100).toFixed(0)}% of empty`,
    (v) => v >= 0.8,
  );
  return checks;
}

const num = (v: number | null, digits = 1) => (v === null || Number.isNaN(v) ? '—' : v.toFixed(digits));

export function renderTable(report: {
  date: string;
  machine: string;
  mode: string;
  settings: string[];
  results: Measurement[];
  targets: TargetCheck[];
}): string {
  const lines = [
    `### Benchmark (${report.mode}) — ${report.date.slice(0, 10)} — ${report.machine}${report.settings.length ? ` — ${report.settings.join(', ')}` : ''}`,
    '',
    '| scenario | conc. | ops | per s | p50 ms | p95 ms | p99 ms | peak RSS MB | notes |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...report.results.map(
      (r) =>
        `| ${r.scenario} | ${r.concurrency} | ${r.operations.toLocaleString('en')} | ${Math.round(r.throughput).toLocaleString('en')} | ${num(r.p50Ms, 2)} | ${num(r.p95Ms, 2)} | ${num(r.p99Ms, 2)} | ${r.peakRssMb} | ${r.notes ?? ''} |`,
    ),
    '',
    '| target | measured | met |',
    '|---|---|---|',
    ...report.targets.map((t) => `| ${t.target} | ${t.measured} | ${t.met === null ? '—' : t.met ? 'yes' : '**no**'} |`),
  ];
  return lines.join('\n');
}
