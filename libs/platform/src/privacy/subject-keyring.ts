import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import { NotAllowed } from '#domain';
import { documentHashOf } from './document-linkage.js';
import type { FieldSealer } from './field-sealer.js';

const V1 = 'sealed:v1:';
const V2 = 'sealed:v2:';

/** A person whose personal data the registry holds: a victim (its victimId), a caller (the call's callId); or a record's own free text (its id, kind 'record'). */
export interface DataSubject {
  id: string;
  kind: 'victim' | 'caller' | 'suspect' | 'record';
  /** A victim's identity document as the command gives it, for its link id (document_links). */
  document?: { type: string | null; number: string | null };
}

/** A subject's key as loaded: its data key, destroyed by an erasure, or no key at all (never given one). */
export type SubjectKey = { status: 'active'; dataKey: Buffer } | { status: 'erased' } | { status: 'absent' };

/** Setting personal data of a subject whose key was destroyed: it can never be sealed again (HTTP 422). */
export class PersonalDataErased extends NotAllowed {
  constructor(
    readonly subjectId: string,
    field: string,
  ) {
    super(
      'personal_data_erased',
      'Los datos personales de esta persona fueron suprimidos; no se pueden registrar nuevos',
      "This person's personal data was erased; new personal data cannot be recorded",
      [{ field, reason: 'Datos personales suprimidos', reasonEn: 'Personal data erased' }],
    );
  }
}

/** A stored value names a subject whose key was not loaded for this command (it appeared meanwhile): load again. */
export class SubjectKeyNotLoaded extends Error {
  constructor(readonly subjectId: string) {
    super(`the key of subject ${subjectId} was not loaded`);
    this.name = 'SubjectKeyNotLoaded';
  }
}

/**
 * The keys of the subjects one command or one read touches, loaded beforehand (keys live in the database,
 * sealing hooks are synchronous). Each subject's fields are sealed with AES-256-GCM under its own data key:
 * `sealed:v2:<subjectId>:<base64url(nonce ‖ tag ‖ ciphertext)>`, the context (`victim:<id>:fullName`) as
 * associated data. The nonce is synthetic (HMAC under the subject's nonce key of context and plaintext, as in
 * SIV), so a retried command seals to the same bytes and stays idempotent. Destroying the data key (erasure)
 * makes every value of that subject unreadable at once; they read back as null.
 */
export class SubjectKeyring {
  constructor(
    private readonly keys: ReadonlyMap<string, SubjectKey>,
    private readonly linkageKey: Buffer,
    private readonly legacy: FieldSealer | null = null,
    private readonly links: ReadonlyMap<string, string> = new Map(),
  ) {}

  /** Subjects of this keyring whose personal data was erased. */
  get erased(): ReadonlySet<string> {
    return new Set([...this.keys].filter(([, key]) => key.status === 'erased').map(([id]) => id));
  }

  isErased(subjectId: string): boolean {
    return this.keys.get(subjectId)?.status === 'erased';
  }

  seal(subjectId: string, plaintext: string, context: string, field = context): string {
    const key = this.keys.get(subjectId);
    if (key?.status === 'erased') throw new PersonalDataErased(subjectId, field);
    if (key?.status !== 'active') throw new Error(`no data key was prepared for subject ${subjectId}`);
    const { encryptionKey, nonceKey } = derive(key.dataKey);
    const nonce = createHmac('sha256', nonceKey).update(context).update('\0').update(plaintext).digest().subarray(0, 12);
    const cipher = createCipheriv('aes-256-gcm', encryptionKey, nonce);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${V2}${subjectId}:${Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  /**
   * The clear value, or null once the subject is erased (or its key is gone). `sealed:v1:` values, sealed with
   * the one master-derived key before per-subject keys existed, still open with it, but read back as null too
   * once their subject is erased: they are hidden, not cryptographically destroyed (see README).
   */
  unseal(subjectId: string, sealed: string, context: string): string | null {
    if (sealed.startsWith(V1)) {
      if (this.isErased(subjectId)) return null;
      if (!this.legacy) throw new Error('a sealed:v1 value needs the legacy sealer');
      return this.legacy.unseal(sealed, context);
    }
    if (!sealed.startsWith(V2)) throw new Error('not a sealed value');
    const rest = sealed.slice(V2.length);
    const separator = rest.indexOf(':');
    const owner = rest.slice(0, separator);
    if (separator < 0 || owner !== subjectId) throw new Error('the sealed value belongs to another subject');
    const key = this.keys.get(owner);
    if (key === undefined) throw new SubjectKeyNotLoaded(owner);
    if (key.status !== 'active') return null;
    const raw = Buffer.from(rest.slice(separator + 1), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', derive(key.dataKey).encryptionKey, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /**
   * The random link id of an identity document (`document_links`), prepared for this command: the same for every
   * record of the person, null without a document. Events hold it; the document's hash stays in the mutable table.
   */
  linkId(documentType: string | null, documentNumber: string | null): string | null {
    const hash = this.documentHash(documentType, documentNumber);
    if (hash === null) return null;
    const linkId = this.links.get(hash);
    if (linkId === undefined) throw new Error('no link id was prepared for this document');
    return linkId;
  }

  /** The linkage hash of an identity document (see document-linkage.ts). */
  documentHash(documentType: string | null, documentNumber: string | null): string | null {
    return documentHashOf(this.linkageKey, documentType, documentNumber);
  }
}

function derive(dataKey: Buffer): { encryptionKey: Buffer; nonceKey: Buffer } {
  return {
    encryptionKey: createHmac('sha256', dataKey).update('registro:subject-encryption').digest(),
    nonceKey: createHmac('sha256', dataKey).update('registro:subject-nonce').digest(),
  };
}
