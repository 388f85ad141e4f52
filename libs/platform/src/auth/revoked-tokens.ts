import type pg from 'pg';
import type { RevocationCheck } from './token-verifier.js';

/** How stale the in-memory list may be: a revocation takes effect on every replica within this (README). */
export const REVOCATION_REFRESH_MS = 5_000;
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * The revocation list (table revoked_tokens, migration RevokedTokens1764201600900). The hot path asks an
 * in-memory set; the set is reloaded from PostgreSQL when older than REVOCATION_REFRESH_MS (one query at a time,
 * shared by the waiting requests), so every replica sees a revocation within that. The list only holds tokens
 * that may still be valid (at most TOKEN_MAX_HOURS old), so it stays small; expired rows are pruned.
 */
export class RevokedTokens implements RevocationCheck {
  private revoked = new Set<string>();
  private loadedAt = -Infinity;
  private prunedAt = -Infinity;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly refreshMs = REVOCATION_REFRESH_MS,
  ) {}

  async isRevoked(jti: string): Promise<boolean> {
    if (Date.now() - this.loadedAt >= this.refreshMs)
      await (this.loading ??= this.load().finally(() => {
        this.loading = null;
      }));
    return this.revoked.has(jti);
  }

  /** Records a revocation; false when that `jti` was already revoked. */
  async revoke(jti: string, expiresAt: Date, reason: string): Promise<boolean> {
    const result = await this.pool.query(
      'INSERT INTO revoked_tokens (jti, expires_at, reason) VALUES ($1, $2, $3) ON CONFLICT (jti) DO NOTHING',
      [jti, expiresAt, reason],
    );
    return result.rowCount === 1;
  }

  private async load(): Promise<void> {
    const started = Date.now();
    if (started - this.prunedAt >= PRUNE_EVERY_MS) {
      await this.pool.query('DELETE FROM revoked_tokens WHERE expires_at < now()');
      this.prunedAt = started;
    }
    const { rows } = await this.pool.query<{ jti: string }>('SELECT jti FROM revoked_tokens WHERE expires_at >= now()');
    this.revoked = new Set(rows.map((r) => r.jti));
    this.loadedAt = started;
  }
}
