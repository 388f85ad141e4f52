import { randomUUID } from 'node:crypto';
import { mintToken, resolveAuthKeys, type AppConfig, type ReferenceCatalogs, type Role } from '#platform';
import { EXIT, invalidOption, UsageError, type ExitCode } from './cli-errors.js';
import type { CliIO } from './cli-io.js';

export interface TokenCommand {
  role: Role;
  departments: string[];
  hours: number;
  subject: string;
}

/**
 * Prints a bearer token signed with the configured HS256 secret (AUTH_JWT_SECRET, or the embedded default's
 * `.data/jwt-secret`, created if the API has not run yet). Needs no database. With AUTH_JWKS_URL the keys are the
 * identity provider's: tokens come from it, and this command refuses (exit 2).
 */
export async function runToken(
  command: TokenCommand,
  context: { config: AppConfig; catalogs: ReferenceCatalogs; io: CliIO; now?: Date },
): Promise<ExitCode> {
  const { config, catalogs, io } = context;
  checkTokenRequest(command, catalogs, config);
  const keys = resolveAuthKeys(config.auth, config.dataDir);
  if (keys.kind !== 'secret') {
    throw new UsageError(
      'AUTH_JWKS_URL está configurada: los tokens los emite su proveedor de identidad (p. ej. Keycloak), no esta herramienta',
      'AUTH_JWKS_URL is set: tokens are issued by your identity provider (e.g. Keycloak), not by this tool',
    );
  }
  const now = context.now ?? new Date();
  const jti = randomUUID();
  const token = await mintToken(keys, { ...command, now, jti });
  const expires = new Date(now.getTime() + command.hours * 3_600_000).toISOString();
  io.log(
    `token: rol/role ${command.role}, sujeto/subject ${command.subject}, departamentos/departments ${scopeText(command.departments)}, vence/expires ${expires}`,
  );
  io.log(`jti ${jti} (para revocarlo / to revoke it: npm run cli -- revoke-token --jti ${jti})`);
  io.stdout.write(`${token}\n`);
  return EXIT.ok;
}

/** How the CLI names a scope: the departments, or national scope spelled out (the token says `scope_national: true`). */
export const scopeText = (departments: readonly string[]): string =>
  departments.length > 0
    ? departments.join(', ')
    : 'NACIONAL (sin --department: todos los departamentos) / NATIONAL (no --department: every department, scope_national)';

/** Departments must exist in the catalog (the API would refuse the token otherwise); hours at most TOKEN_MAX_HOURS. */
export function checkTokenRequest(command: TokenCommand, catalogs: ReferenceCatalogs, config: AppConfig): void {
  if (command.hours > config.auth.maxHours) {
    throw invalidOption(
      '--hours',
      `no puede superar TOKEN_MAX_HOURS (${config.auth.maxHours} h)`,
      `must not exceed TOKEN_MAX_HOURS (${config.auth.maxHours} h)`,
    );
  }
  for (const code of command.departments) {
    if (catalogs.ubigeo.departmentName(code) === undefined) {
      throw invalidOption(
        '--department',
        `«${code}» no es un departamento del catálogo UBIGEO del INEI`,
        `"${code}" is not a department of the INEI UBIGEO catalog`,
      );
    }
  }
}
