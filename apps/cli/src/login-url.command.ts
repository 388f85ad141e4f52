import { mintSignInCode, resolveAuthKeys, SIGN_IN_CODE_MINUTES, type AppConfig, type ReferenceCatalogs } from '#platform';
import { EXIT, UsageError, type ExitCode } from './cli-errors.js';
import type { CliIO } from './cli-io.js';
import { checkTokenRequest, scopeText, type TokenCommand } from './token.command.js';

export interface LoginUrlCommand extends TokenCommand {
  /** Where the console is served; null: http://HOST:PORT of the configuration. */
  url: string | null;
}

/**
 * Prints a sign-in link for the web console: `<url>/sign-in#code=<code>`. The code is in the fragment, which
 * browsers never send to a server (nor put in its logs); the console posts it once to /api/v1/auth/sign-in.
 */
export async function runLoginUrl(
  command: LoginUrlCommand,
  context: { config: AppConfig; catalogs: ReferenceCatalogs; io: CliIO; now?: Date },
): Promise<ExitCode> {
  const { config, io } = context;
  checkTokenRequest(command, context.catalogs, config);
  const keys = resolveAuthKeys(config.auth, config.dataDir);
  if (keys.kind !== 'secret') {
    throw new UsageError(
      'AUTH_JWKS_URL está configurada: la consola inicia sesión con su proveedor de identidad, no con enlaces locales',
      'AUTH_JWKS_URL is set: the console signs in with your identity provider, not with local links',
    );
  }
  const { code } = await mintSignInCode(keys, { ...command, now: context.now });
  const host = ['0.0.0.0', '::'].includes(config.host) ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
  const base = command.url ?? `http://${host}:${config.port}`;
  const scope = scopeText(command.departments);
  io.log(
    `enlace de acceso: rol ${command.role}, departamentos ${scope}, sesión de ${command.hours} h; vale ${SIGN_IN_CODE_MINUTES} minutos y una sola vez`,
  );
  io.log(
    `sign-in link: role ${command.role}, departments ${scope}, ${command.hours} h session; valid for ${SIGN_IN_CODE_MINUTES} minutes, once`,
  );
  io.stdout.write(`${base}/sign-in#code=${code}\n`);
  return EXIT.ok;
}
