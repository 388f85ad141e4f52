import { performance } from 'node:perf_hooks';

export interface Measurement {
  scenario: string;
  concurrency: number;
  operations: number;
  seconds: number;
  /** Operations (or events, for replays) per second. */
  throughput: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  peakRssMb: number;
  notes?: string;
}

/** Samples resident memory while a scenario runs; `rssOf` lets a scenario watch another process too. */
export class RssSampler {
  private peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly rssOf: () => number = () => process.memoryUsage().rss) {
    this.sample();
    this.timer = setInterval(() => this.sample(), 50);
  }

  private sample(): void {
    this.peak = Math.max(this.peak, this.rssOf());
  }

  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return Math.round(this.peak / 1024 / 1024);
  }
}

export function percentile(sorted: Float64Array | number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

/**
 * Runs `operation` from `concurrency` loops for `durationMs` (after a short warm-up) and reports throughput and
 * latency percentiles. Each operation's latency is wall time from start to settle.
 */
export async function measure(
  scenario: string,
  options: { concurrency: number; durationMs: number; warmupMs?: number; maxOperations?: number },
  operation: (worker: number, index: number) => Promise<void>,
): Promise<Measurement> {
  let index = 0;
  const warmupEnd = performance.now() + (options.warmupMs ?? 300);
  const loop = async (worker: number, until: number, record: number[] | null) => {
    while (performance.now() < until && (options.maxOperations === undefined || index < options.maxOperations)) {
      const started = performance.now();
      await operation(worker, index++);
      record?.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, w) => loop(w, warmupEnd, null)));
  index = 0;
  const latencies: number[] = [];
  const sampler = new RssSampler();
  const started = performance.now();
  const end = started + options.durationMs;
  await Promise.all(Array.from({ length: options.concurrency }, (_, w) => loop(w, end, latencies)));
  const seconds = (performance.now() - started) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  return {
    scenario,
    concurrency: options.concurrency,
    operations: latencies.length,
    seconds,
    throughput: latencies.length / seconds,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    peakRssMb: sampler.stop(),
  };
}

export interface Contender {
  name: string;
  operation: (worker: number, index: number) => Promise<void>;
  close(): Promise<void>;
}

/**
 * Measures several contenders in alternating short rounds (A B C A B C …) so that slow phases of a shared,
 * noisy machine fall on all of them alike: the ratios between them are what the targets are about.
 */
export async function measureInterleaved(
  contenders: readonly Contender[],
  options: { concurrency: number; rounds: number; roundMs: number },
): Promise<Measurement[]> {
  const totals = new Map(contenders.map((c) => [c.name, { latencies: [] as number[], seconds: 0, peakRssMb: 0 }]));
  for (const contender of contenders) {
    await measure(contender.name, { concurrency: options.concurrency, durationMs: 300, warmupMs: 0 }, contender.operation);
  }
  for (let round = 0; round < options.rounds; round++) {
    for (const contender of contenders) {
      const total = totals.get(contender.name)!;
      const recorded: number[] = [];
      const m = await measure(
        contender.name,
        { concurrency: options.concurrency, durationMs: options.roundMs, warmupMs: 0 },
        async (w, i) => {
          const started = performance.now();
          await contender.operation(w, i);
          recorded.push(performance.now() - started);
        },
      );
      total.latencies.push(...recorded);
      total.seconds += m.seconds;
      total.peakRssMb = Math.max(total.peakRssMb, m.peakRssMb);
    }
  }
  return contenders.map((contender) => {
    const { latencies, seconds, peakRssMb } = totals.get(contender.name)!;
    const sorted = Float64Array.from(latencies).sort();
    return {
      scenario: contender.name,
      concurrency: options.concurrency,
      operations: latencies.length,
      seconds,
      throughput: latencies.length / seconds,
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      p99Ms: percentile(sorted, 99),
      peakRssMb,
      notes: `${options.rounds} interleaved rounds`,
    };
  });
}
