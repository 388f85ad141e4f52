import { describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import type { AuthKeys } from './auth-keys.js';
import { mintToken } from './token-minter.js';
import { createTokenVerifier, InvalidToken, type InvalidTokenReason } from './token-verifier.js';

const secret = new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!');
const keys: AuthKeys = { kind: 'secret', secret, issuer: 'registro', audience: 'registro-api' };
const verifier = createTokenVerifier(keys, (code) => ['08', '15'].includes(code));
const reason = (token: string): Promise<InvalidTokenReason | 'accepted'> =>
  verifier.verify(token).then(
    () => 'accepted' as const,
    (error: unknown) => (error instanceof InvalidToken ? error.reason : Promise.reject(error)),
  );
const raw = (claims: Record<string, unknown>, expiresIn: string | null = '1h', key = secret) => {
  let jwt = new SignJWT({ jti: randomUUID(), ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('registro')
    .setAudience('registro-api')
    .setIssuedAt();
  if (expiresIn) jwt = jwt.setExpirationTime(expiresIn);
  return jwt.sign(key);
};

describe('the token verifier', () => {
  it('reads the actor of a minted token, departments sorted and deduplicated', async () => {
    const token = await mintToken(keys, { subject: 'u-1', role: 'police', departments: ['15', '08', '15'], hours: 1 });
    expect(await verifier.verify(token)).toEqual({
      subject: 'u-1',
      role: 'police',
      departments: ['08', '15'],
      expiresAt: expect.any(String),
    });
  });

  it('names why a token is refused', async () => {
    expect(
      await reason(
        await mintToken(keys, { subject: 'u', role: 'admin', departments: [], hours: 1, now: new Date(Date.now() - 2 * 3_600_000) }),
      ),
    ).toBe('expired');
    expect(
      await reason(
        await mintToken(
          { ...keys, secret: new TextEncoder().encode('another-secret-of-at-least-32-bytes') },
          { subject: 'u', role: 'admin', departments: [], hours: 1 },
        ),
      ),
    ).toBe('signature');
    expect(await reason(await mintToken({ ...keys, audience: 'other' }, { subject: 'u', role: 'admin', departments: [], hours: 1 }))).toBe(
      'claims',
    );
    expect(await reason(await raw({ sub: 'u', role: 'admin' }, null))).toBe('claims');
    expect(await reason(await raw({ role: 'admin' }))).toBe('claims');
    expect(await reason(await raw({ sub: 'u', role: 'root' }))).toBe('claims');
    expect(await reason(await raw({ sub: 'u', role: 'police', departments: ['08', '99'] }))).toBe('claims');
    expect(await reason('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1In0.')).toBe('malformed');
    expect(await reason(await raw({ sub: 'u', role: 'police', departments: ['08'] }))).toBe('accepted');
  });

  it('grants national scope only by the explicit claim scope_national: true', async () => {
    expect(await reason(await raw({ sub: 'u', role: 'admin' }))).toBe('no_scope');
    expect(await reason(await raw({ sub: 'u', role: 'admin', departments: [] }))).toBe('no_scope');
    expect(await reason(await raw({ sub: 'u', role: 'admin', scope_national: false }))).toBe('no_scope');
    expect(await reason(await raw({ sub: 'u', role: 'admin', scope_national: 'yes' }))).toBe('claims');
    expect(await reason(await raw({ sub: 'u', role: 'admin', scope_national: true, departments: ['08'] }))).toBe('claims');
    expect(await verifier.verify(await raw({ sub: 'u', role: 'admin', scope_national: true }))).toMatchObject({ departments: [] });
    const minted = await mintToken(keys, { subject: 'u', role: 'admin', departments: [], hours: 1 });
    expect(JSON.parse(Buffer.from(minted.split('.')[1], 'base64url').toString())).toMatchObject({
      scope_national: true,
      jti: expect.any(String),
    });
  });

  it('caps the lifetime (exp − iat) at TOKEN_MAX_HOURS, 8 h by default, and requires iat and jti', async () => {
    expect(await reason(await raw({ sub: 'u', role: 'admin', scope_national: true }, '8h'))).toBe('accepted');
    expect(await reason(await raw({ sub: 'u', role: 'admin', scope_national: true }, '9h'))).toBe('claims');
    expect(await reason(await raw({ sub: 'u', role: 'admin', scope_national: true, jti: undefined }))).toBe('claims');
    const noIat = await new SignJWT({ sub: 'u', role: 'admin', scope_national: true, jti: 'j' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('registro')
      .setAudience('registro-api')
      .setExpirationTime('1h')
      .sign(secret);
    expect(await reason(noIat)).toBe('claims');
    await expect(mintToken(keys, { subject: 'u', role: 'admin', departments: [], hours: 9 })).rejects.toThrow(/TOKEN_MAX_HOURS/);
    const longer = createTokenVerifier({ ...keys, maxHours: 24 }, () => true);
    await expect(longer.verify(await raw({ sub: 'u', role: 'admin', scope_national: true }, '24h'))).resolves.toMatchObject({
      subject: 'u',
    });
  });

  it("accepts a rotation's previous secret for verification, and signs only with the current one", async () => {
    const old = new TextEncoder().encode('the-previous-secret-of-at-least-32-bytes');
    const rotated = createTokenVerifier({ ...keys, previous: [old] }, () => true);
    const signedWithOld = await raw({ sub: 'u', role: 'admin', scope_national: true }, '1h', old);
    await expect(rotated.verify(signedWithOld)).resolves.toMatchObject({ subject: 'u' });
    expect(await reason(signedWithOld)).toBe('signature');
    const stranger = await raw(
      { sub: 'u', role: 'admin', scope_national: true },
      '1h',
      new TextEncoder().encode('a-stranger-secret-of-at-least-32-bytes'),
    );
    await expect(rotated.verify(stranger)).rejects.toMatchObject({ reason: 'signature' });
    // Minted with the rotated keys: verifies with the current secret alone.
    expect(await reason(await mintToken({ ...keys, previous: [old] }, { subject: 'u', role: 'admin', departments: [], hours: 1 }))).toBe(
      'accepted',
    );
  });

  it('refuses to mint when the keys belong to an identity provider', async () => {
    await expect(
      mintToken(
        { kind: 'jwks', url: new URL('https://idp/certs'), issuer: null, audience: null },
        { subject: 'u', role: 'admin', departments: [], hours: 1 },
      ),
    ).rejects.toThrow(/identity provider/);
  });
});
