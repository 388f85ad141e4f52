import { Writable } from 'node:stream';
import type { CliIO } from '../../apps/cli/src/cli-io.js';

/** A CLI's streams in memory: what it printed on stdout and stderr (its `log` lines go to stderr, as in a terminal). */
export function captureIO(stdoutIsTTY = false) {
  const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  const sink = (into: Buffer[]) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        into.push(Buffer.from(chunk));
        done();
      },
    });
  const stderr = sink(chunks.stderr);
  const io: CliIO = { stdout: sink(chunks.stdout), stderr, stdoutIsTTY, log: (message) => stderr.write(`${message}\n`) };
  const text = (which: 'stdout' | 'stderr') => Buffer.concat(chunks[which]).toString('utf8');
  return {
    io,
    stdout: () => text('stdout'),
    stderr: () => text('stderr'),
    /** The same, as properties. */
    out: {
      get stdout() {
        return text('stdout');
      },
      get stderr() {
        return text('stderr');
      },
    },
  };
}
