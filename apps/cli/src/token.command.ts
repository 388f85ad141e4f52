import { mintToken, resolveAuthKeys, type AppConfig, type ReferenceCatalogs, type Role } from '../../../libs/platform/src/index.js';
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
export async function runToken(command: TokenCommand, context: { config: AppConfig; catalogs: ReferenceCatalogs; io: CliIO; now?: Date }): Promise<ExitCode> {
  const { config, catalogs, io } = context;
  checkTokenRequest(command, catalogs);
  const keys = resolveAuthKeys(config.auth, config.dataDir);
  if (keys.kind !== 'secret') {
    throw new UsageError(
      'AUTH_JWKS_URL está configurada: los tokens los emite su proveedor de identidad (p. ej. Keycloak), no esta herramienta',
      'AUTH_JWKS_URL is set: tokens are issued by your identity provider (e.g. Keycloak), not by this tool',
    );
  }
  const now = context.now ?? new Date();
  const token = await mintToken(keys, { ...command, now });
  const expires = new Date(now.getTime() + command.hours * 3_600_000).toISOString();
  const scope = command.departments.length > 0 ? command.departments.join(', ') : 'nacional / national';
  io.log(`token: rol/role ${command.role}, sujeto/subject ${command.subject}, departamentos/departments ${scope}, vence/expires ${expires}`);
  io.stdout.write(`${token}\n`);
  return EXIT.ok;
}

/** Departments must exist in the catalog (the API would refuse the token otherwise). */
export function checkTokenRequest(command: TokenCommand, catalogs: ReferenceCatalogs): void {
  for (const code of command.departments) {
    if (catalogs.ubigeo.departmentName(code) === undefined) {
      throw invalidOption('--department', `«${code}» no es un departamento del catálogo UBIGEO del INEI`, `"${code}" is not a department of the INEI UBIGEO catalog`);
    }
  }
}
