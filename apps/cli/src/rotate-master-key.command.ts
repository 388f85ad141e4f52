import { keyringPath, loadMasterKeyringChecked, rotateMasterKey, type AppConfig } from '#platform';
import type { CliDatabase } from './cli-database.js';
import { EXIT, UsageError, type ExitCode } from './cli-errors.js';
import { writeResult, type CliIO } from './cli-io.js';
import type { CliCommand } from './command-line.js';

export type RotateMasterKeyCommand = Extract<CliCommand, { command: 'rotate-master-key' }>;

/** MASTER_KEY alone is one fixed key: a rotation needs the keyring file it can rewrite. */
export function checkRotatable(config: AppConfig): void {
  if (config.masterKey && !config.masterKeysFile) {
    throw new UsageError(
      'MASTER_KEY es una sola clave fija: defina MASTER_KEYS_FILE (se crea desde MASTER_KEY la primera vez) y luego quite MASTER_KEY',
      'MASTER_KEY is one fixed key: set MASTER_KEYS_FILE (created from MASTER_KEY the first time), then remove MASTER_KEY',
    );
  }
}

/**
 * `rotate-master-key`: a new master key version, every subject key re-wrapped under it (progress on stderr), the
 * old versions deleted from the keyring. Prints {version, retired, rewrapped, backupsDeleteBy}: backups of the
 * database and of the keyring file taken before now still open erased subjects' old keys until deleted.
 */
export async function runRotateMasterKey(
  command: RotateMasterKeyCommand,
  context: { db: CliDatabase; config: AppConfig; io: CliIO },
): Promise<ExitCode> {
  const { db, config, io } = context;
  checkRotatable(config);
  const keyring = await loadMasterKeyringChecked(db.pool, {
    masterKey: config.masterKey,
    keyringFile: config.masterKeysFile,
    dataDir: config.dataDir,
  });
  const file = keyringPath(config.masterKeysFile, config.dataDir);
  const result = await rotateMasterKey(db.pool, keyring, file, {
    batchSize: command.batchSize,
    progress: (done, total) => io.log(`re-envueltas / re-wrapped ${done}/${total}`),
  });
  const now = new Date();
  const backupsDeleteBy = new Date(now.getTime() + config.backupRetentionDays * 86_400_000).toISOString();
  io.log(
    `versión ${result.version} vigente; retiradas / retired: ${result.retired.join(', ') || '—'}. ` +
      `Borre antes de ${backupsDeleteBy} las copias de la base y del llavero anteriores a ${now.toISOString()} / ` +
      `delete the database and keyring backups older than ${now.toISOString()} by ${backupsDeleteBy}`,
  );
  await writeResult(io, `${JSON.stringify({ ...result, rotatedAt: now.toISOString(), backupsDeleteBy })}\n`, null);
  return EXIT.ok;
}
