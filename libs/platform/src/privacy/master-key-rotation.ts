import type pg from 'pg';
import { inTransaction } from '#event-store';
import { retireOldVersions, withNewVersion, wrappersOf, writeKeyring, type MasterKeyring } from './master-keyring.js';

export interface RotationResult {
  /** The new current version. */
  version: number;
  /** Versions deleted from the keyring: nothing wrapped by them can be opened with this keyring any more. */
  retired: number[];
  rewrapped: number;
}

/**
 * Rotates the master key: a new version is written to the keyring file (the old ones kept, so a crash half-way
 * leaves every subject key readable), every subject key not yet under it is unwrapped and wrapped again, one
 * transaction per batch (FOR UPDATE: an erasure meanwhile waits or wins), until none is left; then the old
 * versions are deleted from the file. Run with the API stopped: a running API keeps wrapping new keys with the
 * version it loaded. Erased subjects have no wrapped key: nothing to re-wrap, nothing left to open.
 */
export async function rotateMasterKey(
  pool: pg.Pool,
  keyring: MasterKeyring,
  file: string,
  options: { batchSize?: number; progress?: (done: number, total: number) => void } = {},
): Promise<RotationResult> {
  const batchSize = options.batchSize ?? 500;
  const rotated = withNewVersion(keyring);
  writeKeyring(file, rotated);
  const wrappers = wrappersOf(rotated);
  const target = wrappers.wrapper(rotated.current)!;
  const {
    rows: [{ n }],
  } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM subject_keys WHERE wrapped_key IS NOT NULL AND master_key_version <> $1', [
    rotated.current,
  ]);
  const total = Number(n);
  let done = 0;
  options.progress?.(done, total);
  for (;;) {
    const count = await inTransaction(pool, async (client) => {
      const { rows } = await client.query<{ subject_id: string; wrapped_key: Buffer; master_key_version: number }>(
        `SELECT subject_id, wrapped_key, master_key_version FROM subject_keys
          WHERE wrapped_key IS NOT NULL AND master_key_version <> $1 ORDER BY subject_id LIMIT $2 FOR UPDATE`,
        [rotated.current, batchSize],
      );
      for (const row of rows) {
        const source = wrappers.wrapper(row.master_key_version);
        if (!source)
          throw new Error(
            `subject key ${row.subject_id} is wrapped by master key version ${row.master_key_version}, which the keyring does not hold`,
          );
        const rewrapped = await target.wrap(await source.unwrap(row.wrapped_key));
        await client.query('UPDATE subject_keys SET wrapped_key = $2, master_key_version = $3 WHERE subject_id = $1', [
          row.subject_id,
          rewrapped,
          rotated.current,
        ]);
      }
      return rows.length;
    });
    if (count === 0) break;
    done += count;
    options.progress?.(done, Math.max(total, done));
  }
  const retired = [...rotated.keys.keys()].filter((version) => version !== rotated.current).sort((a, b) => a - b);
  writeKeyring(file, retireOldVersions(rotated));
  return { version: rotated.current, retired, rewrapped: done };
}
