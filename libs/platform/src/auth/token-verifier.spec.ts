import { describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import type { AuthKeys } from './auth-keys.js';
import { mintToken } from './token-minter.js';
import { createTokenVerifier, InvalidToken, type InvalidTokenReason } from './token-verifier.js';

const secret = new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!');
const keys: AuthKeys = { kind: 'secret', secret, issuer: 'registro', audience: 'registro-api' };
const verifier = createTokenVerifier(keys, (code) => ['08', '15'].includes(code));
const reason = (token: string): Promise<InvalidTokenReason | 'accepted'> =>
  verifier.verify(token).then(() => 'accepted' as const, (error: unknown) => (error instanceof InvalidToken ? error.reason : Promise.reject(error)));
const raw = (claims: Record<string, unknown>, expiresIn: string | null = '1h') => {
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer('registro').setAudience('registro-api').setIssuedAt();
  if (expiresIn) jwt = jwt.setExpirationTime(expiresIn);
  return jwt.sign(secret);
};

describe('the token verifier', () => {
  it('reads the actor of a minted token, departments sorted and deduplicated', async () => {
    const token = await mintToken(keys, { subject: 'u-1', role: 'police', departments: ['15', '08', '15'], hours: 1 });
    expect(await verifier.verify(token)).toEqual({ subject: 'u-1', role: 'police', departments: ['08', '15'], expiresAt: expect.any(String) });
  });

  it('names why a token is refused', async () => {
    expect(await reason(await mintToken(keys, { subject: 'u', role: 'admin', departments: [], hours: 1, now: new Date(Date.now() - 2 * 3_600_000) }))).toBe('expired');
    expect(await reason(await mintToken({ ...keys, secret: new TextEncoder().encode('another-secret-of-at-least-32-bytes') }, { subject: 'u', role: 'admin', departments: [], hours: 1 }))).toBe('signature');
    expect(await reason(await mintToken({ ...keys, audience: 'other' }, { subject: 'u', role: 'admin', departments: [], hours: 1 }))).toBe('claims');
    expect(await reason(await raw({ sub: 'u', role: 'admin' }, null))).toBe('claims');
    expect(await reason(await raw({ role: 'admin' }))).toBe('claims');
    expect(await reason(await raw({ sub: 'u', role: 'root' }))).toBe('claims');
    expect(await reason(await raw({ sub: 'u', role: 'police', departments: ['08', '99'] }))).toBe('claims');
    expect(await reason('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1In0.')).toBe('malformed');
    expect(await reason(await raw({ sub: 'u', role: 'police', departments: ['08'] }))).toBe('accepted');
  });

  it('refuses to mint when the keys belong to an identity provider', async () => {
    await expect(mintToken({ kind: 'jwks', url: new URL('https://idp/certs'), issuer: null, audience: null }, { subject: 'u', role: 'admin', departments: [], hours: 1 }))
      .rejects.toThrow(/identity provider/);
  });
});
