import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { CASE_STREAM_PREFIX, idInUse } from '#domain';
import { PG_POOL } from '#platform';
import { uuidFromHash } from '#event-store';

/** The server's keys for the ids it derives itself (SharedModule builds it from the master key). */
export class IdKeys {
  constructor(
    readonly derivedIds: Buffer,
    readonly eventIds: Buffer,
  ) {}

  /**
   * A UUID derived from stable parts under the server's secret (HMAC-SHA256, UUID-shaped): an id the client did
   * not send is the same on a retry of the same request, so the retry is recognised instead of creating a second
   * record; without the key nobody can compute it from a case id and take it first.
   */
  derive(...parts: string[]): string {
    return uuidFromHash(createHmac('sha256', this.derivedIds).update(parts.join('\n')).digest('hex'));
  }
}

/**
 * The ids a case stream hands out to things that have no stream of their own (victims, suspects, operations) or
 * that it links to (its prosecution), and the event that records each. Looked up in the log itself (partial
 * expression indexes, migration RecordIdLookups), so an id taken a moment ago is already taken.
 */
const CLAIMS = {
  victimId: 'VictimIdentified',
  suspectId: 'SuspectIdentified',
  operationId: 'OperationConducted',
  prosecutionId: 'CaseReferredToProsecutor',
} as const;
export type ClaimedId = keyof typeof CLAIMS;

/** One id of a body, with the path that names it in an answer (`victims[0].victimId`). */
export interface BodyId {
  path: string;
  id: string;
}

@Injectable()
export class RecordIds {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  /** The cases whose streams hold each of the ids (id → case ids); ids held by none are absent. */
  async casesHolding(kind: ClaimedId, ids: readonly string[]): Promise<Map<string, Set<string>>> {
    const holders = new Map<string, Set<string>>();
    if (ids.length === 0) return holders;
    const { rows } = await this.pool.query<{ id: string; stream_id: string }>(
      // Constants only in the text (the literals match the indexes' predicates); the ids are a parameter.
      `SELECT DISTINCT data->>'${kind}' AS id, stream_id FROM events WHERE event_type = '${CLAIMS[kind]}' AND data->>'${kind}' = ANY($1::text[])`,
      [ids.map((id) => id.toLowerCase())],
    );
    for (const { id, stream_id: streamId } of rows) {
      if (!streamId.startsWith(CASE_STREAM_PREFIX)) continue;
      const holder = holders.get(id) ?? new Set<string>();
      holder.add(streamId.slice(CASE_STREAM_PREFIX.length));
      holders.set(id, holder);
    }
    return holders;
  }

  /**
   * Refuses (409 naming each path) the ids that a case other than `ownCaseId` already holds: a new id is new across
   * the registry. An id the case itself holds is left to its decider (a retry, or a person listed twice).
   */
  async requireNew(kind: ClaimedId, ids: readonly BodyId[], ownCaseId: string): Promise<void> {
    const holders = await this.casesHolding(
      kind,
      ids.map((i) => i.id),
    );
    const taken = ids.filter(({ id }) => [...(holders.get(id.toLowerCase()) ?? [])].some((caseId) => caseId !== ownCaseId));
    if (taken.length > 0) throw idInUse(taken.map((i) => i.path));
  }
}
