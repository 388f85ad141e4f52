import { createHmac } from 'node:crypto';

/**
 * An identity document number as institutions write it differently: "40.123-456", "40 123 456" and "40123456"
 * are one document. Upper-cased, spaces, dots and dashes removed; leading zeros are kept (they are significant
 * in a DNI).
 */
export function normalizeDocumentNumber(value: string): string {
  return value.toUpperCase().replace(/[\s.\-\u2010-\u2015]/g, '');
}

/** The linkage key: derived from the master key under its own label, so it opens nothing else. */
export function linkageKeyOf(masterKey: Buffer): Buffer {
  return createHmac('sha256', masterKey).update('registro:document-linkage').digest();
}

/**
 * A keyed hash (HMAC-SHA256, hex) of a person's identity document, stored in clear so that the same victim
 * reported by two institutions is counted once, without storing the document. Without the key it cannot be
 * confirmed by hashing guessed DNI numbers; null without a document number.
 */
export function documentHashOf(linkageKey: Buffer, documentType: string | null, documentNumber: string | null): string | null {
  const number = documentNumber === null ? '' : normalizeDocumentNumber(documentNumber);
  if (number === '') return null;
  return createHmac('sha256', linkageKey)
    .update(`${documentType ?? 'UNSPECIFIED'}\0${number}`)
    .digest('hex');
}
