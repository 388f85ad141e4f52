import { writeFile } from 'node:fs/promises';
import { UsageError } from './cli-errors.js';

/** Where a command writes: results to stdout (or --out), progress and diagnostics to stderr. */
export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdoutIsTTY: boolean;
  /** One diagnostic line on stderr. */
  log(message: string): void;
}

export function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdoutIsTTY: process.stdout.isTTY === true,
    log: (message) => process.stderr.write(`${message}\n`),
  };
}

/** A spreadsheet is bytes a terminal cannot show (and would be garbled by): refused before any work is done. */
export function checkDestination(format: string, out: string | null, stdoutIsTTY: boolean): void {
  if (format === 'xlsx' && out === null && stdoutIsTTY) {
    throw new UsageError(
      '--format xlsx: no se escribe un libro XLSX en la terminal; use --out archivo.xlsx o redirija la salida',
      'an XLSX workbook is not written to a terminal; use --out file.xlsx or redirect the output',
    );
  }
}

/** Writes a result: to the file when given, else to stdout (a trailing newline only for a human at a terminal). */
export async function writeResult(io: CliIO, body: Buffer | string, out: string | null): Promise<void> {
  if (out !== null) {
    await writeFile(out, body);
    io.log(`escrito / written: ${out} (${Buffer.byteLength(body)} bytes)`);
    return;
  }
  await write(io.stdout, body);
  if (io.stdoutIsTTY && Buffer.from(body).at(-1) !== 0x0a) await write(io.stdout, '\n');
}

function write(stream: NodeJS.WritableStream, chunk: Buffer | string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(chunk, (error) => (error ? reject(error) : resolve())));
}
