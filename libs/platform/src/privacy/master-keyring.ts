import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { adviceLine, StartupError } from '../embedded/startup-problems.js';
import { linkageKeyOf } from './document-linkage.js';
import { LocalKeyWrapper, type KeyWrapper } from './key-wrapper.js';

const FORMAT = 'registro-master-keys/1';

/**
 * The master keys, by version. Subject keys are wrapped by the current version and record it; `rotate-master-key`
 * adds a version, re-wraps every subject key under it and then deletes the older versions from this keyring, so a
 * backup of the database taken before an erasure, holding the erased subject's old wrapped key, opens with none
 * of the keys left.
 *
 * Two keys are not master keys and survive rotation on purpose, derived once from the first master key:
 * - the linkage key (HMAC of identity documents): hashes must stay comparable across versions for the same person
 *   to be linked; it only ever produces the hashes kept in `document_links`, which erasure deletes;
 * - the legacy field keys that open `sealed:v1:` values written before per-subject keys: those values were never
 *   sealed per person and cannot be shredded (README, "Erasure").
 * Neither can unwrap a subject key.
 */
export interface MasterKeyring {
  current: number;
  /** Base64 of 32 bytes, by version. */
  keys: ReadonlyMap<number, Buffer>;
  linkageKey: Buffer;
  legacyFieldKeys: { encryption: Buffer; nonce: Buffer };
}

interface KeyringFile {
  format: typeof FORMAT;
  current: number;
  keys: Record<string, string>;
  linkageKey: string;
  legacyFieldKeys: { encryption: string; nonce: string };
}

/** The wrappers of every master key version held, and the current one that wraps new keys. */
export interface VersionedKeyWrappers {
  current: number;
  wrapper(version: number): KeyWrapper | undefined;
}

export class MasterKeyError extends Error {}

/** A keyring of one version from a single master key (MASTER_KEY, or the old `.data/master.key`). */
export function singleKeyring(masterKey: Buffer, version = 1): MasterKeyring {
  if (masterKey.length !== 32) throw new MasterKeyError('the master key must be 32 bytes');
  return {
    current: version,
    keys: new Map([[version, masterKey]]),
    linkageKey: linkageKeyOf(masterKey),
    legacyFieldKeys: legacyFieldKeysOf(masterKey),
  };
}

/** The keys the legacy FieldSealer (`sealed:v1:`) derives from a master key. */
export function legacyFieldKeysOf(masterKey: Buffer): { encryption: Buffer; nonce: Buffer } {
  return {
    encryption: createHmac('sha256', masterKey).update('registro:field-encryption').digest(),
    nonce: createHmac('sha256', masterKey).update('registro:field-nonce').digest(),
  };
}

export function wrappersOf(keyring: MasterKeyring): VersionedKeyWrappers {
  const wrappers = new Map([...keyring.keys].map(([version, key]) => [version, new LocalKeyWrapper(key)]));
  return { current: keyring.current, wrapper: (version) => wrappers.get(version) };
}

/** Where the keyring lives: MASTER_KEYS_FILE, else `DATA_DIR/master-keys.json`. */
export function keyringPath(configuredFile: string | null, dataDir: string): string {
  return configuredFile ?? join(dataDir, 'master-keys.json');
}

/**
 * The master keyring. MASTER_KEY alone (no keyring file): one version, 1, that cannot be rotated. Otherwise the
 * keyring file; a missing file is created from MASTER_KEY, or from the old single-key `DATA_DIR/master.key`
 * (which is then deleted: it is version 1 of the keyring now), or, for local use, from a new random key — never
 * when the database already holds sealed data (`sealedDataExists`): then it refuses.
 */
export function loadMasterKeyring(options: {
  masterKey: string | null;
  keyringFile: string | null;
  dataDir: string;
  /** The database already holds sealed data (subject keys, sealed fields): a new random key would make it unreadable. */
  sealedDataExists?: boolean;
}): MasterKeyring {
  const file = keyringPath(options.keyringFile, options.dataDir);
  if (existsSync(file)) return readKeyring(file);
  if (options.masterKey && !options.keyringFile) return singleKeyring(Buffer.from(options.masterKey, 'base64'));
  const legacyFile = join(options.dataDir, 'master.key');
  const fromLegacy = !options.masterKey && existsSync(legacyFile);
  if (!options.masterKey && !fromLegacy && options.sealedDataExists) {
    // Never regenerated: every sealed field of the log would be lost for good.
    throw new StartupError(
      `the master keyring ${file} is missing, but the database holds sealed personal data (subject keys, sealed fields): a new key would make it unreadable, so the registry does not start`,
      adviceLine(
        `restaure ${file} (o MASTER_KEY / MASTER_KEYS_FILE) de su copia de seguridad de claves y vuelva a iniciar`,
        `restore ${file} (or MASTER_KEY / MASTER_KEYS_FILE) from your key backup and start again`,
      ),
    );
  }
  const first = options.masterKey
    ? Buffer.from(options.masterKey, 'base64')
    : fromLegacy
      ? Buffer.from(readFileSync(legacyFile, 'utf8').trim(), 'base64')
      : randomBytes(32);
  const keyring = singleKeyring(first);
  writeKeyring(file, keyring);
  if (fromLegacy) rmSync(legacyFile);
  return keyring;
}

/**
 * loadMasterKeyring, after asking the database whether it already holds data sealed under a master key (only when
 * a key would otherwise be generated: no keyring file, no MASTER_KEY): wrapped subject keys, or sealed fields.
 */
export async function loadMasterKeyringChecked(
  pool: Queryable,
  options: { masterKey: string | null; keyringFile: string | null; dataDir: string },
): Promise<MasterKeyring> {
  const wouldGenerate =
    !options.masterKey &&
    !existsSync(keyringPath(options.keyringFile, options.dataDir)) &&
    !existsSync(join(options.dataDir, 'master.key'));
  const sealedDataExists = wouldGenerate
    ? (
        await pool.query<{ sealed: boolean }>(
          `SELECT EXISTS (SELECT 1 FROM subject_keys) OR EXISTS (SELECT 1 FROM events WHERE data::text LIKE '%"sealed:v%') AS sealed`,
        )
      ).rows[0].sealed
    : false;
  return loadMasterKeyring({ ...options, sealedDataExists });
}

/** What loadMasterKeyringChecked needs of a pg pool or client. */
interface Queryable {
  query<R extends object>(sql: string): Promise<{ rows: R[] }>;
}

export function readKeyring(file: string): MasterKeyring {
  let parsed: KeyringFile;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as KeyringFile;
  } catch (error) {
    throw new MasterKeyError(`${file} is not a master keyring: ${(error as Error).message}`);
  }
  if (parsed?.format !== FORMAT || !Number.isInteger(parsed.current) || typeof parsed.keys !== 'object') {
    throw new MasterKeyError(`${file} is not a master keyring (format ${FORMAT})`);
  }
  const keys = new Map(Object.entries(parsed.keys).map(([version, key]) => [Number(version), Buffer.from(key, 'base64')]));
  if (!keys.has(parsed.current) || [...keys.values()].some((key) => key.length !== 32)) {
    throw new MasterKeyError(`${file}: the current version ${parsed.current} is missing or a key is not 32 bytes`);
  }
  return {
    current: parsed.current,
    keys,
    linkageKey: Buffer.from(parsed.linkageKey, 'base64'),
    legacyFieldKeys: {
      encryption: Buffer.from(parsed.legacyFieldKeys.encryption, 'base64'),
      nonce: Buffer.from(parsed.legacyFieldKeys.nonce, 'base64'),
    },
  };
}

/** Written to a temporary file and renamed over the old one: a crash leaves the old keyring or the new, whole. */
export function writeKeyring(file: string, keyring: MasterKeyring): void {
  const content: KeyringFile = {
    format: FORMAT,
    current: keyring.current,
    keys: Object.fromEntries(
      [...keyring.keys].sort(([a], [b]) => a - b).map(([version, key]) => [String(version), key.toString('base64')]),
    ),
    linkageKey: keyring.linkageKey.toString('base64'),
    legacyFieldKeys: {
      encryption: keyring.legacyFieldKeys.encryption.toString('base64'),
      nonce: keyring.legacyFieldKeys.nonce.toString('base64'),
    },
  };
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}

/** A keyring with one more version, now current (the older ones stay until the subject keys are re-wrapped). */
export function withNewVersion(keyring: MasterKeyring): MasterKeyring {
  const next = Math.max(...keyring.keys.keys()) + 1;
  return { ...keyring, current: next, keys: new Map([...keyring.keys, [next, randomBytes(32)]]) };
}

/** Only the current version: the retired ones are gone from the file. */
export function retireOldVersions(keyring: MasterKeyring): MasterKeyring {
  return { ...keyring, keys: new Map([[keyring.current, keyring.keys.get(keyring.current)!]]) };
}
