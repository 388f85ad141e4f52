import type { BenchServer } from '../lib/database.js';
import { measureInterleaved, type Measurement } from '../lib/measure.js';
import type { BenchOptions } from '../run.js';
import { ourAppendContender, ourHotStream } from './append.js';
import { copyScenario, rawInsertContender } from './baseline.js';
import { emmettContender, emmettHotStream } from './emmett.js';

/** Raw PostgreSQL, our append and Emmett, one event per transaction, in interleaved rounds; then bulk and hot-stream runs. */
export async function appendComparison(server: BenchServer, options: BenchOptions): Promise<Measurement[]> {
  const raw = await rawInsertContender(server);
  const ours = await ourAppendContender(server);
  const emmett = await emmettContender(server);
  const results: Measurement[] = [];
  try {
    for (const concurrency of [1, 16]) {
      results.push(
        ...(await measureInterleaved([raw, ours, emmett], {
          concurrency,
          rounds: options.quick ? 2 : 6,
          roundMs: options.quick ? 600 : 2500,
        })),
      );
    }
    results.push(await copyScenario(raw.url, options.quick ? 50_000 : 500_000));
    results.push(await ourHotStream(ours.store, options));
    results.push(await emmettHotStream(emmett.store, options));
  } finally {
    await Promise.all([raw.close(), ours.close(), emmett.close()]);
  }
  return results;
}
