import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream, openSync, readSync, closeSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Readable, Writable } from 'node:stream';

/**
 * The backup file (docs/operations-backup.md): UTF-8 JSON lines, gzip-compressed when the name ends in `.gz`.
 *
 *   {"format":"registro-de-trata-backup","formatVersion":1}          the header
 *   {"part":"events","columns":["global_position",…]}                 one part per table, then its rows:
 *   {"global_position":1,…}                                           one row a line (PostgreSQL's to_jsonb)
 *   …
 *   {"manifest":{…,"parts":[{"name":"events","rows":N,"sha256":"…"}]}}
 *   {"sha256":"…"}                                                    of every byte before this line
 *
 * A part's sha256 covers its row lines (each with its newline); the last line covers the header, the part
 * headers and the manifest too, so any changed byte is refused before anything is loaded.
 */
export const BACKUP_FORMAT = 'registro-de-trata-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupPart {
  name: string;
  rows: number;
  sha256: string;
}

export interface BackupManifest {
  formatVersion: number;
  /** The last migration applied to the database backed up: restore needs the same schema. */
  migrationHead: string;
  /** The registry's version (package.json) that wrote the backup. */
  registryVersion: string;
  createdAt: string;
  /** The log's head in the snapshot: its last event, the number of events and the highest transaction id. */
  logHead: { globalPosition: number; events: number; maxTransactionId: string };
  /** The last integrity anchor in the backup (0: none): exported anchors after it are not in the backup. */
  lastAnchorId: number;
  /** The master key versions the backed-up subject keys are wrapped with (the keyring must hold them to restore). */
  masterKeyVersions: number[];
  parts: BackupPart[];
}

export class BackupFileError extends Error {
  constructor(
    readonly messageEs: string,
    readonly messageEn: string,
  ) {
    super(`${messageEs} / ${messageEn}`);
    this.name = 'BackupFileError';
  }
}

/** Writes a backup file part by part, hashing as it goes. */
export class BackupWriter {
  private readonly whole = createHash('sha256');
  private part: { name: string; rows: number; hash: Hash } | null = null;
  private readonly parts: BackupPart[] = [];
  private constructor(
    private readonly sink: Writable,
    private readonly file: Writable,
  ) {}

  static async create(path: string): Promise<BackupWriter> {
    const file = createWriteStream(path, { mode: 0o600, flags: 'wx' });
    await once(file, 'open');
    const sink = path.endsWith('.gz') ? createGzip() : file;
    if (sink !== file) sink.pipe(file);
    const writer = new BackupWriter(sink, file);
    await writer.line(JSON.stringify({ format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION }));
    return writer;
  }

  async startPart(name: string, columns: readonly string[]): Promise<void> {
    this.endPart();
    await this.line(JSON.stringify({ part: name, columns }));
    this.part = { name, rows: 0, hash: createHash('sha256') };
  }

  /** One row, as the JSON text PostgreSQL produced (never re-encoded here, so no value changes on the way). */
  async row(json: string): Promise<void> {
    if (!this.part) throw new Error('row outside a part');
    this.part.rows += 1;
    this.part.hash.update(`${json}\n`);
    await this.line(json);
  }

  /** Writes the manifest (the parts' counts and checksums added) and the file's checksum; closes the file. */
  async finish(manifest: Omit<BackupManifest, 'parts'>): Promise<BackupManifest> {
    this.endPart();
    const complete: BackupManifest = { ...manifest, parts: this.parts };
    await this.line(JSON.stringify({ manifest: complete }));
    const checksum = `${JSON.stringify({ sha256: this.whole.digest('hex') })}\n`;
    this.sink.end(checksum);
    await finished(this.file);
    return complete;
  }

  /** Closes the file after a failure (the caller removes it). */
  async abort(): Promise<void> {
    this.sink.end();
    await finished(this.file).catch(() => undefined);
  }

  private endPart(): void {
    if (!this.part) return;
    this.parts.push({ name: this.part.name, rows: this.part.rows, sha256: this.part.hash.digest('hex') });
    this.part = null;
  }

  private async line(text: string): Promise<void> {
    const bytes = `${text}\n`;
    this.whole.update(bytes);
    if (!this.sink.write(bytes)) await once(this.sink, 'drain');
  }
}

/** What reading a backup file meets, in order: `part` before its rows, `manifest` last. */
export type BackupEntry =
  | { kind: 'part'; name: string; columns: string[] }
  | { kind: 'row'; part: string; json: string }
  | { kind: 'manifest'; manifest: BackupManifest };

const corrupt = (es: string, en: string) =>
  new BackupFileError(`copia de seguridad dañada o alterada: ${es}`, `the backup is damaged or altered: ${en}`);

function isGzip(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const magic = Buffer.alloc(2);
    return readSync(fd, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a backup file, checking every checksum as it goes; throws BackupFileError at the first mismatch. Rows are
 * handed over before the checksums that cover them are known: `verifyBackupFile` reads the whole file first.
 */
export async function* readBackupFile(path: string): AsyncGenerator<BackupEntry> {
  let input: Readable;
  try {
    input = createReadStream(path);
    await once(input, 'open');
  } catch (error) {
    throw new BackupFileError(`no se puede leer ${path}: ${(error as Error).message}`, `cannot read ${path}`);
  }
  const source = isGzip(path) ? input.pipe(createGunzip()) : input;
  const gunzipFailed = new Promise<never>((_, reject) =>
    source.on('error', (error) => reject(corrupt(`compresión inválida (${error.message})`, `invalid compression (${error.message})`))),
  );
  gunzipFailed.catch(() => undefined);
  const lines = createInterface({ input: source, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const next = async (): Promise<string | null> => {
    const result = await Promise.race([lines.next(), gunzipFailed]);
    return result.done ? null : result.value;
  };
  const whole = createHash('sha256');
  const parse = (line: string, what: string): Record<string, unknown> => {
    try {
      const value = JSON.parse(line) as unknown;
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // fall through
    }
    throw corrupt(`${what} ilegible`, `unreadable ${what}`);
  };
  try {
    const header = await next();
    if (header === null) throw corrupt('archivo vacío', 'empty file');
    const parsedHeader = parse(header, 'encabezado / header');
    if (parsedHeader.format !== BACKUP_FORMAT)
      throw new BackupFileError(`${path} no es una copia de seguridad del registro`, `${path} is not a backup of the registry`);
    if (parsedHeader.formatVersion !== BACKUP_FORMAT_VERSION)
      throw new BackupFileError(
        `formato de copia ${String(parsedHeader.formatVersion)} no soportado (se lee el ${BACKUP_FORMAT_VERSION})`,
        `backup format ${String(parsedHeader.formatVersion)} is not supported (this version reads ${BACKUP_FORMAT_VERSION})`,
      );
    whole.update(`${header}\n`);
    const seen: BackupPart[] = [];
    let part: { name: string; rows: number; hash: Hash } | null = null;
    const close = () => {
      if (part) seen.push({ name: part.name, rows: part.rows, sha256: part.hash.digest('hex') });
      part = null;
    };
    for (;;) {
      const line = await next();
      if (line === null) throw corrupt('el archivo está incompleto (sin manifiesto)', 'the file is truncated (no manifest)');
      if (line.startsWith('{"part":')) {
        close();
        whole.update(`${line}\n`);
        const header = parse(line, 'parte / part');
        if (typeof header.part !== 'string' || !Array.isArray(header.columns)) throw corrupt('parte ilegible', 'unreadable part');
        part = { name: header.part, rows: 0, hash: createHash('sha256') };
        yield { kind: 'part', name: header.part, columns: header.columns as string[] };
        continue;
      }
      if (line.startsWith('{"manifest":')) {
        close();
        whole.update(`${line}\n`);
        const manifest = parse(line, 'manifiesto / manifest').manifest as BackupManifest;
        checkParts(manifest, seen);
        const trailer = await next();
        const expected = trailer === null ? null : parse(trailer, 'suma de control / checksum').sha256;
        if ((await next()) !== null || expected !== whole.digest('hex'))
          throw corrupt('la suma SHA-256 del archivo no coincide', "the file's SHA-256 checksum does not match");
        yield { kind: 'manifest', manifest };
        return;
      }
      if (part === null) throw corrupt('fila fuera de una parte', 'a row outside a part');
      const current: { name: string; rows: number; hash: Hash } = part;
      current.rows += 1;
      current.hash.update(`${line}\n`);
      whole.update(`${line}\n`);
      yield { kind: 'row', part: current.name, json: line };
    }
  } finally {
    input.destroy();
  }
}

function checkParts(manifest: BackupManifest, seen: readonly BackupPart[]): void {
  if (!manifest || !Array.isArray(manifest.parts) || manifest.parts.length !== seen.length)
    throw corrupt('el manifiesto no enumera las partes del archivo', 'the manifest does not list the parts of the file');
  for (const [i, part] of manifest.parts.entries()) {
    const found = seen[i];
    if (part.name !== found.name || part.rows !== found.rows || part.sha256 !== found.sha256)
      throw corrupt(
        `la parte «${found.name}» no coincide con su suma SHA-256 o su número de filas`,
        `part "${found.name}" does not match its SHA-256 checksum or row count`,
      );
  }
}

/** Reads the whole file, checking every checksum, and returns its manifest; loads nothing. */
export async function verifyBackupFile(path: string, onRow: () => void = () => undefined): Promise<BackupManifest> {
  for await (const entry of readBackupFile(path)) {
    if (entry.kind === 'row') onRow();
    if (entry.kind === 'manifest') return entry.manifest;
  }
  throw corrupt('sin manifiesto', 'no manifest');
}
