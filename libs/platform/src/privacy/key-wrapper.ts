import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Wraps and unwraps the data keys of data subjects. Only wrapped keys are ever stored; the wrapping key never
 * leaves its holder, so a KMS (AWS KMS, Cloud KMS, Vault transit) can replace the local implementation
 * without touching the sealing code. Asynchronous because a KMS is a network call.
 */
export interface KeyWrapper {
  wrap(key: Buffer): Promise<Buffer>;
  unwrap(wrapped: Buffer): Promise<Buffer>;
}

const WRAP_AAD = Buffer.from('registro:subject-key:v1');

/** AES-256-GCM key wrap under a key derived from the master key: nonce (12) ‖ tag (16) ‖ wrapped key. */
export class LocalKeyWrapper implements KeyWrapper {
  private readonly wrappingKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('the master key must be 32 bytes');
    this.wrappingKey = createHmac('sha256', masterKey).update('registro:key-wrapping').digest();
  }

  async wrap(key: Buffer): Promise<Buffer> {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.wrappingKey, nonce);
    cipher.setAAD(WRAP_AAD);
    const body = Buffer.concat([cipher.update(key), cipher.final()]);
    return Buffer.concat([nonce, cipher.getAuthTag(), body]);
  }

  async unwrap(wrapped: Buffer): Promise<Buffer> {
    const decipher = createDecipheriv('aes-256-gcm', this.wrappingKey, wrapped.subarray(0, 12));
    decipher.setAAD(WRAP_AAD);
    decipher.setAuthTag(wrapped.subarray(12, 28));
    return Buffer.concat([decipher.update(wrapped.subarray(28)), decipher.final()]);
  }
}
