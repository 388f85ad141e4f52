import type pg from 'pg';

/** The table of exchanged sign-in links (migration SignInCodes1764201600800). */
export class SignInCodesUsed {
  constructor(private readonly pool: pg.Pool) {}

  /** Records the code as used; false when it already was (a second use of the same link). Atomic across replicas. */
  async markUsed(jti: string, expiresAt: Date): Promise<boolean> {
    const result = await this.pool.query('INSERT INTO sign_in_codes_used (jti, expires_at) VALUES ($1, $2) ON CONFLICT (jti) DO NOTHING', [
      jti,
      expiresAt,
    ]);
    return result.rowCount === 1;
  }
}
