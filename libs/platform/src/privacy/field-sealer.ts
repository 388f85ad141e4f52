import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';

const PREFIX = 'sealed:v1:';

/**
 * Seals free-text personal fields (a call's summary) with AES-256-GCM before they enter an event, so the log,
 * backups and read tables never hold them in clear. The nonce is synthetic (HMAC of context and plaintext, as
 * in SIV): sealing the same text in the same place twice gives the same ciphertext, which keeps a retried
 * command byte-identical and so idempotent. It reveals only that two sealed values in one context are equal.
 * Legacy (`sealed:v1:`): values are now sealed per data subject (subject-keyring.ts); this sealer only opens
 * the v1 values already in the log, which are immutable.
 */
export class FieldSealer {
  private readonly encryptionKey: Buffer;
  private readonly nonceKey: Buffer;

  /** From the master key the v1 values were sealed with, or from the two keys derived from it (master-keyring.ts). */
  constructor(masterKey: Buffer | { encryption: Buffer; nonce: Buffer }) {
    if (Buffer.isBuffer(masterKey)) {
      if (masterKey.length !== 32) throw new Error('the master key must be 32 bytes');
      this.encryptionKey = createHmac('sha256', masterKey).update('registro:field-encryption').digest();
      this.nonceKey = createHmac('sha256', masterKey).update('registro:field-nonce').digest();
    } else {
      this.encryptionKey = masterKey.encryption;
      this.nonceKey = masterKey.nonce;
    }
  }

  seal(plaintext: string, context: string): string {
    const nonce = createHmac('sha256', this.nonceKey).update(context).update('\0').update(plaintext).digest().subarray(0, 12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, nonce);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64url');
  }

  unseal(sealed: string, context: string): string {
    if (!sealed.startsWith(PREFIX)) throw new Error('not a sealed value');
    const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}
