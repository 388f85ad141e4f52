import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { FieldSealer } from './field-sealer.js';
import type { KeyWrapper } from './key-wrapper.js';
import type { VersionedKeyWrappers } from './master-keyring.js';
import { documentHashOf } from './document-linkage.js';
import { SubjectKeyring, type DataSubject, type SubjectKey } from './subject-keyring.js';
import { inTransaction } from '#event-store';

/** An identity document a command gives a victim: its link id is prepared before the (synchronous) sealing. */
export interface IdentityDocument {
  type: string | null;
  number: string | null;
}

/** What an erasure recorded; a second erasure of the same subject answers with the first's record. */
export interface SubjectErasure {
  subjectId: string;
  subjectKind: string;
  erasedAt: string;
  reason: string;
  erasedBy: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface KeyRow {
  subject_id: string;
  subject_kind: string;
  wrapped_key: Buffer | null;
  master_key_version: number;
  erased_at: Date | null;
  erasure_reason: string | null;
  erased_by: string | null;
}

/**
 * The `subject_keys` table: one random 256-bit data key per data subject, stored only wrapped by the master
 * key (or a KMS). Erasure destroys the wrapped key; the events, their hash chains and the statistics are not
 * touched, yet every sealed value of the subject becomes unreadable, in the log and in every backup of it.
 */
export class SubjectKeyStore {
  private readonly wrappers: VersionedKeyWrappers;

  /** `wrapper`: the master keys by version (master-keyring.ts), or one KeyWrapper (a KMS), taken as version 1. */
  constructor(
    private readonly pool: pg.Pool,
    wrapper: KeyWrapper | VersionedKeyWrappers,
    private readonly linkageKey: Buffer,
    private readonly legacy: FieldSealer | null = null,
  ) {
    this.wrappers = 'current' in wrapper ? wrapper : { current: 1, wrapper: (version) => (version === 1 ? wrapper : undefined) };
  }

  private async unwrap(row: KeyRow): Promise<Buffer> {
    const wrapper = this.wrappers.wrapper(row.master_key_version);
    if (!wrapper) throw new Error(`master key version ${row.master_key_version} is not in the keyring (retired?)`);
    return wrapper.unwrap(row.wrapped_key!);
  }

  /**
   * The keyring for one command or one read: `create` gets a key if it has none yet (a retried command with the
   * same victimId finds and reuses the first key: insert … on conflict do nothing, then select), `load` only
   * reads existing keys.
   */
  async keyring(subjects: {
    create?: readonly DataSubject[];
    load?: readonly string[];
    documents?: readonly IdentityDocument[];
  }): Promise<SubjectKeyring> {
    // Ids that are not UUIDs name no subject: the decider refuses such a command, it must not fail here first.
    const create = dedupe(subjects.create ?? []).filter((s) => UUID.test(s.id));
    const ids = [...new Set([...create.map((s) => s.id), ...(subjects.load ?? [])].map((id) => id.toLowerCase()))].filter((id) =>
      UUID.test(id),
    );
    const keys = new Map<string, SubjectKey>(ids.map((id) => [id, { status: 'absent' }]));
    for (const [id, dataKey] of await this.createKeys(create)) keys.set(id, { status: 'active', dataKey });
    const rows = await this.rows(ids.filter((id) => keys.get(id)!.status === 'absent'));
    await Promise.all(
      rows.map(async (row) => {
        keys.set(row.subject_id, row.wrapped_key === null ? { status: 'erased' } : { status: 'active', dataKey: await this.unwrap(row) });
      }),
    );
    const documents = [...(subjects.documents ?? []), ...create.flatMap((s) => (s.document ? [s.document] : []))];
    return new SubjectKeyring(keys, this.linkageKey, this.legacy, await this.links(documents));
  }

  /**
   * The link id of each document (hash → link id): the one already in `document_links`, else a new random one.
   * The unique hash makes two racing registrations of one document agree on a single link id.
   */
  private async links(documents: readonly IdentityDocument[]): Promise<Map<string, string>> {
    // Sorted: racing batches that share documents insert them in one order, so they wait for each other, never deadlock.
    const hashes = [
      ...new Set(documents.map((d) => documentHashOf(this.linkageKey, d.type, d.number)).filter((h): h is string => h !== null)),
    ].sort();
    if (hashes.length === 0) return new Map();
    const { rows } = await this.pool.query<{ link_id: string; document_hash: string }>(
      `WITH fresh AS (
         INSERT INTO document_links (link_id, document_hash) SELECT gen_random_uuid(), h FROM unnest($1::text[]) AS h
         ON CONFLICT (document_hash) DO NOTHING RETURNING link_id, document_hash)
       SELECT link_id, document_hash FROM fresh
       UNION ALL SELECT link_id, document_hash FROM document_links WHERE document_hash = ANY($1::text[])`,
      [hashes],
    );
    const links = new Map(rows.map((r) => [r.document_hash, r.link_id]));
    // A link inserted by a racing command after this statement's snapshot: committed now, read it.
    const missing = hashes.filter((h) => !links.has(h));
    if (missing.length > 0) {
      const again = await this.pool.query<{ link_id: string; document_hash: string }>(
        'SELECT link_id, document_hash FROM document_links WHERE document_hash = ANY($1::text[])',
        [missing],
      );
      for (const r of again.rows) links.set(r.document_hash, r.link_id);
    }
    return links;
  }

  /** The link id of a document already registered, or null (a search by document; nothing is inserted). */
  async existingLinkId(documentType: string | null, documentNumber: string | null): Promise<string | null | undefined> {
    const hash = documentHashOf(this.linkageKey, documentType, documentNumber);
    if (hash === null) return undefined;
    const { rows } = await this.pool.query<{ link_id: string }>('SELECT link_id FROM document_links WHERE document_hash = $1', [hash]);
    return rows[0]?.link_id ?? null;
  }

  /**
   * New keys for the subjects that have none; those that already have one (a retried command) keep theirs and
   * are read like any other. The insert commits without waiting for its WAL flush: the event that will use the key
   * is appended afterwards with a synchronous commit, whose flush covers this earlier WAL record too, so a key is
   * durable before anything sealed with it is. A key whose command never lands may be lost in a crash; nothing
   * refers to it. This keeps a command at one disk flush, the event store's (group-committed) one.
   */
  private async createKeys(subjects: readonly DataSubject[]): Promise<Map<string, Buffer>> {
    if (subjects.length === 0) return new Map();
    const fresh = subjects.map((subject) => ({ ...subject, dataKey: randomBytes(32) }));
    const version = this.wrappers.current;
    const wrapper = this.wrappers.wrapper(version)!;
    const wrapped = await Promise.all(fresh.map((f) => wrapper.wrap(f.dataKey)));
    // One round trip (simple protocol, several statements): the values are validated UUIDs, a kind from the code
    // and hex, so inlining them is safe, and a command pays no more than one extra exchange with the server.
    const values = fresh.map(
      (f, i) => `('${f.id}'::uuid, ${literal(f.kind)}, '\\x${wrapped[i].toString('hex')}'::bytea, ${Number(version)})`,
    );
    const client = await this.pool.connect();
    try {
      const results = (await client.query(
        `BEGIN; SET LOCAL synchronous_commit = off;
         INSERT INTO subject_keys (subject_id, subject_kind, wrapped_key, master_key_version) VALUES ${values.join(', ')}
           ON CONFLICT (subject_id) DO NOTHING RETURNING subject_id;
         COMMIT;`,
      )) as unknown as Array<{ rows: Array<{ subject_id: string }> }>;
      const inserted = new Set(results[2].rows.map((r) => r.subject_id));
      return new Map(fresh.filter((f) => inserted.has(f.id)).map((f) => [f.id, f.dataKey]));
    } catch (error) {
      // A failed statement leaves the connection inside the aborted transaction: end it before it goes back.
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Destroys the subject's key; idempotent. Null when the registry holds no such subject. */
  async erase(subjectId: string, reason: string, erasedBy: string): Promise<SubjectErasure | null> {
    const [erasure] = await this.eraseAll([subjectId], [], reason, erasedBy);
    return erasure ?? null;
  }

  /**
   * Destroys the keys of several subjects (one person's linked records) and deletes their document links, in one
   * transaction; idempotent. Answers the erasure of each subject the registry holds, in the order given.
   */
  async eraseAll(subjectIds: readonly string[], linkIds: readonly string[], reason: string, erasedBy: string): Promise<SubjectErasure[]> {
    const ids = [...new Set(subjectIds.map((id) => id.toLowerCase()))].filter((id) => UUID.test(id));
    const links = [...new Set(linkIds.map((id) => id.toLowerCase()))].filter((id) => UUID.test(id));
    if (ids.length === 0) return [];
    await inTransaction(this.pool, async (client) => {
      await client.query(
        `UPDATE subject_keys SET wrapped_key = NULL, erased_at = now(), erasure_reason = $2, erased_by = $3
         WHERE subject_id = ANY($1::uuid[]) AND erased_at IS NULL`,
        [ids, reason, erasedBy],
      );
      if (links.length > 0) await client.query('DELETE FROM document_links WHERE link_id = ANY($1::uuid[])', [links]);
    });
    return this.erasures(ids);
  }

  /** The recorded erasures of these subjects, in the order given (those not erased are left out). */
  async erasures(subjectIds: readonly string[]): Promise<SubjectErasure[]> {
    const ids = [...new Set(subjectIds.map((id) => id.toLowerCase()))].filter((id) => UUID.test(id));
    const rows = new Map((await this.rows(ids)).map((row) => [row.subject_id, row]));
    return ids
      .map((id) => rows.get(id))
      .filter((row): row is KeyRow => row !== undefined)
      .map(erasureOf)
      .filter((e): e is SubjectErasure => e !== null);
  }

  /** The kind of a subject the registry holds a key row for (erased or not), or null. */
  async kindOf(subjectId: string): Promise<string | null> {
    const id = subjectId.toLowerCase();
    if (!UUID.test(id)) return null;
    return (await this.rows([id]))[0]?.subject_kind ?? null;
  }

  private async rows(ids: readonly string[]): Promise<KeyRow[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.pool.query<KeyRow>(
      `SELECT subject_id, subject_kind, wrapped_key, master_key_version, erased_at, erasure_reason, erased_by
       FROM subject_keys WHERE subject_id = ANY($1::uuid[])`,
      [ids],
    );
    return rows;
  }
}

function erasureOf(row: KeyRow): SubjectErasure | null {
  if (row.erased_at === null) return null;
  return {
    subjectId: row.subject_id,
    subjectKind: row.subject_kind,
    erasedAt: row.erased_at.toISOString(),
    reason: row.erasure_reason ?? '',
    erasedBy: row.erased_by ?? '',
  };
}

function dedupe(subjects: readonly DataSubject[]): DataSubject[] {
  const byId = new Map(subjects.map((s) => [s.id.toLowerCase(), { ...s, id: s.id.toLowerCase() }]));
  return [...byId.values()];
}

/** A kind as an SQL literal: kinds are short words from the code, checked here anyway. */
function literal(kind: string): string {
  if (!/^[a-z_]{1,40}$/.test(kind)) throw new Error(`not a subject kind: ${kind}`);
  return `'${kind}'`;
}
