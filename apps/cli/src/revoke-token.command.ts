import { RevokedTokens, type AppConfig } from '#platform';
import type { CliDatabase } from './cli-database.js';
import { EXIT, type ExitCode } from './cli-errors.js';
import type { CliIO } from './cli-io.js';

/** Clock tolerance of the verifier plus a margin: the row outlives every token that could carry this `jti`. */
const MARGIN_MS = 3_600_000;

/**
 * `revoke-token --jti X`: adds the token id to the revocation list (revoked_tokens). No token lives longer than
 * TOKEN_MAX_HOURS, so the row is kept that long (plus a margin) and then pruned. The API refuses the token within
 * REVOCATION_REFRESH_MS (5 s) on every replica.
 */
export async function runRevokeToken(
  command: { jti: string; reason: string },
  context: { db: CliDatabase; config: AppConfig; io: CliIO; now?: Date },
): Promise<ExitCode> {
  const now = context.now ?? new Date();
  const expiresAt = new Date(now.getTime() + context.config.auth.maxHours * 3_600_000 + MARGIN_MS);
  const added = await new RevokedTokens(context.db.pool).revoke(command.jti, expiresAt, command.reason);
  context.io.log(
    added
      ? `token revocado / token revoked: jti ${command.jti} (el API lo rechaza en unos 5 s / the API refuses it within about 5 s)`
      : `ya estaba revocado / already revoked: jti ${command.jti}`,
  );
  return EXIT.ok;
}
